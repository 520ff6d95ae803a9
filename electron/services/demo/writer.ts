/**
 * Prepared INSERTs for demo data, straight into the tables. The ORM builds and maps a query per
 * row; at 10^5 cases (≈1.8 × 10^6 rows, twice that with the triggers' outbox and search rows) that
 * alone would take minutes. Rows go in exactly as the services write them: JSON columns as JSON
 * text, booleans as 0/1, so the outbox and FTS triggers fire as they do in the app.
 *
 * Rows are buffered (generate.ts flushes every ~100 cases) and written table by table, sorted by
 * id where the id is a UUID v7 of the event's time: a case's sessions and events spread over
 * months, so written case by case they would land all over the primary-key and outbox indexes.
 * Cases first, then the rows that refer to them.
 */
import type Database from 'better-sqlite3';

export interface CaseRowValues {
  id: string;
  version: number;
  updatedAt: string;
  caseNumber: string;
  year: number;
  serial: number;
  title: string;
  category: string;
  source: string;
  tier: string;
  originTier: string;
  status: string;
  summary: string;
  claims: string;
  amountFen: number | null;
  agreedAmountFen: number | null;
  reporter: object | null;
  registeredAt: string;
  acceptedAt: string | null;
  deadline: string | null;
  /** The plain-count last day the deadline was moved from (services/calendar). */
  deadlineNominal: string | null;
  closedAt: string | null;
  outcome: string | null;
  outcomeAt: string | null;
  outcomeNote: string | null;
  rejectReason: string | null;
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  escalatedAt: string | null;
  transferredTo: string | null;
  repeatPetition: boolean;
  preventedCriminalPeople: number;
  preventedPetitionPeople: number;
  agreement: object | null;
  agreementEffectiveAt: string | null;
  undisputed: object | null;
}

export interface PartyRowValues {
  id: string;
  updatedAt: string;
  caseId: string;
  role: string;
  ordinal: number;
  kind: 'person' | 'org';
  name: string;
  sex: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  occupation: string | null;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  representsId: string | null;
  authority: string | null;
}

export interface AuditRowValues {
  id: string;
  at: string;
  actorName: string;
  operation: string;
  entityKind: string;
  entityId: string;
  caseId: string | null;
  summary: string;
  /** an object, or its JSON already made (constant before/after values are stringified once) */
  before: object | string | null;
  after: object | string | null;
}

const json = (v: object | string | null): string | null => (v === null || typeof v === 'string' ? v : JSON.stringify(v));

export class DemoWriter {
  private readonly stmts;
  private readonly buffer = {
    case: [] as unknown[][],
    party: [] as unknown[][],
    caseMediator: [] as unknown[][],
    session: [] as unknown[][],
    referral: [] as unknown[][],
    confirmation: [] as unknown[][],
    followup: [] as unknown[][],
    audit: [] as unknown[][],
  };

