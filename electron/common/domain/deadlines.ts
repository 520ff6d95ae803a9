/**
 * Time limits: case deadlines (限期化解), court referral limits, the 司法确认 window, follow-ups.
 *
 * Periods are counted in calendar days and the start day is not counted (民事诉讼法 (2023) Art. 85, 期间:
 * "期间开始的时和日，不计算在期间内"): a 30-day period starting on 2026-01-31 runs from 02-01 and its
 * last day, still inside, is 03-02. The functions here give that plain-count ("nominal") last day;
 * the same article moves a last day that falls on a rest day to the next working day, which needs
 * the State Council's yearly schedule: calendar.ts (legalDue) applies it, and every service stores
 * and shows the moved day.
 *
 * - Court referrals (法释〔2016〕14号, 特邀调解规定): 委派 (pre-filing) 30 days; 委托 (after filing)
 *   15 days under ordinary procedure, 7 under simple procedure; counted from the day the mediator
 *   signed for the court's materials; longer only with both parties' consent (extensionDays).
 * - 司法确认: the parties apply jointly within 30 days of the agreement taking effect
 *   (人民调解法 Art. 33; 民事诉讼法 Art. 205).
 * - Follow-up (回访): 人民调解法 Art. 31 has the committee supervise performance; the intervals
 *   are the centre's practice, not law.
 */
import { AppError } from '../errors';
import { formatIsoDate, parseIsoDate } from './dates';
import { DEFAULT_DEADLINE_DAYS, type SourceCode } from './sources';

/** Largest period or offset accepted (ten years): anything beyond is a typing error. */
const MAX_DAYS = 3660;

function assertDays(n: number, what: string, allowNegative = false): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_DAYS || (!allowNegative && n < 0)) {
    throw new AppError('VALIDATION', `${what}应为${allowNegative ? '' : '不小于0的'}整数天数（不超过${MAX_DAYS}天），收到：${String(n)}`);
  }
}

/** The calendar day n days after (n < 0: before) `date`. */
export function addDays(date: string, n: number): string {
  assertDays(n, '天数', true);
  return formatIsoDate(parseIsoDate(date).add(n, 'day'));
}

/** Days from `today` to `due`: 0 on the due day, negative once it has passed. */
export function daysLeft(due: string, today: string): number {
  return parseIsoDate(due, '期限').diff(parseIsoDate(today, '当前日期'), 'day');
}

/**
 * The date a case must be resolved by (限期化解): accepted day + the source's days.
 * `overrides` come from the centre's settings and replace DEFAULT_DEADLINE_DAYS per source.
 */
export function caseDeadline(acceptedOn: string, source: SourceCode, overrides?: Partial<Record<SourceCode, number>>): string {
  const days = overrides?.[source] ?? DEFAULT_DEADLINE_DAYS[source];
  if (days === undefined) throw new AppError('VALIDATION', `未知的案件来源：${String(source)}`);
  assertDays(days, '办理期限', false);
  if (days === 0) throw new AppError('VALIDATION', '办理期限不能为0天');
  return addDays(acceptedOn, days);
}

export const COURT_MODES = ['delegated', 'entrusted'] as const;
export type CourtReferralMode = (typeof COURT_MODES)[number];
export const COURT_PROCEDURES = ['ordinary', 'simple'] as const;
export type CourtProcedure = (typeof COURT_PROCEDURES)[number];

export const COURT_REFERRAL_MODE_LABELS: Readonly<Record<CourtReferralMode, string>> = {
  delegated: '委派调解（立案前）',
  entrusted: '委托调解（立案后）',
};

export const COURT_PROCEDURE_LABELS: Readonly<Record<CourtProcedure, string>> = {
  ordinary: '普通程序',
  simple: '简易程序',
};

/** 委派 30; 委托 15 (ordinary) or 7 (simple). An entrusted case must name its procedure. */
export function courtReferralLimitDays(mode: CourtReferralMode, procedure?: CourtProcedure | null): number {
  if (mode === 'delegated') return 30;
  if (mode === 'entrusted') {
    if (procedure === 'ordinary') return 15;
    if (procedure === 'simple') return 7;
    throw new AppError('VALIDATION', '委托调解须注明法院适用普通程序还是简易程序');
  }
  throw new AppError('VALIDATION', `未知的委派/委托方式：${String(mode)}`);
}

