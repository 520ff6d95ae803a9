/** A fresh data dir with a centre set up and demo data generated, at a fixed "now". */
import { openServices } from '../../../electron/backend';
import { setUpCentre } from '../../../electron/services/centre';
import { fixedClock } from '../../../electron/services/core/clock';
import type { ServiceContext } from '../../../electron/services/core/context';
import { createLogger } from '../../../electron/services/core/logger';
import { generateDemo, type DemoSummary } from '../../../electron/services/demo/generate';
import { ADMIN, CENTRE } from '../../support/backend';
import { tempDir } from '../../support/tmp';

export const NOW = '2026-11-20T09:00:00+08:00';
export const TODAY = '2026-11-20';

export interface DemoDir {
  ctx: ServiceContext;
  dir: string;
  summary: DemoSummary;
  all<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  close(): void;
}

export function demoDir(cases: number, seed: number): DemoDir {
  const tmp = tempDir('md-demo-');
  const clock = fixedClock(NOW);
  const ctx = openServices({ dataDir: tmp.dir, clock, logger: createLogger({}) });
  setUpCentre(ctx, { centre: CENTRE, admin: ADMIN });
  const summary = generateDemo(ctx, { cases, seed, now: clock.now() });
  return {
    ctx,
    dir: tmp.dir,
    summary,
    all: <T>(sql: string, ...params: unknown[]) => ctx.db.sqlite.prepare(sql).all(...params) as T[],
    close: () => {
      ctx.db.close();
      void ctx.logger.close();
      tmp.cleanup();
    },
  };
}
