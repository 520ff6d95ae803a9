/**
 * Attempts at pairing are limited: a code has 31^8 values, and after PAIR_MAX_FAILURES wrong codes
 * from one address within the window that address is refused for the window; all addresses together
 * get PAIR_MAX_FAILURES_TOTAL, so guessing from many machines is slow too. In memory: a restart only
 * resets the counters, and every code expires in 10 minutes anyway.
 */
import { AppError } from '../../common/errors';
import type { Clock } from '../core/clock';

export const PAIR_MAX_FAILURES = 5;
export const PAIR_MAX_FAILURES_TOTAL = 50;
export const PAIR_WINDOW_MS = 10 * 60_000;

export class PairingGuard {
  private readonly failures = new Map<string, number[]>();
  private all: number[] = [];

  constructor(private readonly clock: Clock) {}

  private recent(list: number[]): number[] {
    const now = this.clock.now().getTime();
    return list.filter((t) => now - t < PAIR_WINDOW_MS);
  }

  check(address: string | null): void {
    const key = address ?? 'unknown';
    const mine = this.recent(this.failures.get(key) ?? []);
    this.all = this.recent(this.all);
    if (mine.length >= PAIR_MAX_FAILURES || this.all.length >= PAIR_MAX_FAILURES_TOTAL) {
      throw new AppError('REFUSED', '配对码输错次数过多，请 10 分钟后再试，或请管理员到主机上处理');
    }
  }

  fail(address: string | null): void {
    const key = address ?? 'unknown';
    const now = this.clock.now().getTime();
    this.failures.set(key, [...this.recent(this.failures.get(key) ?? []), now]);
    this.all.push(now);
  }
}
