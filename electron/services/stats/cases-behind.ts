/**
 * The cases behind any figure of the dashboard (click-through): the figure's own predicate
 * (predicates.ts, the one the count was made with) and, optionally, one breakdown key
 * 'dimension:value' — 'category:neighbor', 'month:2026-03', 'mode:delegated', 'reason:overdue'.
 */
import type { z } from 'zod';
import { PERFORMANCE_LABELS, PERFORMANCES, type Performance } from '../../common/api/court';
import { categoryLabel, isCategoryCode } from '../../common/domain/categories';
import { COURT_REFERRAL_MODE_LABELS } from '../../common/domain/deadlines';
import { OUTCOME_LABELS, STATUSES, statusLabel } from '../../common/domain/lifecycle';
import { sourceLabel } from '../../common/domain/sources';
import { TIERS, tierLabel } from '../../common/domain/tiers';
import {
  CASE_FIGURE_LABELS,
  KEY_CASE_REASONS,
  KEY_CASE_REASON_LABELS,
  KEY_DIMENSIONS,
  KEY_DIMENSION_LABELS,
  REFERRAL_RESULTS,
  REFERRAL_RESULT_LABELS,
  type CaseFigure,
  type KeyDimension,
  type StatsCaseList,
  type StatsCaseRow,
  type casesBehindInput,
} from '../../common/api/stats';
import { AppError } from '../../common/errors';
import { monthLabel } from '../../common/stats/period';
import type { ServiceContext } from '../core/context';
import { getSettings } from '../core/centre-settings-store';
import { statsPeriod } from './dashboard';
import {
  KEY_CASE,
  OUTCOME_EXPR,
  PX,
  REFERRAL_RESULT_EXPR,
  REPORTING_TYPE_EXPR,
  SOURCE_EXPR,
  confirmationAppliedExists,
  confirmationGrantedExists,
  performanceExists,
  periodParams,
  referralExists,
} from './predicates';

type Input = z.output<typeof casesBehindInput>;

/** The date whose month places a case in the trend, per figure. */
const MONTH_COLUMN: Partial<Record<CaseFigure, string>> = {
  received: 'c.registered_at',
  accepted: 'c.accepted_at',
  mediated: 'c.outcome_at',
  successful: 'c.outcome_at',
  resolvedAtTier: 'c.outcome_at',
  preventedCriminal: 'c.outcome_at',
  preventedPetition: 'c.outcome_at',
};

/** Dimensions that only make sense for one figure. */
const ONLY_FOR: Partial<Record<KeyDimension, CaseFigure>> = {
  mode: 'courtReferrals',
  result: 'courtReferrals',
  performance: 'agreementsPerformed',
  reason: 'keyCases',
};

const OUTCOME_KEYS: Record<string, string> = { ...OUTCOME_LABELS, none: '尚无结果' };
const CODE = /^[a-z_]{1,40}$/;

export interface ParsedKey {
  dimension: KeyDimension;
  value: string;
  label: string;
}

function bad(message: string): never {
  throw new AppError('VALIDATION', message, { key: message });
}

/** At most this many 'dimension:value' parts, joined by commas ('mode:delegated,result:agreement'). */
export const MAX_KEY_PARTS = 3;

/**
 * 'category:neighbor' or 'mode:delegated,result:pending' → the filters with their Chinese labels;
 * none for an empty key. Throws VALIDATION for an unknown dimension or value, a dimension that does
 * not fit the figure, or the same dimension twice.
 */
export function parseKeys(figure: CaseFigure, key: string | null | undefined): ParsedKey[] {
  if (key === null || key === undefined || key.trim() === '') return [];
  const parts = key.split(',').map((p) => p.trim());
  if (parts.length > MAX_KEY_PARTS) bad(`分类项过多：最多 ${MAX_KEY_PARTS} 项`);
  const out = parts.map((p) => parseKey(figure, p));
  const dims = out.map((k) => k.dimension);
  if (new Set(dims).size !== dims.length) bad(`分类项重复：“${key}”`);
  return out;
}

/** One 'dimension:value' → the dimension, the value and their Chinese label; throws VALIDATION. */
export function parseKey(figure: CaseFigure, key: string): ParsedKey {
  const i = key.indexOf(':');
  const dimension = key.slice(0, i) as KeyDimension;
  const value = key.slice(i + 1);
  if (i < 0 || !(KEY_DIMENSIONS as readonly string[]).includes(dimension)) bad(`未知的分类项：“${key}”`);
  const only = ONLY_FOR[dimension];
  if (only !== undefined && only !== figure) bad(`“${CASE_FIGURE_LABELS[figure]}”不能按${KEY_DIMENSION_LABELS[dimension]}分列`);
  if (dimension === 'month' && MONTH_COLUMN[figure] === undefined) bad(`“${CASE_FIGURE_LABELS[figure]}”不能按月份分列`);
  // oneOf checks the value against the list before it asks for the label: the `v as …` casts below narrow a checked value.
  const oneOf = (list: readonly string[], labels: (v: string) => string) => {
    if (!list.includes(value)) bad(`${KEY_DIMENSION_LABELS[dimension]}“${value}”无效`);
    return labels(value);
  };
  let label: string;
  switch (dimension) {
    case 'month':
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) bad(`月份“${value}”无效，应为“年-月”（如 2026-03）`);
      label = monthLabel(value);
      break;
    case 'tier':
    case 'originTier':
      label = oneOf(TIERS, tierLabel);
      break;
    case 'status':
      label = oneOf(STATUSES, statusLabel);
      break;
    case 'outcome':
      label = oneOf(Object.keys(OUTCOME_KEYS), (v) => OUTCOME_KEYS[v] ?? v);
      break;
    case 'mode':
      label = oneOf(['delegated', 'entrusted'], (v) => COURT_REFERRAL_MODE_LABELS[v as 'delegated' | 'entrusted']);
      break;
    case 'result':
      label = oneOf(REFERRAL_RESULTS, (v) => REFERRAL_RESULT_LABELS[v as (typeof REFERRAL_RESULTS)[number]]);
      break;
    case 'performance':
      label = oneOf(PERFORMANCES, (v) => PERFORMANCE_LABELS[v as Performance]);
      break;
    case 'reason':
      label = oneOf(KEY_CASE_REASONS, (v) => KEY_CASE_REASON_LABELS[v as (typeof KEY_CASE_REASONS)[number]]);
      break;
    default:
      // category, reportingType, source: old or newer codes may be in the data, so any code-shaped value.
      if (!CODE.test(value)) bad(`${KEY_DIMENSION_LABELS[dimension]}“${value}”无效`);
      label = dimension === 'source' ? sourceLabel(value) : isCategoryCode(value) ? categoryLabel(value) : value;
  }
  return { dimension, value, label };
}

