/**
 * ECharts options for the statistics panels, and for each chart the figure (and breakdown key)
 * behind a clicked bar or point, so a click opens exactly the cases that bar counts.
 */
import type {
  BreakdownRow,
  CaseFigure,
  ConfirmationFigures,
  CourtReferralRow,
  IntakeFigures,
  PerformanceFigures,
  ResolvedAtTier,
  TrendPoint,
} from '../../../../electron/common/api/stats';
import type { ChartClick } from './EChart';

export const COLORS = {
  received: '#1f5fa8',
  accepted: '#6a94c9',
  mediated: '#b26a00',
  successful: '#2e7d32',
  overdue: '#c62828',
  neutral: '#8c8c8c',
} as const;

/** A drill-down target: the figure and optional 'dimension:value' key(s). */
export interface Drill {
  figure: CaseFigure;
  key?: string;
}

export interface ChartSpec {
  option: Record<string, unknown>;
  /** The cases behind a click, or null where the click is on something that is not a case count. */
  drill: (e: ChartClick) => Drill | null;
}

interface SeriesDef {
  name: string;
  field: 'received' | 'accepted' | 'mediated' | 'successful' | 'overdue';
  figure: CaseFigure;
}

export const BREAKDOWN_SERIES: readonly SeriesDef[] = [
  { name: '受理（登记）', field: 'received', figure: 'received' },
  { name: '调解', field: 'mediated', figure: 'mediated' },
  { name: '成功', field: 'successful', figure: 'successful' },
  { name: '逾期', field: 'overdue', figure: 'overdue' },
];

const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };
/**
 * Value labels never overlap: on small or adjacent bars ("4 4", "2 2 2") ECharts hides the label
 * that would collide (the tooltip still gives every value), instead of printing one over another.
 */
export const LABEL_LAYOUT = { hideOverlap: true } as const;
const legend = { top: 0, itemGap: 16 };

/** Bars per code of a breakdown; horizontal for long labels (categories, sources), the largest on top. */
export function breakdownChart(
  rows: BreakdownRow[],
  dimension: string,
  opts: { horizontal?: boolean; series?: readonly SeriesDef[] } = {},
): ChartSpec {
  const series = (opts.series ?? BREAKDOWN_SERIES).filter((s) => rows.some((r) => r[s.field] > 0) || s.field === 'received');
  const ordered = opts.horizontal ? [...rows].reverse() : rows;
  const labels = ordered.map((r) => r.label);
  const categoryAxis = {
    type: 'category',
    data: labels,
    axisLabel: { interval: 0, ...(opts.horizontal ? {} : { rotate: labels.some((l) => l.length > 4) ? 30 : 0 }) },
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    option: {
      color: series.map((s) => COLORS[s.field]),
      tooltip,
      legend,
      grid: { left: 8, right: 36, top: 36, bottom: 8, containLabel: true },
      xAxis: opts.horizontal ? valueAxis : categoryAxis,
      yAxis: opts.horizontal ? categoryAxis : valueAxis,
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        data: ordered.map((r) => r[s.field]),
        barMaxWidth: 18,
        labelLayout: LABEL_LAYOUT,
        label: {
          show: true,
          position: opts.horizontal ? 'right' : 'top',
          fontSize: 11,
          formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
        },
      })),
    },
    drill: (e) => {
      const row = ordered[e.dataIndex];
      const s = series.find((x) => x.name === e.seriesName);
      return row && s ? { figure: s.figure, key: `${dimension}:${row.key}` } : null;
    },
  };
}

export function trendChart(trend: TrendPoint[]): ChartSpec {
  const lines: SeriesDef[] = [
    { name: '受理（登记）', field: 'received', figure: 'received' },
    { name: '调解', field: 'mediated', figure: 'mediated' },
    { name: '成功', field: 'successful', figure: 'successful' },
  ];
  return {
    option: {
      color: [COLORS.received, COLORS.mediated, COLORS.successful, COLORS.neutral],
      tooltip: { trigger: 'axis', confine: true },
      legend,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.map((t) => t.label), axisLabel: { interval: 0, rotate: trend.length > 8 ? 30 : 0 } },
      yAxis: [
        { type: 'value', minInterval: 1, name: '件' },
        { type: 'value', name: '成功率', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        ...lines.map((s) => ({
          name: s.name,
          type: 'line',
          data: trend.map((t) => t[s.field as 'received' | 'mediated' | 'successful']),
          symbolSize: 8,
          label: { show: trend.length <= 6, position: 'top' },
          labelLayout: LABEL_LAYOUT,
        })),
        {
          name: '成功率',
          type: 'line',
          yAxisIndex: 1,
          lineStyle: { type: 'dashed' },
          data: trend.map((t) => (t.successRate === null ? null : Math.round(t.successRate * 1000) / 10)),
          tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
        },
      ],
    },
    drill: (e) => {
      const t = trend[e.dataIndex];
      const s = lines.find((x) => x.name === e.seriesName);
      return t && s ? { figure: s.figure, key: `month:${t.month}` } : null;
    },
  };
}

