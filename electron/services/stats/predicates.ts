/**
 * The rules of common/stats/definitions.ts as SQL: one predicate per figure, over `cases c`.
 * The dashboard's aggregates and the click-through lists use the very same predicates, so the
 * number on a bar and the length of the list behind it cannot drift apart.
 *
 * Every value is a bound parameter (@from, @toNext, @cut, @cutNext, @nearEnd, @k0…, @performance); the fragments
 * here are constant text built only from this file and the domain's code tables.
 *
 * Dates: times are RFC 3339 in local time ('2026-03-31T18:00:00+08:00'), dates are 'YYYY-MM-DD';
 * both compare as text against day boundaries: x >= '2026-01-01' AND x < '2026-04-01' is "on a day
 * from 1 January to 31 March" for either form, and uses the column's index where there is one.
 */
import { CATEGORIES } from '../../common/domain/categories';
import { SOURCE_CODES } from '../../common/domain/sources';
import type { ResolvedPeriod } from '../../common/stats/period';
import { addDaysTo, nextDay } from '../../common/stats/period';
import { REPEAT_PETITION } from '../cases/repeat-petition-sql';
import { OPEN_STATUSES_SQL } from '../core/sql-lists';

export interface PeriodParams {
  /** First day of the period. */
  from: string;
  /** The day after the period's last day. */
  toNext: string;
  /** The day whose state open-case figures show (period end, or today if earlier). */
  cut: string;
  cutNext: string;
  /** Last day that still counts as "near" the deadline, seen from `cut`. */
  nearEnd: string;
}

export function periodParams(p: ResolvedPeriod, nearDays: number): PeriodParams {
  return { from: p.from, toNext: nextDay(p.to), cut: p.cutoff, cutNext: nextDay(p.cutoff), nearEnd: addDaysTo(p.cutoff, nearDays) };
}

const CODE = /^[a-z_]+$/;
const lit = (code: string): string => {
  if (!CODE.test(code)) throw new Error(`not a code: ${code}`);
  return `'${code}'`;
};

/** A time or date column falls on a day of the period. */
export const inPeriod = (col: string) => `(${col} >= @from AND ${col} < @toNext)`;

/** The source as the district knows it: codes it has no name for travel as `other` (as in the export). */
export const SOURCE_EXPR = `(CASE WHEN c.source IN (${SOURCE_CODES.map(lit).join(', ')}) THEN c.source ELSE 'other' END)`;

/** The outcome as the district knows it: a mediation ended on other grounds counts as failed (as in the export). */
export const OUTCOME_EXPR = `(CASE WHEN c.outcome = 'ended' THEN 'failed' ELSE c.outcome END)`;

/** The standard reporting type of the category (categories.ts); an unknown code is 其他. */
export const REPORTING_TYPE_EXPR = `(CASE c.category ${CATEGORIES.map((x) => `WHEN ${lit(x.code)} THEN ${lit(x.reportingType)}`).join(' ')} ELSE 'other' END)`;

export const P = {
  live: 'c.deleted = 0',
  received: inPeriod('c.registered_at'),
  accepted: inPeriod('c.accepted_at'),
  mediated: `(c.outcome IN ('agreement', 'failed', 'ended') AND ${inPeriod('c.outcome_at')})`,
  successful: `(c.outcome = 'agreement' AND ${inPeriod('c.outcome_at')})`,
  /**
   * Still being worked on at the end of `cut`: registered by then, and neither decided (outcome),
   * closed nor rejected (which sets closedAt) by then. A case decided later was open at `cut`.
   */
  openAtCut:
    `(c.registered_at < @cutNext` +
    ` AND (c.outcome_at IS NULL OR c.outcome_at >= @cutNext)` +
    ` AND (c.closed_at IS NULL OR c.closed_at >= @cutNext)` +
    ` AND (c.status IN ${OPEN_STATUSES_SQL} OR c.outcome_at IS NOT NULL OR c.closed_at IS NOT NULL))`,
} as const;

export const PX = {
  ...P,
  atTier: `(${P.successful} AND c.tier = c.origin_tier)`,
  overdue: `(${P.openAtCut} AND c.deadline IS NOT NULL AND c.deadline < @cut)`,
  near: `(${P.openAtCut} AND c.deadline >= @cut AND c.deadline <= @nearEnd)`,
  escalated: `(${P.openAtCut} AND c.escalated_at IS NOT NULL AND c.escalated_at < @cutNext)`,
  repeat: `(${P.openAtCut} AND ${REPEAT_PETITION})`,
  preventedCriminal: `(${P.successful} AND c.prevented_criminal_people > 0)`,
  preventedPetition: `(${P.successful} AND c.prevented_petition_people > 0)`,
} as const;

/** 重点督办: open at `cut` and overdue, near its deadline, escalated, or a repeat petition. */
export const KEY_CASE =
  `(${P.openAtCut} AND ((c.deadline IS NOT NULL AND c.deadline <= @nearEnd)` +
  ` OR (c.escalated_at IS NOT NULL AND c.escalated_at < @cutNext) OR ${REPEAT_PETITION}))`;

/** The referral's result as reported to the court; none yet is 'pending'. */
export const REFERRAL_RESULT_EXPR = `COALESCE(r.result, 'pending')`;

export const referralExists = (extra = '') =>
  `EXISTS (SELECT 1 FROM court_referrals r WHERE r.case_id = c.id AND ${inPeriod('r.referred_at')}${extra})`;
export const confirmationAppliedExists = () =>
  `EXISTS (SELECT 1 FROM confirmations f WHERE f.case_id = c.id AND f.deleted = 0 AND ${inPeriod('f.applied_at')})`;
export const confirmationGrantedExists = () =>
  `EXISTS (SELECT 1 FROM confirmations f WHERE f.case_id = c.id AND f.deleted = 0 AND f.ruling = 'confirmed' AND ${inPeriod('f.ruled_at')})`;
export const performanceExists = () =>
  `EXISTS (SELECT 1 FROM followups u WHERE u.case_id = c.id AND u.deleted = 0 AND u.performance = @performance AND ${inPeriod('u.done_at')})`;
