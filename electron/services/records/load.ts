/**
 * Reading upload records: one by id, many by id (one query per kind and relation, for a batch),
 * or all of them as a stream of pages (for the export and for sizing a backlog).
 */
import { caseSource } from './case-records';
import {
  confirmationSource,
  documentSource,
  followupSource,
  mediatorSource,
  partySource,
  sessionSource,
  type KindSource,
} from './domain-records';
import { eventSource } from './event-records';
import { RECORD_KINDS, type RecordKind, type RecordsDb, type UploadRecord } from './kinds';

// Each source is typed by its own row; here only the record side matters.
const sources: Record<RecordKind, KindSource<never>> = {
  case: caseSource as unknown as KindSource<never>,
  party: partySource as unknown as KindSource<never>,
  session: sessionSource as unknown as KindSource<never>,
  document: documentSource as unknown as KindSource<never>,
  event: eventSource as unknown as KindSource<never>,
  mediator: mediatorSource as unknown as KindSource<never>,
  confirmation: confirmationSource as unknown as KindSource<never>,
  followup: followupSource as unknown as KindSource<never>,
};

/** Far below SQLite's 32766 bound on parameters, and a page that stays small in memory. */
const MAX_IDS_PER_QUERY = 1000;

export function loadRecords(db: RecordsDb, kind: RecordKind, ids: readonly string[]): Map<string, UploadRecord> {
  const source = sources[kind];
  const out = new Map<string, UploadRecord>();
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + MAX_IDS_PER_QUERY);
    for (const rec of source.toRecords(db, source.byIds(db, chunk))) out.set(rec.id, rec);
  }
  return out;
}

/** The record as it would be uploaded now, or null when there is no such (uploadable) row. */
export function loadRecord(db: RecordsDb, kind: RecordKind, id: string): UploadRecord | null {
  return loadRecords(db, kind, [id]).get(id) ?? null;
}

export interface IterateOptions {
  kinds?: readonly RecordKind[];
  pageSize?: number;
}

/** Every record, kind by kind in id order, one page in memory at a time. */
export function* iterateRecordPages(db: RecordsDb, options: IterateOptions = {}): Generator<UploadRecord[]> {
  const pageSize = options.pageSize ?? 1000;
  for (const kind of options.kinds ?? RECORD_KINDS) {
    const source = sources[kind];
    let after: string | null = null;
    for (;;) {
      const rows = source.page(db, after, pageSize) as { id: string }[];
      const last = rows[rows.length - 1];
      if (!last) break;
      const records = source.toRecords(db, rows as never[]);
      // A page of audit rows may hold nothing uploadable; the paging goes on by rows, not records.
      if (records.length > 0) yield records;
      if (rows.length < pageSize) break;
      after = last.id;
    }
  }
}

export function* iterateRecords(db: RecordsDb, options: IterateOptions = {}): Generator<UploadRecord> {
  for (const page of iterateRecordPages(db, options)) yield* page;
}
