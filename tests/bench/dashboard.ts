/**
 * The centre head's dashboard for a whole year (electron/services/stats): every figure of the
 * period, computed with SQL aggregates over the 10^5-case database. Alternates between this
 * calendar year (to date) and last year, so that neither is measured from a warm result.
 */
import { computeDashboard } from '../../electron/services/stats/dashboard';
import { localDate } from '../../electron/services/core/clock';
import { nth } from './samples';
import type { BenchSuite } from './types';

export const dashboardSuite: BenchSuite = (b) => {
  const year = Number(localDate(b.ctx.clock.now()).slice(0, 4));
  const periods = [year, year - 1].map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
  return [
    {
      op: 'dashboard-year',
      // A whole dashboard is a few hundred milliseconds of work: fewer, longer iterations.
      n: Math.min(b.n, 30),
      warmup: 3,
      targetP95Ms: 1000,
      run: (i) => computeDashboard(b.ctx, nth(periods, i)),
    },
  ];
};