export interface CourtReferralTerms {
  mode: CourtReferralMode;
  procedure?: CourtProcedure | null;
  /** The day the mediator signed for the court's materials: the clock starts the day after. */
  materialsSignedOn: string;
  /** Extra days both parties agreed to (0 when none). */
  extensionDays?: number | null;
}

/** The last day of a court-referred mediation. */
export function courtReferralDueDate(terms: CourtReferralTerms): string {
  const extension = terms.extensionDays ?? 0;
  assertDays(extension, '延长天数', false);
  const limit = courtReferralLimitDays(terms.mode, terms.procedure);
  parseIsoDate(terms.materialsSignedOn, '签收材料日期');
  return addDays(terms.materialsSignedOn, limit + extension);
}

export type DeadlineState = 'overdue' | 'near' | 'ok' | 'none';

export const DEADLINE_STATE_LABELS: Readonly<Record<DeadlineState, string>> = {
  overdue: '已超期',
  near: '临近期限',
  ok: '期限内',
  none: '无期限',
};

/** 'overdue' after the due day, 'near' when at most `nearDays` are left (the due day included). */
export function deadlineState(due: string | null | undefined, today: string, nearDays = 3): DeadlineState {
  if (due === null || due === undefined || due === '') return 'none';
  assertDays(nearDays, '提醒天数', false);
  const left = daysLeft(due, today);
  if (left < 0) return 'overdue';
  if (left <= nearDays) return 'near';
  return 'ok';
}

export const CONFIRMATION_WINDOW_DAYS = 30;

/** 司法确认 may be applied for up to and including `lastDay`. */
export function confirmationWindow(agreementEffectiveOn: string): { firstDay: string; lastDay: string } {
  parseIsoDate(agreementEffectiveOn, '协议生效日期');
  return { firstDay: agreementEffectiveOn, lastDay: addDays(agreementEffectiveOn, CONFIRMATION_WINDOW_DAYS) };
}

export type ConfirmationWindowState = 'open' | 'closing' | 'closed';

/** 'closing' when at most `warnDays` are left (last day included), 'closed' after the last day. */
export function confirmationWindowState(effectiveOn: string, today: string, warnDays = 7): ConfirmationWindowState {
  return windowStateUntil(confirmationWindow(effectiveOn).lastDay, today, warnDays);
}

/** The same states for a known last day (the one the legal calendar moved off a rest day). */
export function windowStateUntil(lastDay: string, today: string, warnDays = 7): ConfirmationWindowState {
  assertDays(warnDays, '提醒天数', false);
  const left = daysLeft(lastDay, today);
  if (left < 0) return 'closed';
  if (left <= warnDays) return 'closing';
  return 'open';
}

export const FOLLOWUP_AFTER_AGREEMENT_DAYS = 15;
export const FOLLOWUP_AFTER_PERFORMANCE_DAYS = 3;

export type FollowupKind = 'after_agreement' | 'after_performance';

export interface FollowupDue {
  kind: FollowupKind;
  dueOn: string;
  label: string;
}

/**
 * Suggested follow-up visits (回访): 15 days after the agreement, and 3 days after the performance
 * deadline when there is one, in date order (one visit when both fall on the same day).
 */
export function followupSchedule(agreementOn: string, performanceDeadline?: string | null): FollowupDue[] {
  const visits: FollowupDue[] = [
    {
      kind: 'after_agreement',
      dueOn: addDays(agreementOn, FOLLOWUP_AFTER_AGREEMENT_DAYS),
      label: `协议达成后${FOLLOWUP_AFTER_AGREEMENT_DAYS}日回访`,
    },
  ];
  if (performanceDeadline) {
    if (daysLeft(performanceDeadline, agreementOn) < 0) {
      throw new AppError('VALIDATION', '履行期限不能早于协议日期');
    }
    const dueOn = addDays(performanceDeadline, FOLLOWUP_AFTER_PERFORMANCE_DAYS);
    if (dueOn !== visits[0]?.dueOn) {
      visits.push({
        kind: 'after_performance',
        dueOn,
        label: `履行期限届满后${FOLLOWUP_AFTER_PERFORMANCE_DAYS}日回访`,
      });
    }
  }
  return visits.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}
