/**
 * One case as the court docking point and the supervisor see it: its heading, parties and
 * mediators, and the court / follow-through panels that apply to it. Links to the full case page:
 * the 案件 area is open to every role (routes.tsx), and this view does not import the route registry,
 * which imports this view's pages (an import cycle).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PARTY_ROLE_LABELS } from '../../../../electron/common/api/cases';
import { statusLabel } from '../../../../electron/common/domain/lifecycle';
import { sourceLabel } from '../../../../electron/common/domain/sources';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { categoryLabel, dateTime } from './format';
import { courtCasePanels } from './panels';

const REFRESH = [
  'cases.get',
  'court.referral',
  'court.referrals',
  'confirmations.get',
  'followups.list',
  'followups.due',
  'supervision.list',
];

export function CourtCaseView({ back }: { back: { label: string; to: string } }) {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const q = useApiQuery('cases.get', { id: caseId }, { enabled: caseId !== '' });
  const backButton = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(back.to)}>
      {back.label}
    </Button>
  );
  if (q.isPending) return <Skeleton active />;
  if (q.error) {
    return (
      <>
        <ErrorAlert error={q.error} title="案件加载失败" />
        {backButton}
      </>
    );
  }
  const d = q.data;
  if (!d) return <Result status="404" title="找不到该案件" extra={backButton} />;
  const onChanged = () => void Promise.all(REFRESH.map((k) => queryClient.invalidateQueries({ queryKey: [k] })));
  const panels = courtCasePanels.filter((p) => p.applies(d));
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={12} wrap>
            <span>{d.caseNumber}</span>
            <Tag color="blue" style={{ fontSize: 14 }}>
              {statusLabel(d.status)}
            </Tag>
          </Flex>
        }
        subtitle={d.title}
        extra={
          <>
            <Link to={`/cases/${d.id}`}>
              <Button>打开案件页</Button>
            </Link>
            {backButton}
          </>
        }
      />
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 20 }}
        items={[
          { key: 'cat', label: '纠纷类型', children: categoryLabel(d.category) },
          { key: 'src', label: '来源', children: sourceLabel(d.source) },
          { key: 'tier', label: '层级', children: tierLabel(d.tier) },
          { key: 'reg', label: '登记时间', children: dateTime(d.registeredAt) },
          { key: 'deadline', label: '化解期限', children: d.deadline ?? '未设定' },
          { key: 'mediators', label: '调解员', children: d.mediators.map((m) => m.name).join('、') || '未指派' },
          {
            key: 'parties',
            label: '当事人',
            span: 3,
            children: d.parties.map((p) => `${PARTY_ROLE_LABELS[p.role]} ${p.name}`).join('；') || '—',
          },
        ]}
      />
      <Flex vertical gap={16}>
        {panels.map(({ key, title, Component }) => (
          <Card key={key} title={title} size="small" data-testid={`panel-${key}`} styles={{ body: { padding: 20 } }}>
            <Component detail={d} onChanged={onChanged} />
          </Card>
        ))}
      </Flex>
    </>
  );
}
