/** The cases behind a figure (click-through): a drawer with the paged list; each row opens the case page. */
import { Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { StatsCaseRow } from '../../../../electron/common/api/stats';
import { categoryLabel } from '../../../../electron/common/domain/categories';
import { formatYuan } from '../../../../electron/common/domain/money';
import { sourceLabel } from '../../../../electron/common/domain/sources';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import type { Period } from '../../../../electron/common/stats/period';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiQuery } from '../../components/useApiQuery';
import { StatusTag } from '../cases/StatusTag';
import type { Drill } from './charts';

const columns: TableColumnsType<StatsCaseRow> = [
  { title: '案号', dataIndex: 'caseNumber', width: 190, render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link> },
  { title: '纠纷简述', dataIndex: 'title', width: 200, ellipsis: true },
  { title: '类型', dataIndex: 'category', width: 100, render: (c: string) => categoryLabel(c) },
  { title: '来源', dataIndex: 'source', width: 130, render: (s: string) => sourceLabel(s), responsive: ['xl'] },
  {
    title: '层级',
    dataIndex: 'tier',
    width: 90,
    render: (t: string, r) => (t === r.originTier ? tierLabel(t) : `${tierLabel(t)}（由${tierLabel(r.originTier)}上报）`),
  },
  { title: '状态', dataIndex: 'status', width: 100, render: (s: StatsCaseRow['status']) => <StatusTag status={s} /> },
  { title: '登记日期', dataIndex: 'registeredAt', width: 105, render: (t: string) => t.slice(0, 10) },
  { title: '结果日期', dataIndex: 'outcomeAt', width: 105, render: (t: string | null) => t?.slice(0, 10) ?? '—' },
  { title: '化解期限', dataIndex: 'deadline', width: 105, render: (t: string | null) => t ?? '—' },
  {
    title: '协议金额（元）',
    dataIndex: 'agreedAmountFen',
    width: 130,
    align: 'right',
    render: (f: number | null) => (f === null ? '—' : formatYuan(f)),
  },
];

export function CasesDrawer({ drill, period, onClose }: { drill: Drill | null; period: Period | null; onClose: () => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // Another figure starts at its first page: adjusted while rendering, as React advises, not in an effect.
  const [pageOf, setPageOf] = useState(drill);
  if (pageOf !== drill) {
    setPageOf(drill);
    setPage((p) => ({ ...p, page: 1 }));
  }
  const open = drill !== null && period !== null;
  const list = useApiQuery('stats.cases', open ? { figure: drill.figure, key: drill.key ?? null, period, ...page } : undefined, {
    enabled: open,
  });
  return (
    <Drawer open={open} onClose={onClose} size={1100} title={list.data?.title ?? '统计明细'} destroyOnHidden aria-label="统计明细">
      <ErrorAlert error={list.error} title="案件列表加载失败" />
      <Typography.Paragraph type="secondary">
        {period ? `统计期间 ${period.from} 至 ${period.to}` : ''}
        {list.data ? `，共 ${list.data.total} 件。点击案号打开案件。` : ''}
      </Typography.Paragraph>
      <Table<StatsCaseRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isPending && open}
        aria-label="统计明细案件列表"
        scroll={{ x: 1150 }}
        locale={{ emptyText: '没有符合条件的案件' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 件`,
          onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
        }}
      />
    </Drawer>
  );
}