export function tierChart(r: ResolvedAtTier): ChartSpec {
  const rows = r.byOriginTier;
  return {
    option: {
      color: [COLORS.successful, COLORS.received],
      tooltip,
      legend,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((t) => `${t.slogan}\n（发生在${t.label}）`), axisLabel: { interval: 0, lineHeight: 18 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '调解成功',
          type: 'bar',
          barMaxWidth: 36,
          data: rows.map((t) => t.successful),
          label: { show: true, position: 'top' },
          labelLayout: LABEL_LAYOUT,
        },
        {
          name: '就地化解',
          type: 'bar',
          barMaxWidth: 36,
          data: rows.map((t) => t.atTier),
          labelLayout: LABEL_LAYOUT,
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number; value: number }) =>
              `${p.value}（${rows[p.dataIndex]?.share === null ? '—' : `${Math.round((rows[p.dataIndex]?.share ?? 0) * 1000) / 10}%`}）`,
          },
        },
      ],
    },
    drill: (e) => {
      const t = rows[e.dataIndex];
      if (!t) return null;
      return e.seriesName === '就地化解'
        ? { figure: 'resolvedAtTier', key: `originTier:${t.tier}` }
        : { figure: 'successful', key: `originTier:${t.tier}` };
    },
  };
}

const REFERRAL_SERIES = [
  { name: '调解成功', field: 'agreement', color: COLORS.successful },
  { name: '调解不成', field: 'failed', color: COLORS.overdue },
  { name: '撤回', field: 'withdrawn', color: COLORS.neutral },
  { name: '尚无结果', field: 'pending', color: COLORS.accepted },
] as const;

export function referralChart(rows: CourtReferralRow[]): ChartSpec {
  return {
    option: {
      color: REFERRAL_SERIES.map((s) => s.color),
      tooltip,
      legend,
      grid: { left: 8, right: 36, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.label) },
      series: REFERRAL_SERIES.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'result',
        barMaxWidth: 36,
        data: rows.map((r) => r[s.field]),
        label: { show: true, position: 'inside', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
        labelLayout: LABEL_LAYOUT,
      })),
    },
    drill: (e) => {
      const r = rows[e.dataIndex];
      const s = REFERRAL_SERIES.find((x) => x.name === e.seriesName);
      return r && s ? { figure: 'courtReferrals', key: `mode:${r.mode},result:${s.field}` } : null;
    },
  };
}

export function confirmationChart(c: ConfirmationFigures, p: PerformanceFigures): ChartSpec {
  const bars: { label: string; value: number; color: string; drill: Drill | null }[] = [
    { label: '申请司法确认', value: c.applied, color: COLORS.received, drill: { figure: 'confirmationsApplied' } },
    { label: '确认有效', value: c.granted, color: COLORS.successful, drill: { figure: 'confirmationsGranted' } },
    { label: '驳回申请', value: c.dismissed, color: COLORS.neutral, drill: null },
    {
      label: '协议已履行',
      value: p.performed,
      color: COLORS.successful,
      drill: { figure: 'agreementsPerformed', key: 'performance:performed' },
    },
    { label: '部分履行', value: p.partly, color: COLORS.mediated, drill: { figure: 'agreementsPerformed', key: 'performance:partly' } },
    {
      label: '未履行',
      value: p.notPerformed,
      color: COLORS.overdue,
      drill: { figure: 'agreementsPerformed', key: 'performance:not_performed' },
    },
  ];
  return {
    option: {
      tooltip,
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '件数',
          type: 'bar',
          barMaxWidth: 36,
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          label: { show: true, position: 'top' },
          labelLayout: LABEL_LAYOUT,
        },
      ],
    },
    drill: (e) => bars[e.dataIndex]?.drill ?? null,
  };
}

export function intakeChart(i: IntakeFigures): ChartSpec {
  return {
    option: {
      color: [COLORS.received],
      tooltip: { trigger: 'axis', confine: true },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: i.byDay.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1, name: '人次' },
      series: [{ name: '窗口登记', type: 'bar', barMaxWidth: 16, data: i.byDay.map((d) => d.count) }],
    },
    drill: () => null,
  };
}
