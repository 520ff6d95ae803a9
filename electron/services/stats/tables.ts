/**
 * Every statistics table as a plain spec (title, Chinese headers, rows, the rules that apply), built
 * once from the dashboard and rendered by both the .xlsx export and the .docx reports, so a table
 * reads the same in either file and on screen.
 */
import { chineseDate } from '../../common/stats/period';
import { categoryLabel } from '../../common/domain/categories';
import { statusLabel } from '../../common/domain/lifecycle';
import { tierLabel } from '../../common/domain/tiers';
import {
  KEY_CASE_REASON_LABELS,
  XLSX_TABLE_LABELS,
  type BreakdownRow,
  type Dashboard,
  type KeyCaseList,
  type XlsxTable,
} from '../../common/api/stats';
import { definitionOf, type FigureKey } from '../../common/stats/definitions';

/** A cell: text, a count, money in fen, or a rate (null rate = "—"). */
export type Cell = string | number | null | { fen: number } | { rate: number | null };

export interface Column {
  header: string;
  /** Width in characters (xlsx) — the docx tables share the page width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  key: XlsxTable;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** A last row of totals, set apart. */
  totals?: Cell[];
  /** The rules (口径) behind the figures, printed under the table. */
  notes: string[];
}

const fen = (v: number): Cell => ({ fen: v });
const pct = (v: number | null): Cell => ({ rate: v });
const rule = (...keys: FigureKey[]) => keys.map((k) => `${definitionOf(k).label}：${definitionOf(k).rule}`);

const BREAKDOWN_COLUMNS = (first: string): Column[] => [
  { header: first, width: 20, align: 'left' },
  { header: '受理（登记）', width: 12, align: 'right' },
  { header: '受理调解', width: 10, align: 'right' },
  { header: '调解', width: 8, align: 'right' },
  { header: '成功', width: 8, align: 'right' },
  { header: '成功率', width: 10, align: 'right' },
  { header: '协议金额（元）', width: 16, align: 'right' },
  { header: '逾期', width: 8, align: 'right' },
];

function breakdown(key: XlsxTable, first: string, rows: BreakdownRow[], d: Dashboard): TableSpec {
  return {
    key,
    title: XLSX_TABLE_LABELS[key],
    columns: BREAKDOWN_COLUMNS(first),
    rows: rows.map((r) => [r.label, r.received, r.accepted, r.mediated, r.successful, pct(r.successRate), fen(r.amountFen), r.overdue]),
    totals: [
      '合计',
      d.kpi.received,
      d.kpi.accepted,
      d.kpi.mediated,
      d.kpi.successful,
      pct(d.kpi.successRate),
      fen(d.kpi.amountFen),
      d.kpi.overdue,
    ],
    notes: [
      ...rule('breakdowns', 'received', 'accepted', 'mediated', 'successful', 'successRate', 'overdue'),
      ...(key === 'byStatus' || key === 'byOutcome'
        ? ['按状态、结果分列时，逾期案件按其当前状态归类，“受理调解”“调解”“成功”按各自口径计入当前状态。']
        : []),
    ],
  };
}

export function summaryRows(d: Dashboard): Cell[][] {
  const k = d.kpi;
  return [
    ['受理（登记）案件数（件）', k.received],
    ['受理调解案件数（件）', k.accepted],
    ['调解案件数（件）', k.mediated],
    ['调解成功数（件）', k.successful],
    ['调解成功率', pct(k.successRate)],
    ['协议涉及金额（元）', fen(k.amountFen)],
    ['逾期案件数（件）', k.overdue],
    ['就地化解率', pct(d.resolvedAtTier.share)],
    ['防止民转刑（件）', k.preventedCriminalCases],
    ['防止民转刑（人）', k.preventedCriminalPeople],
    ['防止群体性上访（件）', k.preventedPetitionCases],
    ['防止群体性上访（人）', k.preventedPetitionPeople],
    ['法院委派调解（件）', d.courtReferrals.delegated],
    ['法院委托调解（件）', d.courtReferrals.entrusted],
    ['申请司法确认（件）', d.confirmations.applied],
    ['司法确认有效（件）', d.confirmations.granted],
    ['协议已履行（件）', d.agreementsPerformed.performed],
    ['窗口登记（人次）', d.intake.total],
    ['排队取号（个）', d.queue.total],
  ];
}

