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
import type {
  audit,
  caseMediators,
  cases,
  confirmations,
  courtReferrals,
  followups,
  mediators,
  parties,
  sessions,
} from '../../../db/schema';

/**
 * A table's insert row (db/schema.ts) with every column given, null where empty: the demo fills
 * each column it writes, so a column added to the schema and not to the demo fails to compile
 * here instead of going in as NULL unnoticed. Columns the demo never sets are left out by name.
 */
type Full<Row> = { [K in keyof Row]-?: Exclude<Row[K], undefined> };

export type MediatorRowValues = Omit<Full<typeof mediators.$inferInsert>, 'deleted' | 'importBatchId'>;
export type CaseRowValues = Omit<
  Full<typeof cases.$inferInsert>,
  'deleted' | 'registeredBy' | 'intakeId' | 'importBatchId' | 'importRow' | 'importFingerprint'
>;
/** Parties are written once, at registration: version 1. */
export type PartyRowValues = Omit<Full<typeof parties.$inferInsert>, 'version' | 'deleted'>;
export type CaseMediatorRowValues = Full<typeof caseMediators.$inferInsert>;
/** A session is written once, when it is recorded: version 1, updated when held. */
export type SessionRowValues = Omit<Full<typeof sessions.$inferInsert>, 'version' | 'deleted' | 'updatedAt'>;
export type ReferralRowValues = Full<typeof courtReferrals.$inferInsert>;
export type ConfirmationRowValues = Omit<Full<typeof confirmations.$inferInsert>, 'deleted'>;
/** dueNominal is left null, as for a visit whose day was set by hand. */
export type FollowupRowValues = Omit<Full<typeof followups.$inferInsert>, 'deleted' | 'dueNominal'>;
/**
 * before/after: an object, or its JSON already made (constant before/after values are stringified
 * once). The actor is a name only (no user id), and the change came from this machine (no device).
 */
export type AuditRowValues = Omit<Full<typeof audit.$inferInsert>, 'actorId' | 'deviceId'>;

const json = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

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
        'kind',
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

  mediator(m: MediatorRowValues): void {
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

  caseMediator(m: CaseMediatorRowValues): void {
    this.buffer.caseMediator.push([m.caseId, m.mediatorId, m.role, m.assignedAt, m.chosenBy]);
  }

  session(s: SessionRowValues): void {
    this.buffer.session.push([
      s.id,
      1,
      s.heldAt,
      0,
      s.caseId,
      s.heldAt,
      s.place,
      s.participants,
      s.record,
      s.recorder,
      s.mediatorId,
      s.kind,
    ]);
  }

  referral(r: ReferralRowValues): void {
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

  confirmation(c: ConfirmationRowValues): void {
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

  followup(f: FollowupRowValues): void {
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
