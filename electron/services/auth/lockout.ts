/**
 * Login lockout per account AND source (device): MAX_FAILED_LOGINS refused logins for one login
 * name from one source within FAILURE_WINDOW_MS lock that name at that source for LOCK_MS. A
 * stranger at one machine therefore cannot lock staff out of the others, and a lock ends by
 * itself; the administrator can lift every lock of an account at once.
 *
 * Keyed by the login name as typed, whether or not such an account exists, so that a lock
 * behaves the same for real and made-up names. In memory, per process, like the sessions: a
 * restart lifts the locks.
 */
import type { Clock } from '../core/clock';

export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
/** Above this many tracked pairs, stale ones are swept (names sprayed at the login form). */
const SWEEP_ABOVE = 1000;

interface Entry {
  loginName: string;
  failures: number[];
  lockedUntil: number | null;
}

export class LoginLockout {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock) {}

  private now(): number {
    return this.clock.now().getTime();
  }

  private static key(loginName: string, source: string): string {
    return `${source}\u0000${loginName}`;
  }

  /** Whether the login name is locked at this source now. */
  isLocked(loginName: string, source: string): boolean {
    const e = this.entries.get(LoginLockout.key(loginName, source));
    if (!e || e.lockedUntil === null) return false;
    if (e.lockedUntil > this.now()) return true;
    this.entries.delete(LoginLockout.key(loginName, source));
    return false;
  }

  /** Counts a refused login; returns true when this one locked the pair. */
  failed(loginName: string, source: string): boolean {
    const now = this.now();
    const key = LoginLockout.key(loginName, source);
    const e = this.entries.get(key) ?? { loginName, failures: [], lockedUntil: null };
    e.failures = e.failures.filter((t) => now - t < FAILURE_WINDOW_MS);
    e.failures.push(now);
    let locked = false;
    if (e.failures.length >= MAX_FAILED_LOGINS) {
      e.lockedUntil = now + LOCK_MS;
      e.failures = [];
      locked = true;
    }
    this.entries.set(key, e);
    if (this.entries.size > SWEEP_ABOVE) this.sweep(now);
    return locked;
  }

  /** A successful login from this source starts its count afresh. */
  succeeded(loginName: string, source: string): void {
    this.entries.delete(LoginLockout.key(loginName, source));
  }

  /** Lifts every lock (and count) of the login name, at every source; returns how many locks were lifted. */
  unlock(loginName: string): number {
    const now = this.now();
    let lifted = 0;
    for (const [key, e] of this.entries) {
      if (e.loginName !== loginName) continue;
      if (e.lockedUntil !== null && e.lockedUntil > now) lifted += 1;
      this.entries.delete(key);
    }
    return lifted;
  }

  /** The end of the latest lock of the login name at any source, or null when it is locked nowhere. */
  lockedUntil(loginName: string): Date | null {
    const now = this.now();
    let latest: number | null = null;
    for (const e of this.entries.values()) {
      if (e.loginName === loginName && e.lockedUntil !== null && e.lockedUntil > now && (latest === null || e.lockedUntil > latest))
        latest = e.lockedUntil;
    }
    return latest === null ? null : new Date(latest);
  }

  /** How many (login name, source) pairs are tracked (what the sweep keeps small). */
  get size(): number {
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [key, e] of this.entries) {
      const live = (e.lockedUntil !== null && e.lockedUntil > now) || e.failures.some((t) => now - t < FAILURE_WINDOW_MS);
      if (!live) this.entries.delete(key);
    }
  }
}
