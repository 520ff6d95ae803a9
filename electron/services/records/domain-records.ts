/**
 * Records of the kinds that are one row each: party, session, document, mediator, confirmation,
 * followup. Fields are listed one by one rather than spread from the row, so a column added to the
 * schema later does not leave the machine until someone decides it should.
 */
import { asc, gt } from 'drizzle-orm';
import { confirmations, documents, followups, mediators, parties, sessions } from '../../../db/schema';
import { idsIn, toRecord, type RecordKind, type RecordsDb, type UploadRecord } from './kinds';

export interface KindSource<Row> {
  byIds(db: RecordsDb, ids: string[]): Row[];
  /** Rows with id > after in id order: paging by key, so memory stays flat however big the table. */
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

const mapRows =
  <Row extends { id: string; version: number; updatedAt: string; deleted: boolean }>(kind: RecordKind, data: (r: Row) => Record<string, unknown>) =>
  (_db: RecordsDb, rows: Row[]) =>
    rows.map((r) => toRecord(kind, r, () => data(r)));

export const partySource: KindSource<Party> = {
  byIds: (db, ids) => db.orm.select().from(parties).where(idsIn(parties.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm.select().from(parties).where(after === null ? undefined : gt(parties.id, after)).orderBy(asc(parties.id)).limit(limit).all(),
  toRecords: mapRows('party', partyData),
};

export const sessionSource: KindSource<Session> = {
  byIds: (db, ids) => db.orm.select().from(sessions).where(idsIn(sessions.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm.select().from(sessions).where(after === null ? undefined : gt(sessions.id, after)).orderBy(asc(sessions.id)).limit(limit).all(),
  toRecords: mapRows('session', sessionData),
};

export const documentSource: KindSource<Document> = {
  byIds: (db, ids) => db.orm.select().from(documents).where(idsIn(documents.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm.select().from(documents).where(after === null ? undefined : gt(documents.id, after)).orderBy(asc(documents.id)).limit(limit).all(),
  toRecords: mapRows('document', documentData),
};

export const mediatorSource: KindSource<Mediator> = {
  byIds: (db, ids) => db.orm.select().from(mediators).where(idsIn(mediators.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm.select().from(mediators).where(after === null ? undefined : gt(mediators.id, after)).orderBy(asc(mediators.id)).limit(limit).all(),
  toRecords: mapRows('mediator', mediatorData),
};

export const confirmationSource: KindSource<Confirmation> = {
  byIds: (db, ids) => db.orm.select().from(confirmations).where(idsIn(confirmations.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm
      .select()
      .from(confirmations)
      .where(after === null ? undefined : gt(confirmations.id, after))
      .orderBy(asc(confirmations.id))
      .limit(limit)
      .all(),
  toRecords: mapRows('confirmation', confirmationData),
};

export const followupSource: KindSource<Followup> = {
  byIds: (db, ids) => db.orm.select().from(followups).where(idsIn(followups.id, ids)).all(),
  page: (db, after, limit) =>
    db.orm.select().from(followups).where(after === null ? undefined : gt(followups.id, after)).orderBy(asc(followups.id)).limit(limit).all(),
  toRecords: mapRows('followup', followupData),
};
