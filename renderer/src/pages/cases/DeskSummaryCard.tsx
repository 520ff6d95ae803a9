/** Today's work at the desk: overdue and due-soon open cases, surfaced every day. */
import { Alert, Badge, Card, Col, Collapse, Empty, List, Row, Statistic } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaseRow, DeskSummary } from '../../../../electron/common/api/cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../components/useApiQuery';
import { DeadlineTag } from './StatusTag';

function CaseLines({ rows, testId }: { rows: CaseRow[]; testId: string }) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />;
  return (
    <List
      data-testid={testId}
      size="small"
      dataSource={rows.slice(0, 8)}
      renderItem={(r) => (
        <List.Item extra={<DeadlineTag row={r} />} className="desk-case-line">
          <Link to={`/cases/${r.id}`}>{r.caseNumber}</Link>
          <span className="title">{r.title}</span>
        </List.Item>
      )}
    />
  );
}

/** Whether the panels start unfolded: on a short screen (1366×768) the case list comes first. */
const startOpen = () => window.innerHeight > 900;

export function DeskSummaryCard() {
  const desk = useApiQuery('cases.desk', undefined, { refetchInterval: 5 * 60_000 });
  const [open, setOpen] = useState(startOpen);
  if (desk.error) return <ErrorAlert error={desk.error} />;
  const d = desk.data;
  const summary = `今日待办：在办 ${d?.counts.open ?? 0} 件，已逾期 ${d?.overdue.length ?? 0} 件，即将到期 ${d?.dueSoon.length ?? 0} 件`;
  return (
    <>
      {d?.calendarWarning ? (
        <Alert type="warning" showIcon data-testid="calendar-warning" title={d.calendarWarning} style={{ marginBottom: 16 }} />
      ) : null}
      <Collapse
        size="small"
        style={{ marginBottom: 16, background: '#fff' }}
        activeKey={open ? ['desk'] : []}
        onChange={(keys) => setOpen(keys.includes('desk'))}
        items={[{ key: 'desk', label: summary, children: panels(d, desk.isLoading) }]}
      />
    </>
  );
}

function panels(d: DeskSummary | undefined, loading: boolean) {
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic title="在办案件" value={d?.counts.open ?? 0} suffix="件" />
            <Statistic
              title="待受理 / 调解中"
              value={`${d?.counts.registered ?? 0} / ${d?.counts.mediating ?? 0}`}
              valueStyle={{ fontSize: 18 }}
            />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" title={<Badge color="red" text={`已逾期（${d?.overdue.length ?? 0}）`} />} loading={loading}>
            <CaseLines rows={d?.overdue ?? []} testId="desk-overdue" />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" title={<Badge color="orange" text={`即将到期（${d?.dueSoon.length ?? 0}）`} />} loading={loading}>
            <CaseLines rows={d?.dueSoon ?? []} testId="desk-due-soon" />
          </Card>
        </Col>
      </Row>
    </>
  );
}
