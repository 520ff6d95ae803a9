/**
 * One case: what it is about, who is involved, what happened at each session, its history, and
 * the buttons for the next legal steps. Other areas add their panels (court referral, 司法确认,
 * 回访, documents) through panels.ts.
 */
import { Alert, Button, Card, Col, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useParams, useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../../electron/common/api/cases';
import { isOpen, partiesEditable } from '../../../../electron/common/domain/lifecycle';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { CaseActions } from './CaseActions';
import { CaseInfoCard } from './CaseInfoCard';
import { MediatorsCard } from './MediatorsCard';
import { AgreementCard, UndisputedCard } from './OutcomeCard';
import { casePanels } from './panels';
import { PartiesCard } from './PartiesCard';
import { SessionsCard } from './SessionsCard';
import { StatusTag } from './StatusTag';

function TimelineCard({ detail }: { detail: CaseDetail }) {
  return (
    <Card size="small" title="办理经过" style={{ marginBottom: 16 }}>
      <Timeline
        data-testid="timeline"
        items={detail.timeline.map((t) => ({
          children: (
            <div>
              <Typography.Text type="secondary">
                {t.at.replace('T', ' ').slice(0, 16)} · {t.actorName}
              </Typography.Text>
              <div>{t.summary}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const query = useApiQuery('cases.get', { id });
  const detail = query.data;
  if (query.isLoading) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!detail) return <ErrorAlert error={query.error ?? new Error('找不到该案件')} />;

  // Who may change this case and read it in full is the services' rule (common/access.ts), sent
  // with the case: the page offers nothing the services would refuse.
  const { canEdit, canReadFull, reason } = detail.permissions;
  const staff = user.role !== 'intake';
  const acts = staff && canEdit;
  const editable = acts && isOpen(detail.status);
  const onChanged = () => void query.refetch();
  const panels = casePanels.filter((p) => p.applies(detail));
  const showAgreement = acts && canReadFull && (detail.status === 'mediating' || detail.outcome === 'agreement');
  const showUndisputed = acts && canReadFull && (detail.status === 'mediating' || detail.outcome === 'failed');

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="case-number">{detail.caseNumber}</span>
            <StatusTag status={detail.status} />
            {detail.importedFrom ? <Tag title={`来自 ${detail.importedFrom}`}>历史导入</Tag> : null}
          </Space>
        }
        subtitle={detail.title}
        extra={<Button onClick={() => navigate('/cases')}>返回列表</Button>}
      />
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {detail.deadlineState === 'overdue' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已超过化解期限 ${-(detail.daysLeft ?? 0)} 天，请尽快办理或调整期限并说明理由。`}
        />
      ) : null}
      {!canReadFull || !canEdit ? (
        <Alert
          data-testid="case-access"
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={canReadFull ? '本案只能查看' : '本案只显示基本情况：证件号码和电话已隐去，不显示调解记录、协议内容和办理经过'}
          description={reason ?? undefined}
        />
      ) : null}
      {acts ? (
        <Card size="small" style={{ marginBottom: 16 }} title="办理">
          <CaseActions detail={detail} />
          {detail.availableActions.length === 0 ? <Typography.Text type="secondary">本案已办结。</Typography.Text> : null}
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <CaseInfoCard detail={detail} editable={editable} />
          <PartiesCard detail={detail} editable={acts && partiesEditable(detail.status)} />
          <MediatorsCard detail={detail} editable={editable} />
          {canReadFull ? <SessionsCard detail={detail} editable={editable} /> : null}
          {showAgreement ? <AgreementCard key={`a-${detail.version}`} detail={detail} /> : null}
          {showUndisputed ? <UndisputedCard key={`u-${detail.version}`} detail={detail} /> : null}
          {panels.map(({ key, title, Component }) => (
            <Card key={key} size="small" title={title} style={{ marginBottom: 16 }}>
              <Component detail={detail} onChanged={onChanged} />
            </Card>
          ))}
        </Col>
        {canReadFull ? (
          <Col xs={24} xl={8}>
            <TimelineCard detail={detail} />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
