/**
 * Cases whose shape is decided before they are drawn, so that even a small demo (a few hundred
 * cases, as tests and training use) shows every category, source, tier and status, both court
 * referral modes, 司法确认 in every state, follow-ups done and due, escalations, overdue cases
 * and cases due within three days. Each forced shape takes a distinct case whose registration
 * date suits it (a ruled 司法确认 needs an old case; a due-soon deadline needs one accepted about a
 * month ago); everything not forced is drawn from the realistic weights.
 */
import { CATEGORY_CODES, type CategoryCode } from '../../common/domain/categories';
import { isOpen, STATUSES, type Outcome, type Status } from '../../common/domain/lifecycle';
import { SOURCE_CODES, type SourceCode } from '../../common/domain/sources';
import { TIERS, type Tier } from '../../common/domain/tiers';
import type { Rng } from './prng';
import { DAY } from './time';

export type ConfirmationState = 'applied' | 'accepted' | 'confirmed' | 'dismissed';

export interface Force {
  category?: CategoryCode;
  source?: SourceCode;
  originTier?: Tier;
  /** keep the tier as drawn (a forced tier must still show in the list) */
  noEscalation?: boolean;
  status?: Status;
  /** for status 'closed': the outcome it was closed with */
  closedOutcome?: Outcome;
  scenario?: 'overdue' | 'dueSoon';
  escalate?: boolean;
  procedure?: 'ordinary' | 'simple';
  extension?: boolean;
  confirmation?: ConfirmationState;
  followup?: 'done' | 'due';
  undisputed?: boolean;
  crossUnit?: boolean;
  repeatPetition?: boolean;
  agent?: boolean;
  returning?: boolean;
}

export const NO_FORCE: Force = {};

/**
 * @param times registration times, oldest first
 * @param dueSoonLimit the deadline days of a walk-in case (settings may change it)
 */
export function planCoverage(rng: Rng, times: Float64Array, nowMs: number, dueSoonLimit: number): Map<number, Force> {
  const n = times.length;
  const forced = new Map<number, Force>();

  /** First index registered at or after `ms` (times are sorted). */
  const lowerBound = (ms: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** A free case registered between minAge and maxAge days ago, or -1. */
  const take = (minAge = 0, maxAge = Infinity): number => {
    const lo = maxAge === Infinity ? 0 : lowerBound(nowMs - maxAge * DAY);
    const hi = lowerBound(nowMs - minAge * DAY); // exclusive
    if (hi <= lo) return -1;
    for (let tries = 0; tries < 40; tries++) {
      const i = lo + Math.floor(rng.next() * (hi - lo));
      if (!forced.has(i)) return i;
    }
    for (let i = lo; i < hi; i++) if (!forced.has(i)) return i;
    return -1;
  };
  const force = (f: Force, minAge?: number, maxAge?: number) => {
    const i = take(minAge, maxAge);
    if (i >= 0) forced.set(i, f);
  };

  for (const category of CATEGORY_CODES) force({ category });
  for (const source of SOURCE_CODES) force({ source });
  for (const originTier of TIERS) force({ originTier, noEscalation: true });
  for (const status of STATUSES) force({ status }, status === 'closed' ? 30 : 0, isOpen(status) ? 60 : Infinity);
  for (const closedOutcome of ['agreement', 'failed', 'withdrawn', 'transferred'] as const) force({ status: 'closed', closedOutcome }, 40);

  // Overdue, one of them a hard case with a lead unit and a responsible leader, as the key-case list (重点案件) shows them.
  for (let k = 0; k < 3; k++)
    force({ status: 'mediating', scenario: 'overdue', source: 'walk_in', ...(k === 0 ? { crossUnit: true } : {}) }, 90);
  force({ status: 'accepted', scenario: 'overdue', source: 'walk_in' }, 90);
  for (let k = 0; k < 4; k++)
    force({ status: k % 2 ? 'accepted' : 'mediating', scenario: 'dueSoon', source: 'walk_in' }, dueSoonLimit + 5, dueSoonLimit + 40);

  for (let k = 0; k < 3; k++) force({ status: 'mediating', escalate: true, originTier: k === 2 ? 'town' : 'village' });
  force({ status: 'closed', closedOutcome: 'agreement', escalate: true, originTier: 'village' }, 40);

  // Court docking: both modes, both procedures, an extension with consent, a failed 委派 whose
  // materials went back to the court.
  force({ source: 'court_delegated', status: 'failed' }, 40);
  force({ source: 'court_delegated', status: 'closed', closedOutcome: 'failed' }, 60);
  force({ source: 'court_delegated', status: 'closed', closedOutcome: 'agreement', extension: true }, 60);
  force({ source: 'court_delegated', status: 'mediating' }, 0, 20);
  force({ source: 'court_entrusted', procedure: 'simple', status: 'closed', closedOutcome: 'agreement' }, 40);
  force({ source: 'court_entrusted', procedure: 'ordinary', status: 'closed', closedOutcome: 'agreement', extension: true }, 60);
  force({ source: 'court_entrusted', procedure: 'ordinary', status: 'mediating' }, 0, 10);

  for (const confirmation of ['applied', 'accepted', 'confirmed', 'dismissed'] as const) {
    for (let k = 0; k < 2; k++) force({ status: 'closed', closedOutcome: 'agreement', confirmation }, 90);
  }
  for (let k = 0; k < 2; k++) force({ status: 'closed', closedOutcome: 'agreement', followup: 'done' }, 60);
  for (let k = 0; k < 2; k++) force({ status: 'agreement', followup: 'due' }, 3, 10);
  for (let k = 0; k < 2; k++) force({ status: 'failed', undisputed: true });
  for (let k = 0; k < 2; k++) force({ crossUnit: true });
  // A repeat petition still open, as the desk's key-case list (重点案件) shows them; and one drawn freely.
  force({ source: 'petition_referral', repeatPetition: true, status: 'mediating' }, 0, 60);
  force({ source: 'petition_referral', repeatPetition: true });
  for (let k = 0; k < 2; k++) force({ agent: true });
  for (let k = 0; k < 2; k++) force({ returning: true }, 0, 200);
  return forced;
}