export function tableSpec(table: XlsxTable, d: Dashboard, keyCases: KeyCaseList): TableSpec {
  switch (table) {
    case 'summary':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '指标', width: 28, align: 'left' },
          { header: '数值', width: 16, align: 'right' },
        ],
        rows: summaryRows(d),
        notes: d.definitions.filter((x) => !['breakdowns', 'trend', 'keyCases'].includes(x.key)).map((x) => `${x.label}：${x.rule}`),
      };
    case 'byCategory':
      return breakdown(table, '纠纷类型', d.byCategory, d);
    case 'byReportingType':
      return breakdown(table, '统计类型', d.byReportingType, d);
    case 'bySource':
      return breakdown(table, '案件来源', d.bySource, d);
    case 'byTier':
      return breakdown(table, '承办层级', d.byTier, d);
    case 'byStatus':
      return breakdown(table, '案件状态', d.byStatus, d);
    case 'byOutcome':
      return breakdown(table, '调解结果', d.byOutcome, d);
    case 'trend':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '月份', width: 14, align: 'left' },
          { header: '受理（登记）', width: 12, align: 'right' },
          { header: '调解', width: 10, align: 'right' },
          { header: '成功', width: 10, align: 'right' },
          { header: '成功率', width: 10, align: 'right' },
        ],
        rows: d.trend.map((t) => [t.label, t.received, t.mediated, t.successful, pct(t.successRate)]),
        notes: rule('trend'),
      };
    case 'resolvedAtTier': {
      const r = d.resolvedAtTier;
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '发生层级', width: 14, align: 'left' },
          { header: '目标', width: 18, align: 'left' },
          { header: '调解成功', width: 10, align: 'right' },
          { header: '就地化解', width: 10, align: 'right' },
          { header: '就地化解率', width: 12, align: 'right' },
        ],
        rows: r.byOriginTier.map((t) => [t.label, t.slogan, t.successful, t.atTier, pct(t.share)]),
        totals: ['合计', '', r.successful, r.atTier, pct(r.share)],
        notes: rule('resolvedAtTier'),
      };
    }
    case 'courtReferrals':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '方式', width: 20, align: 'left' },
          { header: '移交', width: 8, align: 'right' },
          { header: '调解成功', width: 10, align: 'right' },
          { header: '调解不成', width: 10, align: 'right' },
          { header: '撤回', width: 8, align: 'right' },
          { header: '尚无结果', width: 10, align: 'right' },
          { header: '成功率', width: 10, align: 'right' },
          { header: '平均用时（天）', width: 14, align: 'right' },
        ],
        rows: d.courtReferrals.rows.map((r) => [
          r.label,
          r.referred,
          r.agreement,
          r.failed,
          r.withdrawn,
          r.pending,
          pct(r.successRate),
          r.avgDaysUsed ?? '—',
        ]),
        notes: [...rule('courtReferrals'), '成功率＝调解成功 ÷（调解成功＋调解不成），无已完成案件时显示“—”。'],
      };
    case 'confirmations':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '项目', width: 26, align: 'left' },
          { header: '数量', width: 12, align: 'right' },
        ],
        rows: [
          ['申请司法确认（件）', d.confirmations.applied],
          ['司法确认有效（件）', d.confirmations.granted],
          ['驳回申请（件）', d.confirmations.dismissed],
          ['协议已履行（件）', d.agreementsPerformed.performed],
          ['协议部分履行（件）', d.agreementsPerformed.partly],
          ['协议未履行（件）', d.agreementsPerformed.notPerformed],
          ['回访（次）', d.agreementsPerformed.visits],
        ],
        notes: rule('confirmationsApplied', 'confirmationsGranted', 'agreementsPerformed'),
      };
    case 'intake':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '日期', width: 14, align: 'left' },
          { header: '登记（人次）', width: 14, align: 'right' },
        ],
        rows: d.intake.byDay.map((x) => [x.day, x.count]),
        totals: ['合计', d.intake.total],
        notes: [
          ...rule('intake'),
          ...(d.intake.total > 0
            ? [
                `按状态：${d.intake.byStatus.map((s) => `${s.label}${s.count}`).join('，')}；按渠道：${d.intake.byChannel.map((s) => `${s.label}${s.count}`).join('，')}。`,
              ]
            : []),
        ],
      };
    case 'queue':
      return {
        key: table,
        title: XLSX_TABLE_LABELS[table],
        columns: [
          { header: '状态', width: 14, align: 'left' },
          { header: '数量（个）', width: 12, align: 'right' },
        ],
        rows: d.queue.byStatus.map((x) => [x.label, x.count]),
        totals: ['合计', d.queue.total],
        notes: [...rule('queue'), `平均等候（取号至叫号）：${d.queue.avgWaitMinutes === null ? '—' : `${d.queue.avgWaitMinutes} 分钟`}。`],
      };
    case 'keyCases':
      return keyCaseSpec(keyCases);
  }
}