/** The condition of one breakdown filter, over `cases c`, its value bound as @<param>. */
function filterSql(figure: CaseFigure, key: ParsedKey, param: string): string {
  switch (key.dimension) {
    case 'mode':
    case 'result':
    case 'performance':
    case 'reason':
      return ''; // part of the figure's own predicate (figureWhere)
    case 'category':
      return `c.category = ${param}`;
    case 'reportingType':
      return `${REPORTING_TYPE_EXPR} = ${param}`;
    case 'source':
      return `${SOURCE_EXPR} = ${param}`;
    case 'tier':
      return `c.tier = ${param}`;
    case 'originTier':
      return `c.origin_tier = ${param}`;
    case 'status':
      return `c.status = ${param}`;
    case 'outcome':
      return key.value === 'none' ? 'c.outcome IS NULL' : `${OUTCOME_EXPR} = ${param}`;
    case 'month':
      return `substr(${MONTH_COLUMN[figure]!}, 1, 7) = ${param}`;
  }
}

/**
 * The WHERE of a figure with its filters, over `cases c`. Filter values are bound as @k0, @k1, …
 * (keyParams); the follow-up finding as @performance.
 */
export function figureWhere(figure: CaseFigure, keys: ParsedKey[]): string {
  const param = (dim: KeyDimension) => `@k${keys.findIndex((k) => k.dimension === dim)}`;
  const has = (dim: KeyDimension) => keys.some((k) => k.dimension === dim);
  let base: string;
  switch (figure) {
    case 'courtReferrals':
      base = referralExists(
        `${has('mode') ? ` AND r.mode = ${param('mode')}` : ''}${has('result') ? ` AND ${REFERRAL_RESULT_EXPR} = ${param('result')}` : ''}`,
      );
      break;
    case 'confirmationsApplied':
      base = confirmationAppliedExists();
      break;
    case 'confirmationsGranted':
      base = confirmationGrantedExists();
      break;
    case 'agreementsPerformed':
      base = performanceExists();
      break;
    case 'keyCases': {
      const reason = keys.find((k) => k.dimension === 'reason')?.value as 'overdue' | 'near' | 'escalated' | 'repeat' | undefined;
      base = reason ? PX[reason] : KEY_CASE;
      break;
    }
    case 'resolvedAtTier':
      base = PX.atTier;
      break;
    default:
      base = PX[figure];
  }
  const filters = keys.map((k, i) => filterSql(figure, k, `@k${i}`)).filter((f) => f !== '');
  return [PX.live, base, ...filters].join(' AND ');
}

export function keyParams(keys: ParsedKey[]): Record<string, string> {
  const out: Record<string, string> = { performance: keys.find((k) => k.dimension === 'performance')?.value ?? 'performed' };
  keys.forEach((k, i) => (out[`k${i}`] = k.value));
  return out;
}

const BY_DEADLINE = new Set<CaseFigure>(['overdue', 'keyCases']);

export function casesBehind(ctx: Pick<ServiceContext, 'db' | 'clock'>, input: Input): StatsCaseList {
  const period = statsPeriod(ctx, input.period);
  const keys = parseKeys(input.figure, input.key);
  const title = [CASE_FIGURE_LABELS[input.figure], ...keys.map((k) => `${KEY_DIMENSION_LABELS[k.dimension]}：${k.label}`)].join(' · ');
  const page = { page: input.page, pageSize: input.pageSize };
  if (period.state === 'future') return { title, rows: [], total: 0, ...page };

  const where = figureWhere(input.figure, keys);
  const params = {
    ...periodParams(period, getSettings(ctx).nearDeadlineDays),
    ...keyParams(keys),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  };
  const order = BY_DEADLINE.has(input.figure) ? 'c.deadline ASC, c.registered_at ASC, c.id ASC' : 'c.registered_at DESC, c.id DESC';
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT c.id, c.case_number AS caseNumber, c.title, c.category, c.source, c.tier, c.origin_tier AS originTier, c.status,
              c.registered_at AS registeredAt, c.accepted_at AS acceptedAt, c.outcome, c.outcome_at AS outcomeAt, c.deadline,
              c.agreed_amount_fen AS agreedAmountFen
         FROM cases c WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    // The codes read are the schema's: SQLite refuses any other since migration 0014.
    .all(params) as StatsCaseRow[];
  const total = (ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM cases c WHERE ${where}`).get(params) as { n: number }).n;
  return {
    title,
    rows,
    total,
    ...page,
  };
}
