/**
 * Protection for the public operations, which anyone at the kiosk (or anything that reaches the
 * transport) may call without signing in. Every limit is kept per key, and each call names its
 * keys: the source (the kiosk device, see services/auth/source-key.ts) and the citizen (the phone
 * number of a registration, the query code of a lookup). One kiosk or one citizen reaching a
 * limit leaves the other kiosks and the other citizens alone.
 * - progress lookups: after LOOKUP_MAX_FAILURES wrong code/phone pairs within LOOKUP_WINDOW_MS for
 *   one key, that key is refused for LOOKUP_BLOCK_MS (a four-digit phone suffix alone would fall
 *   to 10 000 tries);
 * - registrations: at most SUBMIT_MAX_PER_WINDOW per SUBMIT_WINDOW_MS for one key, which a real
 *   queue of citizens never reaches and a script filling the database does at once;
 * - reprints: a kiosk may reprint only the ticket it just issued, with the token it was given,
 *   a few times and for a few minutes.
 *
 * The state is in memory, per process: the kiosk window and the browser host each guard their own
 * callers. Losing it on a restart only resets the counters.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../common/errors';
import type { Clock } from '../core/clock';

export const LOOKUP_MAX_FAILURES = 5;
export const LOOKUP_WINDOW_MS = 10 * 60_000;
export const LOOKUP_BLOCK_MS = 10 * 60_000;
export const SUBMIT_MAX_PER_WINDOW = 20;
export const SUBMIT_WINDOW_MS = 10 * 60_000;
export const REPRINT_TOKEN_TTL_MS = 15 * 60_000;
export const REPRINT_MAX_USES = 3;
/** Above this many keys in a table, the stale ones are swept: every citizen adds a key. */
const SWEEP_ABOVE = 1000;

interface ReprintGrant {
  intakeId: string;
  expiresAt: number;
  uses: number;
}

export class KioskGuard {
  private readonly lookupFailures = new Map<string, number[]>();
  private readonly lookupBlockedUntil = new Map<string, number>();
  private readonly submits = new Map<string, number[]>();
  private readonly grants = new Map<string, ReprintGrant>();

  constructor(private readonly clock: Clock) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  private recent(map: Map<string, number[]>, key: string, windowMs: number): number[] {
    const now = this.now();
    const list = (map.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length > 0) map.set(key, list);
    else map.delete(key);
    return list;
  }

  /** Throws REFUSED while any of the keys is blocked. */
  checkLookup(keys: readonly string[]): void {
    let left = 0;
    for (const key of keys) {
      const until = this.lookupBlockedUntil.get(key);
      if (until === undefined) continue;
      if (until <= this.now()) {
        this.lookupBlockedUntil.delete(key);
        this.lookupFailures.delete(key);
        continue;
      }
      left = Math.max(left, until - this.now());
    }
    if (left <= 0) return;
    const minutes = Math.max(1, Math.ceil(left / 60_000));
    throw new AppError('REFUSED', `查询错误次数过多，请 ${minutes} 分钟后再试，或到窗口找工作人员帮您查询。`);
  }

  /** Records a wrong code/phone against each key; the LOOKUP_MAX_FAILURES-th within the window blocks that key. */
  lookupFailed(keys: readonly string[]): void {
    for (const key of keys) {
      const list = this.recent(this.lookupFailures, key, LOOKUP_WINDOW_MS);
      list.push(this.now());
      this.lookupFailures.set(key, list);
      if (list.length >= LOOKUP_MAX_FAILURES) this.lookupBlockedUntil.set(key, this.now() + LOOKUP_BLOCK_MS);
    }
    this.sweepIfLarge();
  }

  /** Counts a registration against each key; throws REFUSED (counting nothing) when any key is at the limit. */
  admitSubmit(keys: readonly string[]): void {
    const lists = keys.map((key) => this.recent(this.submits, key, SUBMIT_WINDOW_MS));
    if (lists.some((list) => list.length >= SUBMIT_MAX_PER_WINDOW)) {
      throw new AppError('REFUSED', '提交过于频繁，请稍后再试，或到窗口找工作人员登记。');
    }
    keys.forEach((key, i) => {
      lists[i]!.push(this.now());
      this.submits.set(key, lists[i]!);
    });
    this.sweepIfLarge();
  }

  /** How many keys the tables hold (what the sweep keeps small). */
  get size(): number {
    return this.lookupFailures.size + this.lookupBlockedUntil.size + this.submits.size;
  }

  private sweepIfLarge(): void {
    if (this.size <= SWEEP_ABOVE) return;
    const now = this.now();
    for (const [key, until] of this.lookupBlockedUntil) if (until <= now) this.lookupBlockedUntil.delete(key);
    for (const [key, list] of this.lookupFailures) if (!list.some((t) => now - t < LOOKUP_WINDOW_MS)) this.lookupFailures.delete(key);
    for (const [key, list] of this.submits) if (!list.some((t) => now - t < SUBMIT_WINDOW_MS)) this.submits.delete(key);
  }

  grantReprint(intakeId: string): string {
    const now = this.now();
    for (const [token, g] of this.grants) if (g.expiresAt <= now) this.grants.delete(token);
    const token = randomBytes(18).toString('base64url');
    this.grants.set(token, { intakeId, expiresAt: now + REPRINT_TOKEN_TTL_MS, uses: 0 });
    return token;
  }

  /** The intake a token may reprint; throws REFUSED for an unknown, expired or used-up token. */
  redeemReprint(token: string): string {
    const g = this.grants.get(token);
    if (!g || g.expiresAt <= this.now()) {
      this.grants.delete(token);
      throw new AppError('REFUSED', '已超过重新打印的时间，请到窗口找工作人员补打小票。');
    }
    if (g.uses >= REPRINT_MAX_USES) throw new AppError('REFUSED', `已重新打印 ${REPRINT_MAX_USES} 次，请到窗口找工作人员补打小票。`);
    g.uses += 1;
    return g.intakeId;
  }
}