/** Columns of the compact list printed on A4 portrait (the .xlsx has all of them). */
const COMPACT = ['序号', '案号', '纠纷简述', '督办事由', '化解期限', '牵头单位', '包案领导', '责任人'];
const COMPACT_WIDTHS: Record<string, number> = {
  序号: 5,
  案号: 22,
  纠纷简述: 24,
  督办事由: 13,
  化解期限: 13,
  牵头单位: 17,
  包案领导: 9,
  责任人: 9,
};

export function keyCaseSpec(k: KeyCaseList, compact = false): TableSpec {
  const columns: Column[] = [
    { header: '序号', width: 6, align: 'center' },
    { header: '案号', width: 24, align: 'left' },
    { header: '纠纷简述', width: 26, align: 'left' },
    { header: '纠纷类型', width: 12, align: 'left' },
    { header: '督办事由', width: 18, align: 'left' },
    { header: '化解期限', width: 12, align: 'center' },
    { header: '剩余天数', width: 10, align: 'right' },
    { header: '牵头单位', width: 18, align: 'left' },
    { header: '包案领导', width: 10, align: 'left' },
    { header: '责任人', width: 10, align: 'left' },
    { header: '调解员', width: 14, align: 'left' },
    { header: '状态', width: 10, align: 'left' },
    { header: '承办层级', width: 10, align: 'left' },
  ];
  const rows: Cell[][] = k.rows.map((r, i) => [
    i + 1 + (k.page - 1) * k.pageSize,
    r.caseNumber,
    r.title,
    categoryLabel(r.category),
    r.reasons.map((x) => KEY_CASE_REASON_LABELS[x]).join('、'),
    // The printed list (compact) writes the day in Chinese; the .xlsx keeps a sortable ISO day.
    r.deadline ? (compact ? chineseDate(r.deadline) : r.deadline) : '未设定',
    r.daysLeft ?? '—',
    r.leadUnit ?? '',
    r.responsibleLeader ?? '',
    r.responsiblePerson ?? '',
    r.mediatorNames,
    statusLabel(r.status),
    tierLabel(r.tier),
  ]);
  const keep = compact ? columns.map((c, i) => (COMPACT.includes(c.header) ? i : -1)).filter((i) => i >= 0) : columns.map((_, i) => i);
  return {
    key: 'keyCases',
    title: XLSX_TABLE_LABELS.keyCases,
    columns: keep.map((i) => ({ ...columns[i]!, ...(compact ? { width: COMPACT_WIDTHS[columns[i]!.header] ?? columns[i]!.width } : {}) })),
    rows: rows.map((r) => keep.map((i) => r[i] ?? '')),
    notes: [
      `截至${chineseDate(k.asOf)}：共 ${k.counts.total} 件，其中已逾期 ${k.counts.overdue} 件、临近期限（${k.nearDays} 日内）${k.counts.near} 件、已上报上级 ${k.counts.escalated} 件、重复信访 ${k.counts.repeat} 件（一案可有多项事由）。`,
      ...rule('keyCases'),
    ],
  };
}

/** For reports: the top categories by cases received. */
export function topCategories(d: Dashboard, n = 3): BreakdownRow[] {
  return d.byCategory.filter((r) => r.received > 0).slice(0, n);
}
