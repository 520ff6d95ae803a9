/**
 * Realistic query values, drawn from the benchmark database itself: random rows by rowid (an
 * index lookup each, unlike ORDER BY random()), filtered by what the operation needs. `column`
 * and `where` are the bench's own SQL, never input.
 */
import type { BenchContext } from './types';

/**
 * `count` values of `column` from random rows of `table` that pass `accept`; distinct, so that no
 * iteration measures a result the previous one left in cache.
 */
export function sampleValues(
  b: BenchContext,
  table: 'cases' | 'parties',
  column: string,
  count: number,
  accept: (v: string) => boolean = () => true,
  where = '1',
): string[] {
  const db = b.ctx.db.sqlite;
  const max = (db.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  if (max === 0) throw new Error(`bench: ${table} is empty`);
  const row = db.prepare(`SELECT ${column} AS v FROM ${table} WHERE rowid = ? AND deleted = 0 AND (${where})`);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 200; tries++) {
    const r = row.get(b.rng.int(1, max)) as { v: string | null } | undefined;
    if (r?.v && accept(r.v)) out.add(r.v);
  }
  if (out.size < count) throw new Error(`bench: found only ${out.size} of ${count} values for ${table}.${column}`);
  return [...out];
}

/** Cycle through values: iteration i gets values[i mod length]. */
export const nth = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
