/**
 * Records of the kinds that are one row each: party, session, document, mediator, confirmation,
 * followup. Fields are listed one by one rather than spread from the row, so a column added to the
 * schema later does not leave the machine until someone decides it should.
 */
import { asc, gt, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { confirmations, documents, followups, mediators, parties, sessions } from '../../../db/schema';
import { inIds, perConnection, toRecord, type DomainHead, type RecordKind, type RecordsDb, type UploadRecord } from './kinds';

export interface KindSource<Row> {
  byIds(db: RecordsDb, ids: string[]): Row[];
  /** Rows with id > after in id order (all from the first when after is null). */
  page(db: RecordsDb, after: string | null, limit: number): Row[];
  /** Batched over the page; may drop rows that are not uploadable (audit rows about users). */
  toRecords(db: RecordsDb, rows: Row[]): UploadRecord[];
}

type Party = typeof parties.$inferSelect;
type Session = typeof sessions.$inferSelect;
type Document = typeof documents.$inferSelect;
type Mediator = typeof mediators.$inferSelect;
type Confirmation = typeof confirmations.$inferSelect;
type Followup = typeof followups.$inferSelect;

// Personal data of parties is uploaded: the district's platform needs it to match people across centres.
const partyData = (p: Party) => ({
  caseId: p.caseId,
  role: p.role,
  ordinal: p.ordinal,
  kind: p.kind,
  name: p.name,
  sex: p.sex,
  birthDate: p.birthDate,
  ethnicity: p.ethnicity,
  occupation: p.occupation,
  idType: p.idType,
  idNumber: p.idNumber,
  creditCode: p.creditCode,
  legalRepresentative: p.legalRepresentative,
  phone: p.phone,
  address: p.address,
  representsId: p.representsId,
  authority: p.authority,
});

const sessionData = (s: Session) => ({
  caseId: s.caseId,
  kind: s.kind,
  heldAt: s.heldAt,
  place: s.place,
  participants: s.participants,
  record: s.record,
  recorder: s.recorder,
  mediatorId: s.mediatorId,
});

// The register entry only: the file path is local and the file itself never travels.
const documentData = (d: Document) => ({
  caseId: d.caseId,
  type: d.type,
  docVersion: d.docVersion,
  subjectId: d.subjectId,
  contentHash: d.contentHash,
  generatedBy: d.generatedBy,
  generatedAt: d.generatedAt,
  printedAt: d.printedAt,
  printCount: d.printCount,
  signedCopyAt: d.signedCopyAt,
});

// A mediator's ID number is kept for local recusal checks only; the district's roster does not need it.
const mediatorData = (m: Mediator) => ({
  name: m.name,
  kind: m.kind,
  organisation: m.organisation,
  phone: m.phone,
  specialties: m.specialties,
  certificateNo: m.certificateNo,
  region: m.region,
  status: m.status,
  statusDate: m.statusDate,
  statusReason: m.statusReason,
  createdAt: m.createdAt,
});

const confirmationData = (c: Confirmation) => ({
  caseId: c.caseId,
  court: c.court,
  appliedAt: c.appliedAt,
  acceptedAt: c.acceptedAt,
  acceptanceNumber: c.acceptanceNumber,
  ruling: c.ruling,
  ruledAt: c.ruledAt,
  note: c.note,
});

const followupData = (f: Followup) => ({
  caseId: f.caseId,
  dueOn: f.dueOn,
  doneAt: f.doneAt,
  method: f.method,
  performance: f.performance,
  notes: f.notes,
  visitor: f.visitor,
});

/** The two reads every kind needs, prepared once per connection: by ids (a batch) and by page (the export). */
export function keyedQueries<T extends SQLiteTable & { id: SQLiteColumn }>(table: T) {
  type Row = T['$inferSelect'];
  const byIds = perConnection((orm) =>
    orm
      .select()
      .from(table as SQLiteTable)
      .where(inIds(table.id))
      .prepare(),
  );
  // Paging by key (id > after, in id order): memory stays flat however big the table; '' is before every id.
  const page = perConnection((orm) =>
    orm
      .select()
      .from(table as SQLiteTable)
      .where(gt(table.id, sql.placeholder('after')))
      .orderBy(asc(table.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
  return {
    byIds: (db: RecordsDb, ids: string[]) => byIds(db).all({ ids: JSON.stringify(ids) }) as Row[],
    page: (db: RecordsDb, after: string | null, limit: number) => page(db).all({ after: after ?? '', limit }) as Row[],
  };
}

function domainSource<T extends SQLiteTable & { id: SQLiteColumn }, Row extends T['$inferSelect'] & DomainHead>(
  table: T,
  kind: RecordKind,
  data: (r: Row) => Record<string, unknown>,
): KindSource<Row> {
  const queries = keyedQueries(table);
  return {
    byIds: (db, ids) => queries.byIds(db, ids) as Row[],
    page: (db, after, limit) => queries.page(db, after, limit) as Row[],
    toRecords: (_db, rows) => rows.map((r) => toRecord(kind, r, () => data(r))),
  };
}

export const partySource = domainSource(parties, 'party', partyData);
export const sessionSource = domainSource(sessions, 'session', sessionData);
export const documentSource = domainSource(documents, 'document', documentData);
export const mediatorSource = domainSource(mediators, 'mediator', mediatorData);
export const confirmationSource = domainSource(confirmations, 'confirmation', confirmationData);
export const followupSource = domainSource(followups, 'followup', followupData);
