/**
 * What an import (or its check) reports, the same for a case ledger and a roster: the sheet's own
 * problems, then what the database said of its sound rows, in sheet-row order.
 */
import type { ImportProblem } from './ledgerPlan';

export interface ImportOutcome {
  readonly batchId: string | null;
  readonly rows: number;
  /** Rows written (0 in a check). */
  readonly imported: number;
  /** Rows that are new and sound: what an import would write (= imported after an import). */
  readonly importable: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly problems: readonly ImportProblem[];
}

/** The counts and problems of a sheet's check (planLedger / planRoster). */
interface Planned {
  readonly rows: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly problems: readonly ImportProblem[];
}

/** What the database said: rows new and sound, rows it already holds, rows it refuses. */
interface Screened {
  readonly fresh: readonly unknown[];
  readonly duplicates: number;
  readonly rejected?: number;
  readonly problems: readonly ImportProblem[];
}

export function importOutcome(
  plan: Planned,
  screened: Screened,
  batchId: string | null,
  imported: number,
  extra: readonly ImportProblem[] = [],
): ImportOutcome {
  const problems = [...plan.problems, ...screened.problems, ...extra].sort((a, b) => a.row - b.row);
  return {
    batchId,
    rows: plan.rows,
    imported,
    importable: screened.fresh.length,
    duplicates: plan.duplicates + screened.duplicates,
    rejected: plan.rejected + (screened.rejected ?? 0),
    warnings: problems.filter((p) => p.level === 'warning').length,
    problems,
  };
}
