/**
 * The search box (electron/services/cases/search.ts): one operation per kind of query a desk
 * types, with values sampled from the data, each against the plain LIKE scan it replaces.
 */
import { searchCases } from '../../electron/services/cases/search';
import { searchBaseline } from './search-baseline';
import { nth, sampleValues } from './samples';
import type { BenchOp, BenchSuite } from './types';

/** Below this the search box feels instant; the LIKE scans it replaces take tens of ms. */
const SEARCH_TARGET_MS = 2;
const BASELINE_N = 30;

const chars = (s: string) => [...s];

export const searchSuite: BenchSuite = (b) => {
  const count = b.n + 20;
  const op = (name: string, values: string[], column: Parameters<typeof searchBaseline>[2]): BenchOp => ({
    op: name,
    targetP95Ms: SEARCH_TARGET_MS,
    run: (i) => searchCases(b.ctx, nth(values, i)),
    baseline: { n: BASELINE_N, run: (i) => searchBaseline(b.ctx, nth(values, i), column) },
  });

  const person = "kind = 'person'";
  // A surname as people type it: the first character of a party's name, so 王 comes up as often
  // as it does at the counter. Distinctness is not wanted here: there are only ~100 surnames.
  const surnames = sampleValues(b, 'parties', 'name', count * 3, () => true, person)
    .map((n) => chars(n)[0]!)
    .slice(0, count);
  const twoChar = sampleValues(b, 'parties', 'name', count, (n) => chars(n).length === 2, person);
  // Three characters of a name, out of a longer one too (阳建国 in 欧阳建国): the FTS path.
  const threeChar = sampleValues(b, 'parties', 'name', count, (n) => chars(n).length >= 3 && !n.includes('·'), person).map((n, i) => {
    const c = chars(n);
    const start = c.length === 3 ? 0 : i % (c.length - 2);
    return c.slice(start, start + 3).join('');
  });

  // Issue 19: what people type. A given name alone (秀兰 of 王秀兰) and one character from inside a
  // name: the party_name_grams path.
  const threeOnly = sampleValues(b, 'parties', 'name', count, (n) => chars(n).length === 3, person);
  const givenNames = threeOnly.map((n) => chars(n).slice(1).join(''));
  const middleChars = threeOnly.map((n) => chars(n)[1]!);
  // Case numbers as said and written: 2026牧调字12号, 牧调字12号, 2026-12, (2026)牧调字第12号.
  const shortForms = sampleValues(b, 'cases', 'case_number', count).map((cn, i) => {
    const m = /^（(\d{4})）(.+?)字第0*(\d+)号$/.exec(cn);
    if (!m) throw new Error(`bench: unexpected case number ${cn}`);
    const [, year, abbr, serial] = m;
    return [`${year}${abbr}字${serial}号`, `${abbr}字${serial}号`, `${year}-${serial}`, `(${year})${abbr}字第${serial}号`][i % 4]!;
  });
  // Court reference numbers: in full with ASCII brackets, and the tail people quote (民诉前调123号).
  const allRefs = (b.ctx.db.sqlite.prepare('SELECT reference_number AS v FROM court_referrals').all() as { v: string }[]).map((r) => r.v);
  if (allRefs.length === 0) throw new Error('bench: no court referrals');
  const refs = Array.from({ length: count }, (_, i) => {
    const v = allRefs[b.rng.int(0, allRefs.length - 1)]!;
    return i % 2 === 0 ? v.replace('（', '(').replace('）', ')') : v.replace(/^（\d{4}）[^民]*/, '');
  });

  return [
    op('search-given-name', givenNames, 'name'),
    op('search-name-inner-1', middleChars, 'name'),
    op('search-case-short', shortForms, 'case_number'),
    op('search-court-ref', refs, 'reference_number'),
    op('search-case-number', sampleValues(b, 'cases', 'case_number', count), 'case_number'),
    op(
      'search-id-number',
      sampleValues(b, 'parties', 'id_number', count, () => true, person),
      'id_number',
    ),
    op(
      'search-phone',
      sampleValues(b, 'parties', 'phone', count, (p) => /^1[3-9]\d{9}$/.test(p), person),
      'phone',
    ),
    op('search-name-1', surnames, 'name'),
    op('search-name-2', twoChar, 'name'),
    op('search-name-3', threeChar, 'name'),
  ];
};
