/**
 * 统计考核: the figures the district reviews for a period, the cases behind any figure, the
 * half-monthly key-case list (重点案件督办清单) and the exports (.xlsx per table, .docx reports).
 * The rules behind every figure are in ../stats/definitions.ts and travel with the dashboard.
 */
import { z } from 'zod';
import type { FigureDefinition } from '../stats/definitions';
import { periodSchema, type ResolvedPeriod } from '../stats/period';
import type { StoredOutcome } from '../domain/lifecycle';
import type { Tier } from '../domain/tiers';
import type { CaseRowBase } from './cases';
import { op } from './contract';

/** Figures whose cases can be listed (click-through). */
export const CASE_FIGURES = [
  'received',
  'accepted',
  'mediated',
  'successful',
  'resolvedAtTier',
  'overdue',
  'preventedCriminal',
  'preventedPetition',
  'courtReferrals',
  'confirmationsApplied',
  'confirmationsGranted',
  'agreementsPerformed',
  'keyCases',
] as const;
export type CaseFigure = (typeof CASE_FIGURES)[number];

export const CASE_FIGURE_LABELS: Readonly<Record<CaseFigure, string>> = {
  received: '受理（登记）案件',
  accepted: '受理调解案件',
  mediated: '调解案件',
  successful: '调解成功案件',
  resolvedAtTier: '就地化解案件',
  overdue: '逾期案件',
  preventedCriminal: '防止民转刑案件',
  preventedPetition: '防止群体性上访案件',
  courtReferrals: '法院委派/委托案件',
  confirmationsApplied: '申请司法确认案件',
  confirmationsGranted: '司法确认有效案件',
  agreementsPerformed: '协议已履行案件',
  keyCases: '重点督办案件',
};

/**
 * What a figure is broken down by, for `key` = 'dimension:value' (e.g. 'category:neighbor',
 * 'month:2026-03', 'mode:delegated', 'result:pending', 'reason:overdue'), or up to three of them
 * joined by commas ('mode:delegated,result:agreement').
 */
export const KEY_DIMENSIONS = [
  'category',
  'reportingType',
  'source',
  'tier',
  'originTier',
  'status',
  'outcome',
  'month',
  'mode',
  'result',
  'performance',
  'reason',
] as const;
export type KeyDimension = (typeof KEY_DIMENSIONS)[number];

export const KEY_DIMENSION_LABELS: Readonly<Record<KeyDimension, string>> = {
  category: '纠纷类型',
  reportingType: '统计类型',
  source: '来源',
  tier: '层级',
  originTier: '发生层级',
  status: '状态',
  outcome: '结果',
  month: '月份',
  mode: '方式',
  result: '调解结果',
  performance: '履行情况',
  reason: '督办事由',
};

/** One row of a breakdown: the usual counters for one code. */
export interface BreakdownRow {
  key: string;
  label: string;
  received: number;
  accepted: number;
  mediated: number;
  successful: number;
  successRate: number | null;
  amountFen: number;
  overdue: number;
}

export interface Kpi {
  received: number;
  accepted: number;
  mediated: number;
  successful: number;
  successRate: number | null;
  amountFen: number;
  overdue: number;
  preventedCriminalCases: number;
  preventedCriminalPeople: number;
  preventedPetitionCases: number;
  preventedPetitionPeople: number;
}

export interface TierResolutionRow {
  tier: Tier;
  label: string;
  slogan: string;
  successful: number;
  atTier: number;
  share: number | null;
}

export interface ResolvedAtTier {
  successful: number;
  atTier: number;
  share: number | null;
  byOriginTier: TierResolutionRow[];
}

export const REFERRAL_RESULTS = ['agreement', 'failed', 'withdrawn', 'pending'] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];
export const REFERRAL_RESULT_LABELS: Readonly<Record<ReferralResult, string>> = {
  agreement: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回',
  pending: '尚无结果',
};

export interface CourtReferralRow {
  mode: 'delegated' | 'entrusted';
  label: string;
  referred: number;
  agreement: number;
  failed: number;
  withdrawn: number;
  pending: number;
  successRate: number | null;
  /** Average of materialsSignedAt → outcomeAt in days over the `timed` cases; null when none. */
  avgDaysUsed: number | null;
  timed: number;
}

export interface CourtReferralFigures {
  referred: number;
  delegated: number;
  entrusted: number;
  rows: CourtReferralRow[];
}

export interface ConfirmationFigures {
  applied: number;
  granted: number;
  dismissed: number;
}

