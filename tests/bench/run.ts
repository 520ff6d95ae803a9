/**
 * `npm run bench`: service-layer timings on a realistic database (10^5 cases, ≈3 × 10^5 parties).
 *
 *   npm run bench -- [--db DIR] [--cases N] [--seed S] [--n N] [--only op1,op2] [--keep] [--strict]
 *
 * stdout: one JSON line per operation, {"op","n","p50_ms","p95_ms"} (+ "baseline_p95_ms" where
 * the operation has a plain-scan baseline). stderr: progress, build time, targets missed.
 * --db DIR reuses (or builds once into) DIR; --strict exits 1 when a target is missed.
 */
import './tz';
import { parseArgs } from 'node:util';
import { Rng } from '../../electron/services/demo/prng';
import { copyDataDir, openBenchServices, prepareDataDir } from './fixture';
import { measure } from './measure';
import { SUITES } from './suites';
import type { BenchContext } from './types';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      cases: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      n: { type: 'string', default: '200' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const cases = Number(values.cases);
  const n = Number(values.n);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive integer');
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive integer');
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;

  const data = prepareDataDir({ db: values.db, cases, seed: Number(values.seed), keep: values.keep });
  const ctx = openBenchServices(data.dir);
  const missed: string[] = [];
  try {
    const b: BenchContext = { ctx, dataDir: data.dir, rng: new Rng(20_261_129), n, copyDataDir: () => copyDataDir(ctx) };
    for (const suite of SUITES) {
      for (const op of await suite(b)) {
        if (only && !only.has(op.op)) continue;
        if (op.report) {
          process.stdout.write(`${JSON.stringify(await op.report())}\n`);
          continue;
        }
        const result = await measure(op, n);
        process.stdout.write(`${JSON.stringify(result)}\n`);
        if (op.targetP95Ms !== undefined && result.p95_ms > op.targetP95Ms) {
          missed.push(op.op);
          log(`bench: ${op.op} p95 ${result.p95_ms} ms misses its target of ${op.targetP95Ms} ms`);
        }
      }
    }
  } finally {
    ctx.db.close();
    void ctx.logger.close();
    data.cleanup();
  }
  return values.strict && missed.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(`bench: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  },
);
