/** 重点案件督办清单 on screen: the open cases to push, with who answers for each; paged. */
import { Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { KEY_CASE_REASON_LABELS, type KeyCaseReason, type KeyCaseRow } from '../../../../electron/common/api/stats';
import type { FigureDefinition } from '../../../../electron/common/stats/definitions';
import type { Period } from '../../../../electron/common/stats/period';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../components/useApiQuery';
import { ExportXlsxButton, RulesPopover } from './ChartPanel';
import type { Drill } from './charts';
import { CountLink } from './tables';

const REASON_COLORS: Record<KeyCaseReason, string> = { overdue: 'red', near: 'orange', escalated: 'purple', repeat: 'blue' };

const columns: TableColumnsType<KeyCaseRow> = [
  { title: '案号', dataIndex: 'caseNumber', width: 190, render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link> },
  { title: '纠纷简述', dataIndex: 'title', width: 220, ellipsis: true },
  {
    title: '督办事由',
    dataIndex: 'reasons',
    width: 190,
    render: (rs: KeyCaseReason[]) =>
      rs.map((x) => (
        <Tag key={x} color={REASON_COLORS[x]}>
          {KEY_CASE_REASON_LABELS[x]}
        </Tag>
      )),
  },
  {
    title: '化解期限',
    dataIndex: 'deadline',
    width: 150,
    render: (d: string | null, r) =>
      d ? `${d}${r.daysLeft === null ? '' : r.daysLeft < 0 ? `（逾期${-r.daysLeft}天）` : `（剩${r.daysLeft}天）`}` : '未设定',
  },
  { title: '牵头单位', dataIndex: 'leadUnit', width: 140, render: (v: string | null) => v ?? '—' },
  { title: '包案领导', dataIndex: 'responsibleLeader', width: 90, render: (v: string | null) => v ?? '—' },
  { title: '责任人', dataIndex: 'responsiblePerson', width: 90, render: (v: string | null) => v ?? '—' },
  { title: '调解员', dataIndex: 'mediatorNames', width: 110, ellipsis: true },
];

export function KeyCasesPanel({
  period,
  definitions,
  onDrill,
}: {
  period: Period | null;
  definitions: readonly FigureDefinition[];
  onDrill: (d: Drill) => void;
}) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const list = useApiQuery('stats.keyCaseList', period ? { period, ...page } : undefined, { enabled: period !== null });
  const c = list.data?.counts;
  return (
    <Card
      size="small"
      role="region"
      aria-label="重点案件督办清单"
      title={
        <Flex align="center" gap={4}>
          <span>重点案件督办清单</span>
          <RulesPopover definitions={definitions} keys={['keyCases', 'overdue']} title="重点案件督办清单" />
        </Flex>
      }
      extra={<ExportXlsxButton table="keyCases" period={period} />}
    >
      <ErrorAlert error={list.error} title="督办清单加载失败" />
      {c ? (
        <Typography.Paragraph>
          截至 {list.data?.asOf}：共 <CountLink value={c.total} drill={{ figure: 'keyCases' }} onDrill={onDrill} /> 件，其中
          {(['overdue', 'near', 'escalated', 'repeat'] as const).map((r, i) => (
            <span key={r}>
              {i > 0 ? '、' : ''}
              {KEY_CASE_REASON_LABELS[r]} <CountLink value={c[r]} drill={{ figure: 'keyCases', key: `reason:${r}` }} onDrill={onDrill} /> 件
            </span>
          ))}
          。
        </Typography.Paragraph>
      ) : null}
      <Table<KeyCaseRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isPending && period !== null}
        aria-label="重点案件列表"
        scroll={{ x: 1200 }}
        locale={{ emptyText: '本期无重点督办案件' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 件`,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
    </Card>
  );
}
