/** Timing: warm up, run n times with performance.now(), report nearest-rank percentiles. */
import type { BenchOp } from './types';

export interface Measured {
  op: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  baseline_p95_ms?: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function time(run: (i: number) => unknown, i: number): Promise<number> {
  const t0 = performance.now();
  const r = run(i);
  // Only await real promises: a sync call must not pay for a microtask turn.
  if (r instanceof Promise) await r;
  return performance.now() - t0;
}

async function sample(run: (i: number) => unknown, n: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await time(run, i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await time(run, warmup + i));
  return samples.sort((a, b) => a - b);
}

export async function measure(op: BenchOp, defaultN: number): Promise<Measured> {
  const n = op.n ?? defaultN;
  const warmup = op.warmup ?? (n < 10 ? 0 : 20);
  const samples = await sample((i) => op.run(i), n, warmup);
  const result: Measured = { op: op.op, n, p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)) };
  if (op.baseline) {
    const base = await sample((i) => op.baseline!.run(i), op.baseline.n, Math.min(3, op.baseline.n));
    result.baseline_p95_ms = round(percentile(base, 95));
  }
  op.teardown?.();
  return result;
}
