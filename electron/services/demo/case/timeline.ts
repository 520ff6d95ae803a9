/**
 * A case's audit events, collected while its history is drawn and written in time order at the
 * end; and the moments they happen at (office hours, never past now).
 */
import { STATUSES, type Status } from '../../../common/domain/lifecycle';
import type { Rng } from '../prng';
import { dayStart, DAY, MINUTE, officeTime } from '../time';
import type { BuildEnv } from './env';

export interface Ev {
  ms: number;
  op: string;
  kind: string;
  entityId: string;
  summary: string;
  actor: string;
  before: object | string | null;
  after: object | string | null;
  /** raises the case's version (the app's writeCase) */
  bumps: boolean;
}
/** A case's audit events, collected while its history is drawn and written in time order at the end. */
export class Timeline {
  readonly events: Ev[] = [];
  add(
    ms: number,
    op: string,
    kind: string,
    entityId: string,
    summary: string,
    actor: string,
    bumps: boolean,
    before: object | string | null = null,
    after: object | string | null = null,
  ): void {
    this.events.push({ ms, op, kind, entityId, summary, actor, before, after, bumps });
  }
}

/** A moment `dmin`–`dmax` days after `t`, in office hours, and always after `t`. */
export function afterDays(rng: Rng, t: number, dmin: number, dmax: number): number {
  const c = officeTime(rng, t + rng.int(dmin, dmax) * DAY);
  return c > t ? c : t + rng.int(5, 90) * MINUTE;
}

// Audit before/after values that never change, stringified once (JSON.stringify was 7% of the load).
const statusJson = (status: string, extra = '') => `{"status":"${status}"${extra}}`;
export const S_REGISTERED = statusJson('registered');
export const S_ACCEPTED = statusJson('accepted');
export const S_MEDIATING = statusJson('mediating');
export const S_CLOSED = statusJson('closed');
export const S_FAILED = statusJson('failed', ',"outcome":"failed"');
export const S_WITHDRAWN = statusJson('withdrawn', ',"outcome":"withdrawn"');
export const STATUS_JSON = Object.fromEntries(STATUSES.map((x) => [x, statusJson(x)])) as Record<Status, string>;

/** A moment on `isoDay` in office hours, kept after `notBefore` and before now. */
export function onDay(env: BuildEnv, isoDay: string, notBefore: number): number {
  return Math.max(notBefore + MINUTE, Math.min(officeTime(env.rng, dayStart(isoDay)), env.nowMs - MINUTE));
}
