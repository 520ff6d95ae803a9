/**
 * Every figure of a period, computed with SQL aggregates: one grouped pass over the cases (the
 * groups are folded into each breakdown here, a few hundred rows at most), a grouped query per
 * month series, and one per related table. No case row is loaded into JS.
 */
import { CATEGORIES, categoryLabel, reportingTypeOf } from '../../common/domain/categories';
import { COURT_REFERRAL_MODE_LABELS } from '../../common/domain/deadlines';
import { OUTCOME_LABELS, STATUSES, statusLabel } from '../../common/domain/lifecycle';
import { SOURCES, sourceLabel } from '../../common/domain/sources';
import { TIERS, tierLabel } from '../../common/domain/tiers';
import type {
  BreakdownRow,
  ConfirmationFigures,
  CountRow,
  CourtReferralFigures,
  CourtReferralRow,
  Dashboard,
  DayCount,
  IntakeFigures,
  Kpi,
  PerformanceFigures,
  QueueFigures,
  ResolvedAtTier,
  TrendPoint,
} from '../../common/api/stats';
import { DEFINITIONS, TIER_SLOGANS, rate } from '../../common/stats/definitions';
import { chineseDate, monthLabel, monthsOf, resolvePeriod, type Period, type ResolvedPeriod } from '../../common/stats/period';
import { requireCentre } from '../centre';
import { localDate, rfc3339 } from '../core/clock';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { OUTCOME_EXPR, PX, SOURCE_EXPR, inPeriod, periodParams, type PeriodParams } from './predicates';

type Ctx = Pick<ServiceContext, 'db' | 'clock'>;

/** Resolve a period against the centre's today (the injected clock). Throws VALIDATION when bad. */
export function statsPeriod(ctx: Pick<ServiceContext, 'clock'>, p: Period): ResolvedPeriod {
  return resolvePeriod(p, localDate(ctx.clock.now()));
}

export const OUTCOME_NONE = 'none';
const OUTCOME_ROW_LABELS: Record<string, string> = { ...OUTCOME_LABELS, [OUTCOME_NONE]: '尚无结果' };

export const INTAKE_STATUS_LABELS: Record<string, string> = {
  pending: '待处理',
  accepted: '已受理',
  merged: '已合并',
  rejected: '不予受理',
};
export const INTAKE_CHANNEL_LABELS: Record<string, string> = { kiosk: '自助终端', clerk: '窗口' };
export const QUEUE_STATUS_LABELS: Record<string, string> = {
  waiting: '等候',
  called: '已叫号',
  serving: '办理中',
  done: '已办结',
  no_show: '过号',
};

interface CubeRow {
  category: string;
  source: string;
  tier: string;
  originTier: string;
  status: string;
  outcome: string | null;
  /** The month of the outcome, for mediated cases (the trend); null for the others. */
  medMonth: string | null;
  received: number;
  accepted: number;
  mediated: number;
  successful: number;
  amount: number;
  atTier: number;
  overdue: number;
  pcCases: number;
  pcPeople: number;
  ppCases: number;
  ppPeople: number;
}

const sumIf = (pred: string, value = '1') => `SUM(CASE WHEN ${pred} THEN ${value} ELSE 0 END)`;
/** 1 or 0, never NULL (a comparison with a NULL column is NULL, and NULL poisons sums and products). */
const flag = (pred: string) => `(CASE WHEN ${pred} THEN 1 ELSE 0 END)`;

/**
 * One pass over the cases: the counters of every figure per combination of the breakdown codes
 * (and, for mediated cases, the month of the outcome, which gives the trend's mediated and
 * successful series). The same pass lists the deleted cases, whose rows in the related tables must
 * not count; deleted cases carry no flags.
 *
 * The inner query works out each case's flags once; its `LIMIT -1` (no limit) keeps SQLite from
 * flattening it into the outer query, which would paste every flag's expression back into each SUM
 * that uses it and evaluate the same predicate up to seven times per case.
 */
