/**
 * A case's path through the life cycle and the moments of each step. Times come first and the rows
 * follow from them, so every row agrees with the case: registered ≤ accepted ≤ started ≤ outcome ≤
 * closed ≤ now; the deadline by the domain rules (from the day of acceptance, or the court's time
 * limit for a referral).
 */
import { courtReferralLimitDays, type CourtProcedure, type CourtReferralMode } from '../../../common/domain/deadlines';
import type { Status } from '../../../common/domain/lifecycle';
import type { SourceCode } from '../../../common/domain/sources';
import type { Force } from '../coverage';
import { day, dayStart, HOUR, MINUTE, officeTime } from '../time';
import type { BuildEnv } from './env';
import { afterDays } from './timeline';
import { pickClosedOutcome, STATUS_BY_AGE } from './weights';

export interface Path {
  status: Status;
  /** the status the case reached before it was closed (its own status when open) */
  effective: Status;
  accepted: boolean;
  started: boolean;
  hasOutcome: boolean;
}

/**
 * Status by the case's age: new cases are still open, old ones mostly closed. A matter outside
 * 人民调解 is never accepted: it waits a few days for the decision, then is refused or handed on
 * at registration (closed later, when handed on).
 */
export function drawPath(env: BuildEnv, ageDays: number, f: Force, outside: boolean): Path {
  const { rng } = env;
  let status: Status = f.status ?? STATUS_BY_AGE.find(([max]) => ageDays < max)![1](rng);
  if (outside && !(status === 'registered' && ageDays < 10) && status !== 'closed' && status !== 'rejected' && status !== 'transferred')
    status = rng.chance(0.5) ? 'rejected' : 'transferred';
  const effective: Status = status === 'closed' ? (outside ? 'transferred' : (f.closedOutcome ?? pickClosedOutcome(rng))) : status;
  let accepted = false;
  let started = false;
  if (outside) return { status, effective, accepted, started, hasOutcome: effective === 'transferred' };
  switch (effective) {
    case 'accepted':
      accepted = true;
      break;
    case 'mediating':
    case 'agreement':
    case 'failed':
      accepted = started = true;
      break;
    case 'withdrawn':
      accepted = true;
      started = rng.chance(0.6);
      break;
    case 'transferred': {
      const r = rng.next();
      accepted = r > 0.45;
      started = accepted && r > 0.7;
      break;
    }
    default:
      break;
  }
  const hasOutcome = effective === 'agreement' || effective === 'failed' || effective === 'withdrawn' || effective === 'transferred';
  return { status, effective, accepted, started, hasOutcome };
}

export interface Times {
  acceptMs: number | null;
  assignMs: number | null;
  startMs: number | null;
  outMs: number | null;
  rejectMs: number | null;
  closeMs: number | null;
  /** the court's time limit for a referral, else the centre's days for the source */
  plannedLimit: number;
  extensionDays: number;
  /** court referrals: the day the mediator signed for the court's materials */
  signedOn: string | null;
  /** court referrals: the deadline before any extension */
  courtDueBefore: string | null;
  deadlineNominal: string | null;
  deadline: string | null;
}

export function drawTimes(
  env: BuildEnv,
  R: number,
  path: Path,
  source: SourceCode,
  mode: CourtReferralMode | null,
  procedure: CourtProcedure | null,
  f: Force,
): Times {
  const { rng, today, nowMs } = env;
  const { status, accepted, started, hasOutcome } = path;
  const limitNow = nowMs - MINUTE;
  let acceptMs: number | null = null;
  let assignMs: number | null = null;
  let startMs: number | null = null;
  let outMs: number | null = null;
  let rejectMs: number | null = null;
  let closeMs: number | null = null;

  const plannedLimit = mode ? courtReferralLimitDays(mode, procedure) : env.limitDays[source];
  if (status === 'rejected') rejectMs = afterDays(rng, R, 0, 3);
  if (accepted) {
    if (f.scenario === 'dueSoon') {
      // Accepted so that the deadline falls today or within the next three days.
      const acceptDay = env.dates.addDays(today, rng.int(0, 3) - plannedLimit);
      acceptMs = officeTime(rng, dayStart(acceptDay));
      if (acceptMs <= R) acceptMs = R + 30 * MINUTE;
    } else acceptMs = afterDays(rng, R, 0, mode ? 0 : rng.chance(0.7) ? 0 : 3);
    assignMs = acceptMs + rng.int(5, 240) * MINUTE;
    if (started) startMs = afterDays(rng, assignMs, 0, 4);
  }
  const extensionDays =
    mode && started && (f.extension || rng.chance(0.08))
      ? rng.pick(mode === 'entrusted' && procedure === 'simple' ? [3, 5, 7] : [7, 10, 15, 30])
      : 0;
  if (hasOutcome) {
    if (!accepted) outMs = afterDays(rng, R, 0, 5);
    else if (!started) outMs = afterDays(rng, acceptMs!, 1, 20);
    else {
      const limit = plannedLimit + extensionDays;
      const r = rng.next();
      const days =
        r < 0.75 ? rng.int(1, Math.max(1, limit - 1)) : r < 0.93 ? rng.int(limit, limit + 15) : rng.int(limit + 15, limit * 3 + 30);
      outMs = Math.max(afterDays(rng, acceptMs!, days, days), startMs! + rng.int(1, 5) * HOUR);
    }
  }
  if (status === 'closed') closeMs = afterDays(rng, outMs!, 0, 10);

  // Squeeze the history into the time since registration: a case registered last week and
  // already closed went through its steps faster, never into the future.
  const last = Math.max(acceptMs ?? 0, assignMs ?? 0, startMs ?? 0, outMs ?? 0, rejectMs ?? 0, closeMs ?? 0);
  if (last > limitNow && f.scenario !== 'dueSoon') {
    const k = (limitNow - R) / (last - R);
    if (acceptMs !== null) acceptMs = Math.floor(R + (acceptMs - R) * k);
    if (assignMs !== null) assignMs = Math.floor(R + (assignMs - R) * k);
    if (startMs !== null) startMs = Math.floor(R + (startMs - R) * k);
    if (outMs !== null) outMs = Math.floor(R + (outMs - R) * k);
    if (rejectMs !== null) rejectMs = Math.floor(R + (rejectMs - R) * k);
    if (closeMs !== null) closeMs = Math.floor(R + (closeMs - R) * k);
  }
  if (startMs !== null && startMs > limitNow) startMs = limitNow;

  // Court referrals: the mediator signs for the court's materials when the referral is registered,
  // and the court's time limit (not the centre's) is the case deadline from then on
  // (court/referrals.ts registerReferral); an extension with consent moves it.
  const signedOn = mode ? day(R) : null;
  // Stored as the app stores them: the plain-count day, and that day moved off a rest day.
  const courtDueBefore = mode ? env.dates.legal(env.dates.courtDue(mode, procedure, signedOn!, 0)) : null;
  const deadlineNominal = mode
    ? env.dates.courtDue(mode, procedure, signedOn!, extensionDays)
    : acceptMs === null
      ? null
      : env.dates.caseDeadline(day(acceptMs), source);
  const deadline = deadlineNominal === null ? null : env.dates.legal(deadlineNominal);
  return {
    acceptMs,
    assignMs,
    startMs,
    outMs,
    rejectMs,
    closeMs,
    plannedLimit,
    extensionDays,
    signedOn,
    courtDueBefore,
    deadlineNominal,
    deadline,
  };
}
