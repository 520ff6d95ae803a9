/**
 * 督办清单: open cases past or near their deadline, escalated to a higher tier, or repeat
 * petitions, with the lead unit, responsible leader and person of each. `SupervisionList` is
 * exported for other areas (e.g. 统计考核) to show or link; the page lives at '#/court/supervision'
 * and one case opens at '#/court/supervision/:caseId'.
 */
import { Checkbox, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import {
  SUPERVISION_KIND_LABELS,
  SUPERVISION_KINDS,
  type SupervisionKind,
  type SupervisionRow,
} from '../../../../electron/common/api/court';
import { statusLabel } from '../../../../electron/common/domain/lifecycle';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { DueDate, daysText } from '../cases/StatusTag';
import { CourtCaseView } from './CourtCaseView';

export const SUPERVISION_PATH = '/stats/supervision';

const KIND_COLOURS: Record<SupervisionKind, string> = { overdue: 'error', near: 'warning', escalated: 'purple', repeat: 'magenta' };

function deadlineCell(r: SupervisionRow) {
  if (!r.deadline) return <Typography.Text type="secondary">未设定</Typography.Text>;
  const left = r.daysLeft ?? 0;
  return (
    <>
      <DueDate due={r.deadline} note={r.deadlineNote} />
      <Typography.Text type={left < 0 ? 'danger' : left <= 3 ? 'warning' : 'secondary'} style={{ display: 'block', fontSize: 13 }}>
        {left < 0 ? `超期 ${-left} 天` : daysText(left, r.workingDaysLeft)}
      </Typography.Text>
    </>
  );
}

/** The supervision list itself, with its filter; `linkTo` makes the case number a link. */
export function SupervisionList({
  linkTo = (id: string) => `${SUPERVISION_PATH}/${id}`,
  initialKinds = [],
}: {
  linkTo?: (caseId: string) => string;
  initialKinds?: SupervisionKind[];
}) {
  const [kinds, setKinds] = useState<SupervisionKind[]>(initialKinds);
  const q = useApiQuery('supervision.list', kinds.length ? { kinds } : {}, { staleTime: 0 });
  const columns: TableColumnsType<SupervisionRow> = [
    {
      title: '督办原因',
      key: 'kinds',
      width: 130,
      render: (_: unknown, r) => (
        <Flex vertical gap={4} align="flex-start">
          {r.kinds.map((k) => (
            <Tag key={k} color={KIND_COLOURS[k]}>
              {SUPERVISION_KIND_LABELS[k]}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: '案件',
      key: 'case',
      render: (_: unknown, r) => (
        <>
          <Link className="case-number" to={linkTo(r.id)}>
            {r.caseNumber}
          </Link>
          <div>{r.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {r.partyNames} · {statusLabel(r.status)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '层级',
      key: 'tier',
      width: 120,
      render: (_: unknown, r) => (
        <>
          {tierLabel(r.tier)}
          {r.tier !== r.originTier ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              由{tierLabel(r.originTier)}上报
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: '化解期限', key: 'deadline', width: 180, render: (_: unknown, r) => deadlineCell(r) },
    {
      title: '牵头单位',
      key: 'lead',
      render: (_: unknown, r) => (
        <>
          {r.leadUnit ?? <Typography.Text type="warning">未明确</Typography.Text>}
          {r.coUnits.length ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              协办：{r.coUnits.join('、')}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: '包案领导',
      dataIndex: 'responsibleLeader',
      width: 100,
      render: (v: string | null) => v ?? <Typography.Text type="warning">未明确</Typography.Text>,
    },
    {
      title: '责任人',
      dataIndex: 'responsiblePerson',
      width: 100,
      render: (v: string | null) => v ?? <Typography.Text type="warning">未明确</Typography.Text>,
    },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Checkbox.Group<SupervisionKind>
          value={kinds}
          onChange={setKinds}
          options={SUPERVISION_KINDS.map((k) => ({ value: k, label: SUPERVISION_KIND_LABELS[k] }))}
          aria-label="督办原因"
        />
        <Typography.Text type="secondary">不选即显示全部；共 {q.data?.length ?? 0} 件</Typography.Text>
      </Flex>
      <ErrorAlert error={q.error} title="督办清单加载失败" />
      <Table<SupervisionRow>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={q.data ?? []}
        loading={q.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label="督办清单"
        locale={{ emptyText: '没有需要督办的案件' }}
      />
    </>
  );
}

export function SupervisionPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <PageHeader
              title="督办清单"
              subtitle="办理中的案件：已超期、临近期限、已上报上级和重复信访的，连同牵头单位、包案领导和责任人。"
            />
            <SupervisionList />
          </>
        }
      />
      <Route path=":caseId" element={<CourtCaseView back={{ label: '返回督办清单', to: SUPERVISION_PATH }} />} />
    </Routes>
  );
}