export interface PerformanceFigures {
  performed: number;
  partly: number;
  notPerformed: number;
  /** Follow-up visits done in the period, whatever their finding. */
  visits: number;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface DayCount {
  day: string;
  count: number;
}

export interface IntakeFigures {
  total: number;
  byDay: DayCount[];
  byStatus: CountRow[];
  byChannel: CountRow[];
}

export interface QueueFigures {
  total: number;
  byStatus: CountRow[];
  byDay: DayCount[];
  /** Minutes from taking a number to being called, over the tickets that were called. */
  avgWaitMinutes: number | null;
}

export interface TrendPoint {
  month: string;
  label: string;
  received: number;
  mediated: number;
  successful: number;
  successRate: number | null;
}

export interface Dashboard {
  centre: { name: string; centreCode: string };
  period: ResolvedPeriod;
  generatedAt: string;
  /** Said above the figures: a future period, figures to date, an empty period. */
  notes: string[];
  /** Nothing at all happened in the period (every figure is 0 and every series is empty). */
  empty: boolean;
  kpi: Kpi;
  byCategory: BreakdownRow[];
  byReportingType: BreakdownRow[];
  bySource: BreakdownRow[];
  byTier: BreakdownRow[];
  byStatus: BreakdownRow[];
  byOutcome: BreakdownRow[];
  resolvedAtTier: ResolvedAtTier;
  courtReferrals: CourtReferralFigures;
  confirmations: ConfirmationFigures;
  agreementsPerformed: PerformanceFigures;
  intake: IntakeFigures;
  queue: QueueFigures;
  trend: TrendPoint[];
  definitions: readonly FigureDefinition[];
}

export interface StatsCaseRow extends CaseRowBase {
  source: string;
  originTier: Tier;
  acceptedAt: string | null;
  outcome: StoredOutcome | null;
  outcomeAt: string | null;
  agreedAmountFen: number | null;
}

export interface StatsCaseList {
  /** What the list shows, e.g. 调解成功案件 · 纠纷类型：邻里. */
  title: string;
  rows: StatsCaseRow[];
  total: number;
  page: number;
  pageSize: number;
}

export const KEY_CASE_REASONS = ['overdue', 'near', 'escalated', 'repeat'] as const;
export type KeyCaseReason = (typeof KEY_CASE_REASONS)[number];
export const KEY_CASE_REASON_LABELS: Readonly<Record<KeyCaseReason, string>> = {
  overdue: '已逾期',
  near: '临近期限',
  escalated: '已上报上级',
  repeat: '重复信访',
};

export interface KeyCaseRow extends CaseRowBase {
  originTier: Tier;
  /** Days from the list's date to the deadline; negative when overdue. */
  daysLeft: number | null;
  reasons: KeyCaseReason[];
  leadUnit: string | null;
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  mediatorNames: string;
}

export interface KeyCaseList {
  /** The day the list is drawn up for (the period's end, or today if earlier). */
  asOf: string;
  nearDays: number;
  counts: Record<KeyCaseReason, number> & { total: number };
  rows: KeyCaseRow[];
  total: number;
  page: number;
  pageSize: number;
}

export const XLSX_TABLES = [
  'summary',
  'byCategory',
  'byReportingType',
  'bySource',
  'byTier',
  'byStatus',
  'byOutcome',
  'trend',
  'resolvedAtTier',
  'courtReferrals',
  'confirmations',
  'intake',
  'queue',
  'keyCases',
] as const;
export type XlsxTable = (typeof XLSX_TABLES)[number];

export const XLSX_TABLE_LABELS: Readonly<Record<XlsxTable, string>> = {
  summary: '主要指标',
  byCategory: '按纠纷类型统计',
  byReportingType: '按统计类型统计',
  bySource: '按来源统计',
  byTier: '按层级统计',
  byStatus: '按状态统计',
  byOutcome: '按结果统计',
  trend: '月度趋势',
  resolvedAtTier: '就地化解情况',
  courtReferrals: '法院委派委托调解情况',
  confirmations: '司法确认与协议履行情况',
  intake: '窗口登记情况',
  queue: '排队叫号情况',
  keyCases: '重点案件督办清单',
};

export const DOCX_REPORTS = ['key-cases', 'quarterly'] as const;
export type DocxReport = (typeof DOCX_REPORTS)[number];

export interface ExportedFile {
  fileName: string;
  mime: string;
  base64: string;
}

const pageFields = {
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
};

export const casesBehindInput = z.object({
  figure: z.enum(CASE_FIGURES, { error: '未知的统计项' }),
  key: z.string().trim().max(80).optional().nullable(),
  period: periodSchema,
  ...pageFields,
});

export const keyCaseListInput = z.object({ period: periodSchema, ...pageFields });

/** Reading figures changes nothing: mediators may look; exports (files with names) are the head's. */
const READERS = ['admin', 'court_mediator', 'mediator'] as const;

export const statsOps = {
  'stats.dashboard': op<Dashboard>()({ input: periodSchema, access: READERS, title: '统计考核' }),
  'stats.cases': op<StatsCaseList>()({ input: casesBehindInput, access: READERS, title: '统计明细' }),
  'stats.keyCaseList': op<KeyCaseList>()({ input: keyCaseListInput, access: READERS, title: '重点案件督办清单' }),
  'stats.exportXlsx': op<ExportedFile>()({
    input: z.object({ table: z.enum(XLSX_TABLES, { error: '未知的统计表' }), period: periodSchema }),
    access: ['admin'],
    title: '导出统计表',
  }),
  'stats.exportDocx': op<ExportedFile>()({
    input: z.object({ report: z.enum(DOCX_REPORTS, { error: '未知的报告' }), period: periodSchema }),
    access: ['admin'],
    title: '导出统计报告',
  }),
};
