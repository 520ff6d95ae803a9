/**
 * Every benchmark operation, in the order they run. Add an area by writing tests/bench/<area>.ts
 * exporting a BenchSuite (see types.ts) and listing it here; run.ts does the rest (data, warm-up,
 * timing, output, --only).
 *
 * Operations that change data (upload-backlog) work on b.copyDataDir(), so every run and every
 * later operation sees the same database; operations measured as a whole in their own process
 * return their line from report() instead of run().
 */
import { casesSuite } from './cases';
import { centreLoadSuite } from './centre-load';
import { dashboardSuite } from './dashboard';
import { durabilitySuite } from './durability';
import { importSuite } from './import';
import { searchSuite } from './search';
import { uploadSuite } from './upload';
import type { BenchSuite } from './types';

export const SUITES: readonly BenchSuite[] = [
  searchSuite,
  casesSuite,
  uploadSuite,
  dashboardSuite,
  centreLoadSuite,
  durabilitySuite,
  importSuite,
];
