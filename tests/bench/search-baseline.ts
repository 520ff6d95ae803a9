/**
 * The searches of services/cases/search.ts done the slow way (a LIKE scan), for `npm run bench` to
 * compare against. Bench-only: it lives here, not in the app.
 */
import type { ServiceContext } from '../../electron/services/core/context';

export function searchBaseline(
  ctx: Pick<ServiceContext, 'db'>,
  q: string,
  column: 'name' | 'phone' | 'id_number' | 'case_number' | 'reference_number',
  limit = 30,
): number {
  const table = column === 'case_number' ? 'cases' : column === 'reference_number' ? 'court_referrals' : 'parties';
  const rows = ctx.db.sqlite
    .prepare(`SELECT rowid FROM ${table} WHERE ${column} LIKE ? ESCAPE '\\' ORDER BY ${column} LIMIT ?`)
    .all(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, limit);
  return rows.length;
}
