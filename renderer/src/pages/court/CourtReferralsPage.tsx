/**
 * 法院委派 › 委派案件: the court docking point's home. Referrals by days left (overdue first) with
 * their clocks, the visits due, and "登记委派/委托案件". One referral opens at '#/court/referrals/:caseId'.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import {
  COURT_MODE_SHORT,
  COURT_RESULT_LABELS,
  type FollowupDueRow,
  type ReferralFilter,
  type ReferralView,
} from '../../../../electron/common/api/court';
import { COURT_PROCEDURE_LABELS } from '../../../../electron/common/domain/deadlines';
import { statusLabel } from '../../../../electron/common/domain/lifecycle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { CourtCaseView } from './CourtCaseView';
import { RegisterReferralModal } from './referral/RegisterReferralModal';
import { ReferralClock } from './ReferralClock';
import { dueTag } from './panels/FollowupPanel';

export function CourtReferralsPage() {
  return (
    <Routes>
      <Route index element={<ReferralsHome />} />
      <Route path=":caseId" element={<CourtCaseView back={{ label: '返回委派案件', to: '/court/referrals' }} />} />
    </Routes>
  );
}

function ReferralsHome() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<ReferralFilter>('open');
  const [registering, setRegistering] = useState(false);
  // Deadlines move with the day and other desks register referrals: always fresh when opened.
  const list = useApiQuery('court.referrals', { status: filter }, { staleTime: 0 });
  const open = useApiQuery('court.referrals', { status: 'open' }, { staleTime: 0 });
  const unreported = useApiQuery('court.referrals', { status: 'unreported' }, { staleTime: 0 });
  const due = useApiQuery('followups.due', { withinDays: 7 }, { staleTime: 0 });
  const running = open.data ?? [];

  const columns: TableColumnsType<ReferralView> = [
    { title: '期限', key: 'clock', width: 150, render: (_: unknown, r) => <ReferralClock r={r} compact /> },
    {
      title: '案号',
      key: 'numbers',
      width: 220,
      render: (_: unknown, r) => (
        <>
          <Link to={`/court/referrals/${r.caseId}`}>{r.caseNumber}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {r.referenceNumber}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '纠纷',
      key: 'title',
      render: (_: unknown, r) => (
        <>
          {r.title}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {r.partyNames}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '法院',
      key: 'court',
      render: (_: unknown, r) => (
        <>
          {r.court}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {COURT_MODE_SHORT[r.mode]}
            {r.procedure ? `·${COURT_PROCEDURE_LABELS[r.procedure]}` : ''}
            {r.reportTo ? ` · ${r.reportTo}` : ''}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '调解员',
      dataIndex: 'mediatorNames',
      width: 110,
      render: (n: string) => n || <Typography.Text type="warning">未选定</Typography.Text>,
    },
    { title: '期限至', dataIndex: 'dueDate', width: 115 },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_: unknown, r) =>
        r.result ? (
          <>
            <Tag color={r.result === 'agreement' ? 'success' : 'default'}>{COURT_RESULT_LABELS[r.result]}</Tag>
            {r.materialsReturned ? <Tag color="orange">材料退回法院</Tag> : null}
          </>
        ) : (
          statusLabel(r.status)
        ),
    },
  ];

  const dueColumns: TableColumnsType<FollowupDueRow> = [
    { title: '回访日期', dataIndex: 'dueOn', width: 110 },
    { title: '', key: 'tag', width: 100, render: (_: unknown, f) => dueTag(f) },
    { title: '案件', key: 'case', render: (_: unknown, f) => <Link to={`/court/referrals/${f.caseId}`}>{f.caseNumber}</Link> },
    { title: '当事人', dataIndex: 'partyNames' },
  ];

  return (
    <>
      <PageHeader
        title="委派案件"
        subtitle="法院委派、委托调解的案件：期限自签收材料次日起算，委派 30 日，委托 15 日（普通程序）或 7 日（简易程序）。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记委派/委托案件
          </Button>
        }
      />
      <Row gutter={16} style={{ marginBottom: 20 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="办理中" value={running.length} suffix="件" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="已超期"
              value={running.filter((r) => r.clock === 'overdue').length}
              suffix="件"
              styles={{ content: { color: '#c62828' } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="临近期限"
              value={running.filter((r) => r.clock === 'near').length}
              suffix="件"
              styles={{ content: { color: '#b26a00' } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="7 日内待回访" value={due.data?.length ?? 0} suffix="次" />
          </Card>
        </Col>
      </Row>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Segmented<ReferralFilter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: '办理中' },
            { value: 'unreported', label: `待报告法院${unreported.data?.length ? `（${unreported.data.length}）` : ''}` },
            { value: 'reported', label: '已报告结果' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Typography.Text type="secondary">按剩余天数排列，已超期的在最前。</Typography.Text>
      </Flex>
      <ErrorAlert error={list.error} title="委派案件加载失败" />
      <Table<ReferralView>
        scroll={{ x: 'max-content' }}
        rowKey="caseId"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label="委派案件"
        locale={{
          emptyText:
            filter === 'open' ? '没有办理中的委派案件' : filter === 'unreported' ? '没有调解已结束、尚未向法院报告结果的案件' : '没有记录',
        }}
        onRow={(r) => ({ onDoubleClick: () => void navigate(`/court/referrals/${r.caseId}`) })}
      />
      {due.data && due.data.length > 0 ? (
        <Card title="近期回访" size="small" style={{ marginTop: 20 }}>
          <Table<FollowupDueRow>
            scroll={{ x: 'max-content' }}
            rowKey="id"
            size="small"
            columns={dueColumns}
            dataSource={due.data}
            pagination={false}
            aria-label="近期回访"
          />
        </Card>
      ) : null}
      <RegisterReferralModal
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={(caseId) => {
          setRegistering(false);
          void navigate(`/court/referrals/${caseId}`);
        }}
      />
    </>
  );
}
