/**
 * What a benchmark operation looks like. Each area of the app keeps its operations in its own
 * module under tests/bench/ (search.ts, cases.ts, ...) and lists them in suites.ts; run.ts builds
 * the data once and measures every operation the same way.
 */
import type { ServiceContext } from '../../electron/services/core/context';
import type { Rng } from '../../electron/services/demo/prng';

export interface BenchContext {
  /** Services on the benchmark data dir, opened as the app opens them. */
  ctx: ServiceContext;
  dataDir: string;
  /** Seeded: the same query values on every run. */
  rng: Rng;
  /** How many measured iterations each operation gets (unless it says otherwise). */
  n: number;
  /**
   * A throw-away copy of the data dir, for operations that change data (an upload marks records
   * as sent; a second run must start from the same backlog). Remove it with cleanup().
   */
  copyDataDir(): { dir: string; cleanup(): void };
}

export interface BenchOp {
  /** The name printed as "op". */
  op: string;
  /** Measured iterations; default BenchContext.n. Heavy operations (a whole upload) may use 1–5. */
  n?: number;
  /** Unmeasured iterations first, to warm caches and the JIT; default 20 (0 for n < 10). */
  warmup?: number;
  /** p95 target in milliseconds: a miss is reported on stderr (and in the exit code with --strict). */
  targetP95Ms?: number;
  /** One iteration; `i` counts from 0 across warm-up and measured runs. May be async. */
  run(i: number): unknown;
  /** The same work done the plain way (a LIKE scan): reported as baseline_p95_ms. */
  baseline?: { n: number; run(i: number): unknown };
  /** Called once after the operation's runs. */
  teardown?(): void;
  /**
   * An operation measured as a whole (one long run in its own process, e.g. the upload of a
   * backlog), printing its own JSON line instead of percentiles; run() and n are then unused.
   */
  report?(): Promise<{ op: string } & Record<string, unknown>>;
}

/** A module's operations, given the context: sample query values here, not inside run(). */
export type BenchSuite = (b: BenchContext) => BenchOp[] | Promise<BenchOp[]>;
