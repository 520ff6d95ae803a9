/**
 * The benchmark's data dir: built with the demo generator (10^5 cases by default), or reused with
 * --db DIR (built there first if DIR has no cases yet, so the next run can skip the build).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices } from '../../electron/backend';
import { DEMO_ADMIN, DEMO_CENTRE } from '../../electron/cli/commands/demo';
import { getCentre, setUpCentre } from '../../electron/services/centre';
import type { ServiceContext } from '../../electron/services/core/context';
import { createLogger } from '../../electron/services/core/logger';
import { generateDemo } from '../../electron/services/demo/generate';

const log = (line: string) => process.stderr.write(`${line}\n`);

export function openBenchServices(dir: string): ServiceContext {
  return openServices({ dataDir: dir, logger: createLogger({}) });
}

function caseCount(ctx: ServiceContext): number {
  return (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
}

export function prepareDataDir(opts: { db?: string | undefined; cases: number; seed: number; keep: boolean }): {
  dir: string;
  cleanup(): void;
} {
  const dir = opts.db ? path.resolve(opts.db) : fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
  const cleanup = () => {
    if (!opts.db && !opts.keep) fs.rmSync(dir, { recursive: true, force: true });
    else log(`bench: data dir kept at ${dir}`);
  };
  const ctx = openBenchServices(dir);
  try {
    const existing = getCentre(ctx) ? caseCount(ctx) : 0;
    if (existing > 0) {
      log(`bench: reusing ${dir} (${existing} cases)`);
      return { dir, cleanup };
    }
    if (!getCentre(ctx)) setUpCentre(ctx, { centre: DEMO_CENTRE, admin: DEMO_ADMIN });
    log(`bench: building ${opts.cases} demo cases (seed ${opts.seed}) in ${dir} ...`);
    // CPU time beside wall time: on a shared machine the wall time says more about the others.
    const cpu0 = process.cpuUsage();
    const s = generateDemo(ctx, {
      cases: opts.cases,
      seed: opts.seed,
      onProgress: (done, total) => {
        if (done % 25_000 === 0 || done === total) log(`bench:   ${done}/${total}`);
      },
    });
    const cpu = process.cpuUsage(cpu0);
    log(
      `bench: built ${s.cases} cases, ${s.parties} parties, ${s.sessions} sessions in ${s.seconds} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`,
    );
    // Checkpoint so that the measured connection reads one database file, as after a restart.
    ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { dir, cleanup };
  } finally {
    ctx.db.close();
    void ctx.logger.close();
  }
}

/** A copy of the data dir through SQLite's own backup (consistent even with a WAL). */
export function copyDataDir(ctx: ServiceContext): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-bench-copy-'));
  ctx.db.sqlite.exec(`VACUUM INTO '${path.join(dir, path.basename(ctx.db.path)).replace(/'/g, "''")}'`);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
