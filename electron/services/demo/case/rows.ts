/**
 * The case row and its audit trail, written once the whole history is drawn: the version counts
 * the changes the app would have made, and the audit ids sort in time order.
 */
import { idAt } from '../ids';
import { at } from '../time';
import type { AuditRowValues, CaseRowValues } from '../writer';
import type { BuildEnv } from './env';
import type { Ev } from './timeline';

/** The case's events in time order, and how many of them changed the case row (and the last such). */
export function orderEvents(events: Ev[], R: number): { events: Ev[]; changes: number; lastChange: number } {
  const sorted = events.sort((x, y) => x.ms - y.ms);
  let changes = 0;
  let lastChange = R;
  for (const e of sorted) {
    if (!e.bumps) continue;
    changes++;
    lastChange = e.ms;
  }
  return { events: sorted, changes, lastChange };
}

export function writeCaseRow(env: BuildEnv, row: CaseRowValues): void {
  env.w.case(row);
  env.counts.cases++;
}

/** Audit rows in time order, with ids that sort the same way (one millisecond apart at least). */
export function writeAudit(env: BuildEnv, caseId: string, events: readonly Ev[]): void {
  let prevIdMs = -1;
  for (const e of events) {
    const idMs = e.ms > prevIdMs ? e.ms : prevIdMs + 1;
    prevIdMs = idMs;
    const row: AuditRowValues = {
      id: idAt(idMs),
      at: at(e.ms),
      actorName: e.actor,
      operation: e.op,
      entityKind: e.kind,
      entityId: e.entityId,
      caseId,
      summary: e.summary,
      before: e.before,
      after: e.after,
    };
    env.w.audit(row);
  }
  env.counts.audit += events.length;
}
