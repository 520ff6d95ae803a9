/**
 * The case list and the case page (electron/services/cases/queries.ts) as a desk uses them: a
 * filtered list paged to page 3, and opening a case.
 */
import { listCasesInput } from '../../electron/common/api/cases';
import { getCaseDetail, listCases } from '../../electron/services/cases/queries';
import { nth, sampleValues } from './samples';
import type { BenchSuite } from './types';

export const casesSuite: BenchSuite = (b) => {
  const db = b.ctx.db.sqlite;
  // Filters people actually set: status + category + tier combinations with at least three pages,
  // drawn in proportion to how many cases they hold.
  const combos = db
    .prepare(`SELECT status, category, tier, count(*) AS n FROM cases WHERE deleted = 0 GROUP BY status, category, tier HAVING n >= 60`)
    .all() as { status: string; category: string; tier: string; n: number }[];
  if (combos.length === 0) throw new Error('bench: no status/category/tier combination has three pages of cases');
  const total = combos.reduce((s, c) => s + c.n, 0);
  const filters = Array.from({ length: b.n + 20 }, () => {
    let x = b.rng.next() * total;
    const c = combos.find((k) => (x -= k.n) < 0) ?? combos[combos.length - 1]!;
    return listCasesInput.parse({
      status: [c.status],
      category: [c.category],
      tier: [c.tier],
      page: 3,
      pageSize: 20,
      sort: 'registeredAt',
      order: 'desc',
    });
  });
  const ids = sampleValues(b, 'cases', 'id', b.n + 20);

  return [
    { op: 'list-page-filtered', targetP95Ms: 20, run: (i) => listCases(b.ctx, nth(filters, i)) },
    { op: 'open-case', targetP95Ms: 5, run: (i) => getCaseDetail(b.ctx, nth(ids, i)) },
  ];
};