const live = (pred: string) => flag(`c.deleted = 0 AND ${pred}`);
const CUBE_SQL = `
  SELECT category, source, tier, originTier, status, outcome, medMonth, del,
         SUM(rec) AS received, SUM(acc) AS accepted, SUM(med) AS mediated, SUM(suc) AS successful,
         SUM(suc * amt) AS amount, SUM(suc * same) AS atTier, SUM(od) AS overdue,
         SUM(suc * (pcp > 0)) AS pcCases, SUM(suc * pcp) AS pcPeople, SUM(suc * (ppp > 0)) AS ppCases, SUM(suc * ppp) AS ppPeople,
         group_concat(delId) AS deletedIds
    FROM (
      SELECT c.category AS category, ${SOURCE_EXPR} AS source, c.tier AS tier, c.origin_tier AS originTier,
             c.status AS status, ${OUTCOME_EXPR} AS outcome,
             CASE WHEN c.deleted = 0 AND ${PX.mediated} THEN substr(c.outcome_at, 1, 7) END AS medMonth,
             c.deleted AS del, CASE WHEN c.deleted = 1 THEN c.id END AS delId,
             ${live(PX.received)} AS rec, ${live(PX.accepted)} AS acc, ${live(PX.mediated)} AS med, ${live(PX.successful)} AS suc,
             ${live(PX.overdue)} AS od, COALESCE(c.agreed_amount_fen, 0) AS amt, ${flag('c.tier = c.origin_tier')} AS same,
             c.prevented_criminal_people AS pcp, c.prevented_petition_people AS ppp
        FROM cases c
       WHERE c.deleted = 1 OR (${PX.live} AND (${PX.received} OR ${PX.accepted} OR ${PX.mediated} OR ${PX.overdue}))
       LIMIT -1
    )
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const TREND_RECEIVED_SQL = `
  SELECT substr(c.registered_at, 1, 7) AS month, COUNT(*) AS n
    FROM cases c WHERE ${PX.live} AND ${PX.received} GROUP BY 1`;

/**
 * The related tables are read on their own, not joined to the cases row by row (a lookup per
 * follow-up costs more than the whole figure); rows of deleted cases are left out by the list of
 * deleted case ids (@deletedIds, JSON), which is short: deletions are rare.
 */
const LIVE_CASE = (col: string) => `${col} NOT IN (SELECT value FROM json_each(@deletedIds))`;

/** Days used: the signing day of the materials to the day of the case's outcome (looked up only for referrals with a result). */
const DAYS_USED = `(SELECT julianday(substr(c.outcome_at, 1, 10)) FROM cases c WHERE c.id = r.case_id) - julianday(substr(r.materials_signed_at, 1, 10))`;

const REFERRALS_SQL = `
  SELECT mode, result, COUNT(*) AS n, TOTAL(days) AS days, SUM(CASE WHEN days IS NULL THEN 0 ELSE 1 END) AS timed
    FROM (
      SELECT r.mode AS mode, COALESCE(r.result, 'pending') AS result,
             CASE WHEN r.result IS NOT NULL AND r.materials_signed_at IS NOT NULL THEN ${DAYS_USED} END AS days
        FROM court_referrals r
       WHERE ${inPeriod('r.referred_at')} AND ${LIVE_CASE('r.case_id')}
       LIMIT -1
    )
   GROUP BY 1, 2`;

const CONFIRMATIONS_SQL = `
  SELECT ${sumIf(inPeriod('f.applied_at'))} AS applied,
         ${sumIf(`f.ruling = 'confirmed' AND ${inPeriod('f.ruled_at')}`)} AS granted,
         ${sumIf(`f.ruling = 'dismissed' AND ${inPeriod('f.ruled_at')}`)} AS dismissed
    FROM confirmations f
   WHERE f.deleted = 0 AND (${inPeriod('f.applied_at')} OR ${inPeriod('f.ruled_at')}) AND ${LIVE_CASE('f.case_id')}`;

const FOLLOWUPS_SQL = `
  SELECT u.performance AS performance, COUNT(DISTINCT u.case_id) AS cases, COUNT(*) AS visits
    FROM followups u
   WHERE u.deleted = 0 AND ${inPeriod('u.done_at')} AND ${LIVE_CASE('u.case_id')}
   GROUP BY 1`;

const INTAKE_SQL = `
  SELECT substr(i.created_at, 1, 10) AS day, i.status AS status, i.channel AS channel, COUNT(*) AS n
    FROM intakes i WHERE ${inPeriod('i.created_at')} GROUP BY 1, 2, 3`;

const QUEUE_SQL = `
  SELECT q.day AS day, q.status AS status, COUNT(*) AS n,
         ${sumIf('q.called_at IS NOT NULL', '(julianday(q.called_at) - julianday(q.created_at)) * 1440.0')} AS waitMinutes,
         ${sumIf('q.called_at IS NOT NULL')} AS called
    FROM queue_tickets q WHERE ${inPeriod('q.day')} GROUP BY 1, 2`;

type Params = PeriodParams & { deletedIds: string };

function all<T>(ctx: Ctx, sql: string, params: Params): T[] {
  return ctx.db.sqlite.prepare(sql).all(params) as T[];
}

function emptyRow(key: string, label: string): BreakdownRow {
  return { key, label, received: 0, accepted: 0, mediated: 0, successful: 0, successRate: null, amountFen: 0, overdue: 0 };
}

/** Fold the cube into one breakdown; only codes with some count are kept, in `order` then by code. */
function fold(
  cube: CubeRow[],
  keyOf: (r: CubeRow) => string | null,
  labelOf: (k: string) => string,
  order: readonly string[],
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const r of cube) {
    const key = keyOf(r);
    if (key === null) continue;
    const row = rows.get(key) ?? emptyRow(key, labelOf(key));
    row.received += r.received;
    row.accepted += r.accepted;
    row.mediated += r.mediated;
    row.successful += r.successful;
    row.amountFen += r.amount;
    row.overdue += r.overdue;
    rows.set(key, row);
  }
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...rows.values()]
    .filter((r) => r.received + r.accepted + r.mediated + r.successful + r.overdue > 0)
    .map((r) => ({ ...r, successRate: rate(r.successful, r.mediated) }))
    .sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Categories by how many were received, the most first (ties in the standard order). */
const byReceived = (rows: BreakdownRow[]) => [...rows].sort((a, b) => b.received - a.received || b.mediated - a.mediated);

function kpiOf(cube: CubeRow[]): Kpi {
  const k: Kpi = {
    received: 0,
    accepted: 0,
    mediated: 0,
    successful: 0,
    successRate: null,
    amountFen: 0,
    overdue: 0,
    preventedCriminalCases: 0,
    preventedCriminalPeople: 0,
    preventedPetitionCases: 0,
    preventedPetitionPeople: 0,
  };
  for (const r of cube) {
    k.received += r.received;
    k.accepted += r.accepted;
    k.mediated += r.mediated;
    k.successful += r.successful;
    k.amountFen += r.amount;
    k.overdue += r.overdue;
    k.preventedCriminalCases += r.pcCases;
    k.preventedCriminalPeople += r.pcPeople;
    k.preventedPetitionCases += r.ppCases;
    k.preventedPetitionPeople += r.ppPeople;
  }
  k.successRate = rate(k.successful, k.mediated);
  return k;
}

function resolvedAtTierOf(cube: CubeRow[]): ResolvedAtTier {
  const by = new Map<string, { successful: number; atTier: number }>();
  for (const r of cube) {
    if (r.successful === 0) continue;
    const e = by.get(r.originTier) ?? { successful: 0, atTier: 0 };
    e.successful += r.successful;
    e.atTier += r.atTier;
    by.set(r.originTier, e);
  }
  const byOriginTier = TIERS.filter((t) => by.has(t)).map((t) => {
    const e = by.get(t)!;
    return {
      tier: t,
      label: tierLabel(t),
      slogan: TIER_SLOGANS[t],
      successful: e.successful,
      atTier: e.atTier,
      share: rate(e.atTier, e.successful),
    };
  });
  const successful = [...by.values()].reduce((s, e) => s + e.successful, 0);
  const atTier = [...by.values()].reduce((s, e) => s + e.atTier, 0);
  return { successful, atTier, share: rate(atTier, successful), byOriginTier };
}

function trendOf(ctx: Ctx, p: ResolvedPeriod, params: Params, cube: CubeRow[]): TrendPoint[] {
  const received = new Map(all<{ month: string; n: number }>(ctx, TREND_RECEIVED_SQL, params).map((r) => [r.month, r.n]));
  const mediated = new Map<string, { mediated: number; successful: number }>();
  for (const r of cube) {
    if (r.medMonth === null) continue;
    const m = mediated.get(r.medMonth) ?? { mediated: 0, successful: 0 };
    m.mediated += r.mediated;
    m.successful += r.successful;
    mediated.set(r.medMonth, m);
  }
  if (received.size === 0 && mediated.size === 0) return [];
  // Months up to the cutoff: a current year's later months have nothing yet and would read as a drop to zero.
  return monthsOf({ from: p.from, to: p.cutoff }).map((month) => {
    const m = mediated.get(month);
    const point = {
      month,
      label: monthLabel(month),
      received: received.get(month) ?? 0,
      mediated: m?.mediated ?? 0,
      successful: m?.successful ?? 0,
    };
    return { ...point, successRate: rate(point.successful, point.mediated) };
  });
}

function referralsOf(ctx: Ctx, params: Params): CourtReferralFigures {
  const rows = all<{ mode: string; result: string; n: number; days: number; timed: number }>(ctx, REFERRALS_SQL, params);
  const out: CourtReferralRow[] = [];
  for (const mode of ['delegated', 'entrusted'] as const) {
    const mine = rows.filter((r) => r.mode === mode);
    if (mine.length === 0) continue;
    const count = (result: string) => mine.filter((r) => r.result === result).reduce((s, r) => s + r.n, 0);
    const timed = mine.reduce((s, r) => s + r.timed, 0);
    const days = mine.reduce((s, r) => s + r.days, 0);
    const row: CourtReferralRow = {
      mode,
      label: COURT_REFERRAL_MODE_LABELS[mode],
      referred: mine.reduce((s, r) => s + r.n, 0),
      agreement: count('agreement'),
      failed: count('failed'),
      withdrawn: count('withdrawn'),
      pending: count('pending'),
      successRate: null,
      avgDaysUsed: timed > 0 ? Math.round((days / timed) * 10) / 10 : null,
      timed,
    };
    row.successRate = rate(row.agreement, row.agreement + row.failed);
    out.push(row);
  }
  const of = (mode: string) => out.find((r) => r.mode === mode)?.referred ?? 0;
  return { referred: of('delegated') + of('entrusted'), delegated: of('delegated'), entrusted: of('entrusted'), rows: out };
}

function confirmationsOf(ctx: Ctx, params: Params): ConfirmationFigures {
  const r = all<{ applied: number | null; granted: number | null; dismissed: number | null }>(ctx, CONFIRMATIONS_SQL, params)[0];
  return { applied: r?.applied ?? 0, granted: r?.granted ?? 0, dismissed: r?.dismissed ?? 0 };
}

function performanceOf(ctx: Ctx, params: Params): PerformanceFigures {
  const rows = all<{ performance: string | null; cases: number; visits: number }>(ctx, FOLLOWUPS_SQL, params);
  const cases = (p: string) => rows.find((r) => r.performance === p)?.cases ?? 0;
  return {
    performed: cases('performed'),
    partly: cases('partly'),
    notPerformed: cases('not_performed'),
    visits: rows.reduce((s, r) => s + r.visits, 0),
  };
}

function countRows(map: Map<string, number>, labels: Record<string, string>): CountRow[] {
  const order = Object.keys(labels);
  return [...map.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (order.indexOf(a) < 0 ? 99 : order.indexOf(a)) - (order.indexOf(b) < 0 ? 99 : order.indexOf(b)))
    .map(([key, count]) => ({ key, label: labels[key] ?? key, count }));
}

function addTo(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

function dayCounts(map: Map<string, number>): DayCount[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, count]) => ({ day, count }));
}

function intakeOf(ctx: Ctx, params: Params): IntakeFigures {
  const rows = all<{ day: string; status: string; channel: string; n: number }>(ctx, INTAKE_SQL, params);
  const byDay = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const byChannel = new Map<string, number>();
  for (const r of rows) {
    addTo(byDay, r.day, r.n);
    addTo(byStatus, r.status, r.n);
    addTo(byChannel, r.channel, r.n);
  }
  return {
    total: rows.reduce((s, r) => s + r.n, 0),
    byDay: dayCounts(byDay),
    byStatus: countRows(byStatus, INTAKE_STATUS_LABELS),
    byChannel: countRows(byChannel, INTAKE_CHANNEL_LABELS),
  };
}

function queueOf(ctx: Ctx, params: Params): QueueFigures {
  const rows = all<{ day: string; status: string; n: number; waitMinutes: number; called: number }>(ctx, QUEUE_SQL, params);
  const byDay = new Map<string, number>();
  const byStatus = new Map<string, number>();
  for (const r of rows) {
    addTo(byDay, r.day, r.n);
    addTo(byStatus, r.status, r.n);
  }
  const called = rows.reduce((s, r) => s + r.called, 0);
  const wait = rows.reduce((s, r) => s + r.waitMinutes, 0);
  return {
    total: rows.reduce((s, r) => s + r.n, 0),
    byStatus: countRows(byStatus, QUEUE_STATUS_LABELS),
    byDay: dayCounts(byDay),
    avgWaitMinutes: called > 0 ? Math.round((wait / called) * 10) / 10 : null,
  };
}

const CATEGORY_ORDER = CATEGORIES.map((c) => c.code as string);
const SOURCE_ORDER = SOURCES.map((s) => s.code as string);
const OUTCOME_ORDER = ['agreement', 'failed', 'withdrawn', 'transferred', OUTCOME_NONE];

function emptyDashboard(centre: Dashboard['centre'], period: ResolvedPeriod, generatedAt: string, notes: string[]): Dashboard {
  return {
    centre,
    period,
    generatedAt,
    notes,
    empty: true,
    kpi: kpiOf([]),
    byCategory: [],
    byReportingType: [],
    bySource: [],
    byTier: [],
    byStatus: [],
    byOutcome: [],
    resolvedAtTier: resolvedAtTierOf([]),
    courtReferrals: { referred: 0, delegated: 0, entrusted: 0, rows: [] },
    confirmations: { applied: 0, granted: 0, dismissed: 0 },
    agreementsPerformed: { performed: 0, partly: 0, notPerformed: 0, visits: 0 },
    intake: { total: 0, byDay: [], byStatus: [], byChannel: [] },
    queue: { total: 0, byStatus: [], byDay: [], avgWaitMinutes: null },
    trend: [],
    definitions: DEFINITIONS,
  };
}

export const NOTE_FUTURE = '所选期间尚未开始，暂无统计数据。';
export const NOTE_EMPTY = '本期间暂无数据。';
export const noteToDate = (today: string) => `本期间尚未结束，数据统计至今日（${chineseDate(today)}）。`;

export function computeDashboard(ctx: Ctx, input: Period): Dashboard {
  const period = statsPeriod(ctx, input);
  const c = requireCentre(ctx);
  const centre = { name: c.name, centreCode: c.centreCode };
  const generatedAt = rfc3339(ctx.clock.now());
  if (period.state === 'future') return emptyDashboard(centre, period, generatedAt, [NOTE_FUTURE]);

  const base = periodParams(period, getSettings(ctx).nearDeadlineDays);
  const groups = ctx.db.sqlite.prepare(CUBE_SQL).all(base) as (CubeRow & { del: number; deletedIds: string | null })[];
  const cube: CubeRow[] = groups.filter((g) => g.del === 0);
  const deleted = groups.flatMap((g) => (g.del === 1 && g.deletedIds ? g.deletedIds.split(',') : []));
  const params: Params = { ...base, deletedIds: JSON.stringify(deleted) };
  const notes = period.state === 'current' ? [noteToDate(period.today)] : [];
  const referrals = referralsOf(ctx, params);
  const confirmations = confirmationsOf(ctx, params);
  const performance = performanceOf(ctx, params);
  const intake = intakeOf(ctx, params);
  const queue = queueOf(ctx, params);
  const empty =
    cube.length === 0 &&
    referrals.referred === 0 &&
    confirmations.applied + confirmations.granted + confirmations.dismissed === 0 &&
    performance.visits === 0 &&
    intake.total === 0 &&
    queue.total === 0;
  if (empty) return emptyDashboard(centre, period, generatedAt, [...notes, NOTE_EMPTY]);

  return {
    centre,
    period,
    generatedAt,
    notes,
    empty: false,
    kpi: kpiOf(cube),
    byCategory: byReceived(fold(cube, (r) => r.category, categoryLabel, CATEGORY_ORDER)),
    byReportingType: byReceived(fold(cube, (r) => reportingTypeOf(r.category), categoryLabel, CATEGORY_ORDER)),
    bySource: fold(cube, (r) => r.source, sourceLabel, SOURCE_ORDER),
    byTier: fold(cube, (r) => r.tier, tierLabel, TIERS),
    byStatus: fold(cube, (r) => r.status, statusLabel, STATUSES),
    byOutcome: fold(
      cube,
      (r) => r.outcome ?? OUTCOME_NONE,
      (k) => OUTCOME_ROW_LABELS[k] ?? k,
      OUTCOME_ORDER,
    ),
    resolvedAtTier: resolvedAtTierOf(cube),
    courtReferrals: referrals,
    confirmations,
    agreementsPerformed: performance,
    intake,
    queue,
    trend: trendOf(ctx, period, params, cube),
    definitions: DEFINITIONS,
  };
}
