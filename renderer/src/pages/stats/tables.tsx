/** The tables behind the charts; every non-zero count is a link to the cases it counts. */
import { Button, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { BreakdownRow, CaseFigure, CourtReferralRow, ResolvedAtTier, TrendPoint } from '../../../../electron/common/api/stats';
import { formatYuan } from '../../../../electron/common/domain/money';
import { formatRate } from '../../../../electron/common/stats/definitions';
import type { Drill } from './charts';

/** A count that opens its cases; 0 is plain text (there is nothing to open). */
export function CountLink({ value, drill, onDrill, label }: { value: number; drill: Drill; onDrill: (d: Drill) => void; label?: string }) {
  if (value === 0) return <span>0</span>;
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onDrill(drill)} aria-label={label}>
      {value}
    </Button>
  );
}

const num = { align: 'right' as const, width: 88 };

export function BreakdownTable({
  rows,
  first,
  dimension,
  onDrill,
}: {
  rows: BreakdownRow[];
  first: string;
  dimension: string;
  onDrill: (d: Drill) => void;
}) {
  const link = (title: string, figure: CaseFigure, field: 'received' | 'accepted' | 'mediated' | 'successful' | 'overdue') => ({
    title,
    ...num,
    dataIndex: field,
    render: (v: number, r: BreakdownRow) => (
      <CountLink value={v} drill={{ figure, key: `${dimension}:${r.key}` }} onDrill={onDrill} label={`${r.label} ${title}：${v}件`} />
    ),
  });
  const columns: TableColumnsType<BreakdownRow> = [
    { title: first, dataIndex: 'label' },
    link('受理（登记）', 'received', 'received'),
    link('受理调解', 'accepted', 'accepted'),
    link('调解', 'mediated', 'mediated'),
    link('成功', 'successful', 'successful'),
    { title: '成功率', dataIndex: 'successRate', align: 'right', width: 80, render: (v: number | null) => formatRate(v) },
    { title: '协议金额（元）', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
    link('逾期', 'overdue', 'overdue'),
  ];
  return (
    <Table<BreakdownRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 300 }}
      aria-label={`${first}统计表`}
    />
  );
}

export function TrendTable({ trend, onDrill }: { trend: TrendPoint[]; onDrill: (d: Drill) => void }) {
  const columns: TableColumnsType<TrendPoint> = [
    { title: '月份', dataIndex: 'label' },
    {
      title: '受理（登记）',
      ...num,
      dataIndex: 'received',
      render: (v: number, t) => <CountLink value={v} drill={{ figure: 'received', key: `month:${t.month}` }} onDrill={onDrill} />,
    },
    {
      title: '调解',
      ...num,
      dataIndex: 'mediated',
      render: (v: number, t) => <CountLink value={v} drill={{ figure: 'mediated', key: `month:${t.month}` }} onDrill={onDrill} />,
    },
    {
      title: '成功',
      ...num,
      dataIndex: 'successful',
      render: (v: number, t) => <CountLink value={v} drill={{ figure: 'successful', key: `month:${t.month}` }} onDrill={onDrill} />,
    },
    { title: '成功率', dataIndex: 'successRate', align: 'right', render: (v: number | null) => formatRate(v) },
  ];
  return (
    <Table<TrendPoint>
      size="small"
      rowKey="month"
      columns={columns}
      dataSource={trend}
      pagination={false}
      scroll={{ y: 300 }}
      aria-label="月度趋势表"
    />
  );
}

export function TierTable({ r, onDrill }: { r: ResolvedAtTier; onDrill: (d: Drill) => void }) {
  type Row = ResolvedAtTier['byOriginTier'][number];
  const columns: TableColumnsType<Row> = [
    { title: '目标', dataIndex: 'slogan' },
    { title: '发生层级', dataIndex: 'label' },
    {
      title: '调解成功',
      ...num,
      dataIndex: 'successful',
      render: (v: number, t) => <CountLink value={v} drill={{ figure: 'successful', key: `originTier:${t.tier}` }} onDrill={onDrill} />,
    },
    {
      title: '就地化解',
      ...num,
      dataIndex: 'atTier',
      render: (v: number, t) => <CountLink value={v} drill={{ figure: 'resolvedAtTier', key: `originTier:${t.tier}` }} onDrill={onDrill} />,
    },
    { title: '就地化解率', dataIndex: 'share', align: 'right', render: (v: number | null) => formatRate(v) },
  ];
  return <Table<Row> size="small" rowKey="tier" columns={columns} dataSource={r.byOriginTier} pagination={false} aria-label="就地化解表" />;
}

export function ReferralTable({ rows, onDrill }: { rows: CourtReferralRow[]; onDrill: (d: Drill) => void }) {
  const cell = (field: 'agreement' | 'failed' | 'withdrawn' | 'pending') => ({
    ...num,
    dataIndex: field,
    render: (v: number, r: CourtReferralRow) => (
      <CountLink value={v} drill={{ figure: 'courtReferrals', key: `mode:${r.mode},result:${field}` }} onDrill={onDrill} />
    ),
  });
  const columns: TableColumnsType<CourtReferralRow> = [
    { title: '方式', dataIndex: 'label' },
    {
      title: '移交',
      ...num,
      dataIndex: 'referred',
      render: (v: number, r) => <CountLink value={v} drill={{ figure: 'courtReferrals', key: `mode:${r.mode}` }} onDrill={onDrill} />,
    },
    { title: '调解成功', ...cell('agreement') },
    { title: '调解不成', ...cell('failed') },
    { title: '撤回', ...cell('withdrawn') },
    { title: '尚无结果', ...cell('pending') },
    { title: '成功率', dataIndex: 'successRate', align: 'right', render: (v: number | null) => formatRate(v) },
    { title: '平均用时（天）', dataIndex: 'avgDaysUsed', align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
  ];
  return (
    <Table<CourtReferralRow>
      scroll={{ x: 'max-content' }}
      size="small"
      rowKey="mode"
      columns={columns}
      dataSource={rows}
      pagination={false}
      aria-label="法院委派委托表"
    />
  );
}

export function SimpleTable({ rows, label }: { rows: { key: string; label: string; value: ReactNode }[]; label: string }) {
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      aria-label={label}
      dataSource={rows}
      columns={[
        { title: '项目', dataIndex: 'label' },
        { title: '数量', dataIndex: 'value', align: 'right' },
      ]}
    />
  );
}
