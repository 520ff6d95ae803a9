/**
 * How long to wait before trying the same batch again. Bounded within a run: a district that is
 * down all night is left for the next run rather than hammered until morning.
 */
export interface RetryPolicy {
  /** Tries of one batch per run when the answer says nothing (5xx, reset, time-out, garbage). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After the run waits out; a longer one ends the run (the next run retries). */
  retryAfterCapMs: number;
  /** 429/503 answers tolerated per batch per run. */
  maxBusyWaits: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  retryAfterCapMs: 5 * 60_000,
  maxBusyWaits: 10,
};

/** Exponential with "equal jitter": never less than half the step, so retries stay spaced. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