  constructor(db: Database.Database) {
    // OR ROLLBACK: a statement that may abort half-way (it fires triggers) keeps a statement
    // journal so that it can be undone alone; one that rolls the whole transaction back needs
    // none. A demo batch that hits a constraint is thrown away entirely anyway, and the journal
    // was the larger half of each audit insert (measured 25 → 13 µs per row).
    const insert = (table: string, columns: string[]) =>
      db.prepare(`INSERT OR ROLLBACK INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    this.stmts = {
      mediator: insert('mediators', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'name',
        'kind',
        'organisation',
        'phone',
        'id_number',
        'specialties',
        'certificate_no',
        'region',
        'status',
        'status_date',
        'status_reason',
        'created_at',
      ]),
      case: insert('cases', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'case_number',
        'year',
        'serial',
        'title',
        'category',
        'source',
        'tier',
        'origin_tier',
        'status',
        'summary',
        'claims',
        'amount_fen',
        'agreed_amount_fen',
        'reporter',
        'registered_at',
        'registered_by',
        'accepted_at',
        'deadline',
        'closed_at',
        'outcome',
        'outcome_at',
        'outcome_note',
        'reject_reason',
        'lead_unit',
        'co_units',
        'responsible_leader',
        'responsible_person',
        'escalated_at',
        'transferred_to',
        'repeat_petition',
        'prevented_criminal_people',
        'prevented_petition_people',
        'agreement',
        'agreement_effective_at',
        'undisputed',
        'intake_id',
        'deadline_nominal',
      ]),
      party: insert('parties', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'case_id',
        'role',
        'ordinal',
        'kind',
        'name',
        'sex',
        'birth_date',
        'ethnicity',
        'occupation',
        'id_type',
        'id_number',
        'credit_code',
        'legal_representative',
        'phone',
        'address',
        'represents_id',
        'authority',
      ]),
      caseMediator: insert('case_mediators', ['case_id', 'mediator_id', 'role', 'assigned_at', 'chosen_by']),
      session: insert('sessions', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'case_id',
        'held_at',
        'place',
        'participants',
        'record',
        'recorder',
        'mediator_id',
      ]),
      referral: insert('court_referrals', [
        'case_id',
        'mode',
        'procedure',
        'court',
        'reference_number',
        'referred_at',
        'materials_signed_at',
        'time_limit_days',
        'extension_days',
        'extension_consent',
        'report_to',
        'result',
        'result_reason',
        'result_reported_at',
        'materials_returned',
      ]),
      confirmation: insert('confirmations', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'case_id',
        'court',
        'applied_at',
        'accepted_at',
        'acceptance_number',
        'ruling',
        'ruled_at',
        'note',
      ]),
      followup: insert('followups', [
        'id',
        'version',
        'updated_at',
        'deleted',
        'case_id',
        'due_on',
        'done_at',
        'method',
        'performance',
        'notes',
        'visitor',
      ]),
      audit: insert('audit', [
        'id',
        'at',
        'actor_id',
        'actor_name',
        'operation',
        'entity_kind',
        'entity_id',
        'case_id',
        'summary',
        'before',
        'after',
      ]),
    };
  }

  /** Write everything buffered, referenced tables first. Call inside the batch's transaction. */
  flush(): void {
    const byId = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : (a[0] as string) > (b[0] as string) ? 1 : 0);
    for (const table of ['case', 'party', 'caseMediator', 'session', 'referral', 'confirmation', 'followup', 'audit'] as const) {
      const rows = this.buffer[table];
      if (table === 'party' || table === 'session' || table === 'confirmation' || table === 'followup' || table === 'audit')
        rows.sort(byId);
      const st = this.stmts[table];
      for (const r of rows) st.run(r);
      rows.length = 0;
    }
  }

  mediator(m: {
    id: string;
    version: number;
    updatedAt: string;
    name: string;
    kind: string;
    organisation: string;
    phone: string;
    idNumber: string | null;
    specialties: string[];
    certificateNo: string;
    region: string;
    status: string;
    statusDate: string;
    statusReason: string | null;
    createdAt: string;
  }): void {
    this.stmts.mediator.run(
      m.id,
      m.version,
      m.updatedAt,
      0,
      m.name,
      m.kind,
      m.organisation,
      m.phone,
      m.idNumber,
      JSON.stringify(m.specialties),
      m.certificateNo,
      m.region,
      m.status,
      m.statusDate,
      m.statusReason,
      m.createdAt,
    );
  }

  case(c: CaseRowValues): void {
    this.buffer.case.push([
      c.id,
      c.version,
      c.updatedAt,
      0,
      c.caseNumber,
      c.year,
      c.serial,
      c.title,
      c.category,
      c.source,
      c.tier,
      c.originTier,
      c.status,
      c.summary,
      c.claims,
      c.amountFen,
      c.agreedAmountFen,
      json(c.reporter),
      c.registeredAt,
      null,
      c.acceptedAt,
      c.deadline,
      c.closedAt,
      c.outcome,
      c.outcomeAt,
      c.outcomeNote,
      c.rejectReason,
      c.leadUnit,
      JSON.stringify(c.coUnits),
      c.responsibleLeader,
      c.responsiblePerson,
      c.escalatedAt,
      c.transferredTo,
      c.repeatPetition ? 1 : 0,
      c.preventedCriminalPeople,
      c.preventedPetitionPeople,
      json(c.agreement),
      c.agreementEffectiveAt,
      json(c.undisputed),
      null,
      c.deadlineNominal,
    ]);
  }

  party(p: PartyRowValues): void {
    this.buffer.party.push([
      p.id,
      1,
      p.updatedAt,
      0,
      p.caseId,
      p.role,
      p.ordinal,
      p.kind,
      p.name,
      p.sex,
      p.birthDate,
      p.ethnicity,
      p.occupation,
      p.idType,
      p.idNumber,
      p.creditCode,
      p.legalRepresentative,
      p.phone,
      p.address,
      p.representsId,
      p.authority,
    ]);
  }

  caseMediator(caseId: string, mediatorId: string, role: 'lead' | 'assistant', assignedAt: string, chosenBy: 'parties' | 'assigned'): void {
    this.buffer.caseMediator.push([caseId, mediatorId, role, assignedAt, chosenBy]);
  }

  session(s: {
    id: string;
    caseId: string;
    heldAt: string;
    place: string;
    participants: string;
    record: string;
    recorder: string;
    mediatorId: string | null;
  }): void {
    this.buffer.session.push([s.id, 1, s.heldAt, 0, s.caseId, s.heldAt, s.place, s.participants, s.record, s.recorder, s.mediatorId]);
  }

  referral(r: {
    caseId: string;
    mode: string;
    procedure: string | null;
    court: string;
    referenceNumber: string;
    referredAt: string;
    materialsSignedAt: string | null;
    timeLimitDays: number;
    extensionDays: number;
    extensionConsent: string | null;
    reportTo: string;
    result: string | null;
    resultReason: string | null;
    resultReportedAt: string | null;
    materialsReturned: boolean;
  }): void {
    this.buffer.referral.push([
      r.caseId,
      r.mode,
      r.procedure,
      r.court,
      r.referenceNumber,
      r.referredAt,
      r.materialsSignedAt,
      r.timeLimitDays,
      r.extensionDays,
      r.extensionConsent,
      r.reportTo,
      r.result,
      r.resultReason,
      r.resultReportedAt,
      r.materialsReturned ? 1 : 0,
    ]);
  }

  confirmation(c: {
    id: string;
    version: number;
    updatedAt: string;
    caseId: string;
    court: string;
    appliedAt: string;
    acceptedAt: string | null;
    acceptanceNumber: string | null;
    ruling: string | null;
    ruledAt: string | null;
    note: string;
  }): void {
    this.buffer.confirmation.push([
      c.id,
      c.version,
      c.updatedAt,
      0,
      c.caseId,
      c.court,
      c.appliedAt,
      c.acceptedAt,
      c.acceptanceNumber,
      c.ruling,
      c.ruledAt,
      c.note,
    ]);
  }

  followup(f: {
    id: string;
    version: number;
    updatedAt: string;
    caseId: string;
    dueOn: string;
    doneAt: string | null;
    method: string | null;
    performance: string | null;
    notes: string;
    visitor: string;
  }): void {
    this.buffer.followup.push([f.id, f.version, f.updatedAt, 0, f.caseId, f.dueOn, f.doneAt, f.method, f.performance, f.notes, f.visitor]);
  }

  audit(a: AuditRowValues): void {
    this.buffer.audit.push([
      a.id,
      a.at,
      null,
      a.actorName,
      a.operation,
      a.entityKind,
      a.entityId,
      a.caseId,
      a.summary,
      json(a.before),
      json(a.after),
    ]);
  }
}
