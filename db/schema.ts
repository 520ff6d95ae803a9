/**
 * The whole database schema, in one place.
 *
 * Conventions
 * - Domain rows (everything the district upload sends) carry `id` (UUID v7), `version`
 *   (starts at 1, +1 on every change), `updatedAt` (RFC 3339 with offset) and `deleted`
 *   (a tombstone: rows are never removed, because the nightly upload must send deletions).
 * - Times are RFC 3339 strings with offset, dates are `YYYY-MM-DD`: that is what the district
 *   API wants, and it sorts correctly as text.
 * - Money is stored in fen (integer), never as a float.
 * - A column that holds a code from a list declares the list (`text(name, { enum: LIST })`, the list from
 *   electron/common): the compiler types the column with it, and SQLite refuses any other value through
 *   the triggers db/code-checks.ts renders from these declarations (migration 0014). Changing a list
 *   therefore takes a migration (CONTRIBUTING.md).
 * - Lists of codes or short structured values that are always read with their row are JSON text.
 * - Triggers that fill the upload outbox and the search index live in hand-written migrations
 *   (drizzle-kit `--custom`), next to the generated ones in db/migrations/.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AgreementDetails, Reporter, UndisputedDetails } from '../electron/common/api/case-details';
import { AGENT_AUTHORITIES, CASE_MEDIATOR_ROLES, CHOSEN_BY, PARTY_KINDS, PARTY_ROLES, SEXES } from '../electron/common/api/cases';
import { CONFIRMATION_RULINGS, COURT_RESULTS, FOLLOWUP_METHODS, PERFORMANCES } from '../electron/common/api/court';
import { DEVICE_KINDS } from '../electron/common/api/devices';
import { INTAKE_CHANNELS, INTAKE_STATUSES, QUEUE_STATUSES } from '../electron/common/api/intake';
import { MEDIATOR_STATUSES } from '../electron/common/api/mediators';
import { RECORD_KINDS, UPLOAD_RESULTS, UPLOAD_TRIGGERS } from '../electron/common/api/upload';
import { CATEGORY_CODES } from '../electron/common/domain/categories';
import { COURT_MODES, COURT_PROCEDURES } from '../electron/common/domain/deadlines';
import { ID_TYPE_CODES } from '../electron/common/domain/identity';
import { STATUSES, STORED_OUTCOMES } from '../electron/common/domain/lifecycle';
import { MEDIATOR_KINDS } from '../electron/common/domain/mediatorKinds';
import { SHEET_KINDS } from '../electron/common/domain/rosterColumns';
import { SOURCE_CODES } from '../electron/common/domain/sources';
import { TIERS } from '../electron/common/domain/tiers';
import { ROLES } from '../electron/common/roles';
import { SESSION_KINDS } from '../electron/common/domain/sessionKinds';

/** Columns every uploadable domain row has. */
const domainColumns = {
  id: text('id').primaryKey(),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
  deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
};

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

// ---------------------------------------------------------------------------------------------
// This installation, its people and its settings (never uploaded)
// ---------------------------------------------------------------------------------------------

export const centre = sqliteTable('centre', {
  id: integer('id').primaryKey(), // always 1: one installation = one centre
  centreCode: text('centre_code').notNull(),
  name: text('name').notNull(),
  tier: text('tier', { enum: TIERS }).notNull(),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  committeeName: text('committee_name').notNull(), // 人民调解委员会 name, printed on the seal area
  committeeAbbr: text('committee_abbr').notNull(), // used in case numbers: （2026）牧调字第0001号
  deviceId: text('device_id').notNull(),
  createdAt: text('created_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  loginName: text('login_name').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(), // scrypt$N$r$p$salt$hash
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  mediatorId: text('mediator_id'), // the roster record of this user, when the user mediates
  // Set when an admin chose the password (new account, reset): the user must change it first.
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Centre-wide settings shared by every machine of the installation (key → JSON value). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Holiday schedules the centre entered or imported (the State Council's yearly notice), one row
 * per year; a row replaces the built-in schedule of that year (services/calendar). Never uploaded.
 */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: text('holidays', { mode: 'json' }).$type<Record<string, string>>().notNull(), // date → festival
  workdays: text('workdays', { mode: 'json' }).$type<Record<string, string>>().notNull(), // 调休上班: date → festival
  source: text('source').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** Gapless counters: case numbers per year, queue numbers per day. */
export const counters = sqliteTable(
  'counters',
  {
    name: text('name').notNull(), // e.g. 'case:2026', 'queue:2026-11-29'
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name] })],
);

/**
 * Append-only audit trail. Every change to domain data is one row: who, when, what, before/after.
 * A case's timeline is read from here. Rows are uploaded as `event` records (version stays 1);
 * rows about users and settings are not (entityKind tells them apart).
 */
export const audit = sqliteTable(
  'audit',
  {
    id: text('id').primaryKey(), // UUID v7: sorts by time
    at: text('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    operation: text('operation').notNull(), // e.g. 'case.accept'
    entityKind: text('entity_kind').notNull(), // case | party | session | ... | user | centre | settings
    entityId: text('entity_id').notNull(),
    caseId: text('case_id'),
    summary: text('summary').notNull().default(''), // one Chinese line for the timeline
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    deviceId: text('device_id'), // the paired workstation the change came from; null for this machine
  },
  // (case, id): ids are UUID v7, so this is the timeline's order without a sort.
  (t) => [index('audit_case_idx').on(t.caseId, t.id), index('audit_entity_idx').on(t.entityKind, t.entityId)],
);

// ---------------------------------------------------------------------------------------------
// The centre network: paired workstations, one-time pairing codes, idempotent write answers
// ---------------------------------------------------------------------------------------------

/** A paired workstation. Only a SHA-256 of its 32-byte random credential is kept. */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: DEVICE_KINDS }).notNull(),
  credentialHash: text('credential_hash').notNull().unique(), // hex SHA-256 of the credential
  pairedAt: text('paired_at').notNull(),
  pairedBy: text('paired_by'), // the admin who made the code
  lastSeenAt: text('last_seen_at'),
  lastAddress: text('last_address'),
  revokedAt: text('revoked_at'),
  ticketPrinter: text('ticket_printer'), // tcp://host:port printed to by the host on this device's behalf
});

/** One-time pairing codes, kept hashed: 10 minutes, one use. */
export const pairingCodes = sqliteTable('pairing_codes', {
  id: text('id').primaryKey(),
  codeHash: text('code_hash').notNull().unique(),
  kind: text('kind', { enum: DEVICE_KINDS }).notNull(),
  name: text('name').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  deviceId: text('device_id'),
});

/**
 * Staff sign-ins, kept so a host restart does not sign every desk out. Only a SHA-256 of the
 * 32-byte random token is stored: a copy of the database (a backup) lets nobody act as a user.
 */
export const loginSessions = sqliteTable(
  'login_sessions',
  {
    tokenHash: text('token_hash').primaryKey(), // hex SHA-256 of the session token
    userId: text('user_id').notNull(),
    deviceId: text('device_id'), // the workstation signed in on; null on the host itself
    createdAt: integer('created_at').notNull(), // epoch ms
    lastSeenAt: integer('last_seen_at').notNull(), // epoch ms, refreshed at most every SESSION_TOUCH_MS
  },
  (t) => [index('login_sessions_user_idx').on(t.userId), index('login_sessions_device_idx').on(t.deviceId)],
);

/** The answer of every write under (caller, idempotency key), kept 24 h so a retried save is applied once. */
export const idempotentAnswers = sqliteTable(
  'idempotent_answers',
  {
    caller: text('caller').notNull(), // device:<id> | local
    key: text('key').notNull(),
    op: text('op').notNull(),
    answer: text('answer').notNull(), // the JSON ApiResponse as first sent
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] }), index('idempotent_answers_created_idx').on(t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------------------------

export const mediators = sqliteTable(
  'mediators',
  {
    ...domainColumns,
    name: text('name').notNull(),
    kind: text('kind', { enum: MEDIATOR_KINDS }).notNull(),
    organisation: text('organisation').notNull().default(''),
    phone: text('phone').notNull().default(''),
    idNumber: text('id_number'), // for recusal checks against parties
    specialties: json<string[]>('specialties')
      .notNull()
      .default(sql`'[]'`), // category codes
    certificateNo: text('certificate_no').notNull().default(''),
    region: text('region').notNull().default(''),
    status: text('status', { enum: MEDIATOR_STATUSES }).notNull().default('active'),
    statusDate: text('status_date'),
    statusReason: text('status_reason'),
    createdAt: text('created_at').notNull(),
    importBatchId: text('import_batch_id'), // set when the entry came from an imported roster or ledger (import_batches)
  },
  (t) => [index('mediators_status_idx').on(t.status)],
);

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

export const cases = sqliteTable(
  'cases',
  {
    ...domainColumns,
    caseNumber: text('case_number').notNull().unique(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    title: text('title').notNull(),
    category: text('category', { enum: CATEGORY_CODES }).notNull(),
    source: text('source', { enum: SOURCE_CODES }).notNull(),
    tier: text('tier', { enum: TIERS }).notNull(), // the tier that handles it now
    originTier: text('origin_tier', { enum: TIERS }).notNull(), // the tier where it arose (for 小纠纷不出村 figures)
    status: text('status', { enum: STATUSES }).notNull(),
    summary: text('summary').notNull().default(''), // facts
    claims: text('claims').notNull().default(''), // matters in dispute / what the applicant asks
    amountFen: integer('amount_fen'), // amount in dispute
    agreedAmountFen: integer('agreed_amount_fen'), // amount involved in the agreement
    reporter: json<Reporter>('reporter'),
    registeredAt: text('registered_at').notNull(),
    registeredBy: text('registered_by'),
    acceptedAt: text('accepted_at'),
    deadline: text('deadline'), // YYYY-MM-DD (限期化解): the last day as the law counts it (holidays moved)
    deadlineNominal: text('deadline_nominal'), // YYYY-MM-DD: the plain-count last day it was moved from; null when set by hand
    closedAt: text('closed_at'),
    outcome: text('outcome', { enum: STORED_OUTCOMES }),
    outcomeAt: text('outcome_at'),
    outcomeNote: text('outcome_note'),
    rejectReason: text('reject_reason'),
    leadUnit: text('lead_unit'),
    coUnits: json<string[]>('co_units')
      .notNull()
      .default(sql`'[]'`),
    responsibleLeader: text('responsible_leader'),
    responsiblePerson: text('responsible_person'),
    escalatedAt: text('escalated_at'),
    transferredTo: text('transferred_to'),
    repeatPetition: integer('repeat_petition', { mode: 'boolean' }).notNull().default(false),
    preventedCriminalPeople: integer('prevented_criminal_people').notNull().default(0), // 防止民转刑
    preventedPetitionPeople: integer('prevented_petition_people').notNull().default(0), // 防止群体性上访
    agreement: json<AgreementDetails>('agreement'),
    agreementEffectiveAt: text('agreement_effective_at'), // YYYY-MM-DD, starts the 30-day 司法确认 window
    undisputed: json<UndisputedDetails>('undisputed'),
    intakeId: text('intake_id'),
    // 历史导入: the batch, the sheet row it came from, and what recognises the row on a re-import
    // (its case number, else received date + party names). Null for the centre's own cases.
    importBatchId: text('import_batch_id'),
    importRow: integer('import_row'),
    importFingerprint: text('import_fingerprint'),
  },
  (t) => [
    // The centre's own numbers are unique per year; imported cases keep the numbers of their old
    // ledgers (any scheme), so they stay out of this index and never touch the counter.
    uniqueIndex('cases_year_serial_idx')
      .on(t.year, t.serial)
      .where(sql`import_batch_id IS NULL`),
    // The search's lookups by year and serial (2026牧调字1号) ask for any case: a plain index serves
    // them, as the partial one cannot (its WHERE is not in their query). Migration 0013.
    index('cases_year_serial_lookup_idx').on(t.year, t.serial),
    uniqueIndex('cases_import_fingerprint_idx').on(t.importFingerprint),
    index('cases_import_batch_idx').on(t.importBatchId),
    index('cases_status_idx').on(t.status, t.registeredAt),
    index('cases_registered_idx').on(t.registeredAt),
    index('cases_deadline_idx').on(t.deadline),
    index('cases_category_idx').on(t.category, t.registeredAt),
    index('cases_source_idx').on(t.source, t.registeredAt),
    index('cases_tier_idx').on(t.tier, t.registeredAt),
    // The desk's usual filter (status + category + tier) answered, and counted, from the index alone.
    index('cases_filter_idx').on(t.status, t.category, t.tier, t.deleted, t.registeredAt),
  ],
);

/** One import of a ledger or roster sheet (issue #16): what the undo takes back as a whole. */
export const importBatches = sqliteTable('import_batches', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: SHEET_KINDS }).notNull(),
  fileName: text('file_name').notNull(),
  sheet: text('sheet').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: text('imported_by'),
  rows: integer('rows').notNull(),
  imported: integer('imported').notNull(),
  undoneAt: text('undone_at'),
});

/** A court referral (委派 before filing / 委托 after filing), one per referred case. */
export const courtReferrals = sqliteTable('court_referrals', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  mode: text('mode', { enum: COURT_MODES }).notNull(),
  procedure: text('procedure', { enum: COURT_PROCEDURES }), // entrusted only
  court: text('court').notNull(),
  referenceNumber: text('reference_number').notNull(),
  referredAt: text('referred_at').notNull(),
  materialsSignedAt: text('materials_signed_at'), // the clock starts here
  timeLimitDays: integer('time_limit_days').notNull(),
  extensionDays: integer('extension_days').notNull().default(0),
  extensionConsent: text('extension_consent'), // how both parties consented (required for an extension)
  reportTo: text('report_to').notNull().default(''), // judge or clerk
  result: text('result', { enum: COURT_RESULTS }),
  resultReason: text('result_reason'),
  resultReportedAt: text('result_reported_at'),
  materialsReturned: integer('materials_returned', { mode: 'boolean' }).notNull().default(false),
});

export const parties = sqliteTable(
  'parties',
  {
    ...domainColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    ordinal: integer('ordinal').notNull().default(0),
    kind: text('kind', { enum: PARTY_KINDS }).notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: SEXES }),
    birthDate: text('birth_date'),
    ethnicity: text('ethnicity'),
    occupation: text('occupation'),
    idType: text('id_type', { enum: ID_TYPE_CODES }),
    idNumber: text('id_number'),
    creditCode: text('credit_code'), // organisations: unified social credit code (GB 32100)
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    address: text('address'),
    representsId: text('represents_id'), // agents: the party they act for
    authority: text('authority', { enum: AGENT_AUTHORITIES }), // agents only
  },
  (t) => [
    index('parties_case_idx').on(t.caseId, t.ordinal),
    // Covering: a surname search reads names, cases, phones and ID numbers without touching the table.
    index('parties_name_idx').on(t.name, t.deleted, t.caseId, t.phone, t.idNumber),
    index('parties_phone_idx').on(t.phone),
    index('parties_id_number_idx').on(t.idNumber),
  ],
);

export const caseMediators = sqliteTable(
  'case_mediators',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    mediatorId: text('mediator_id')
      .notNull()
      .references(() => mediators.id),
    role: text('role', { enum: CASE_MEDIATOR_ROLES }).notNull().default('lead'),
    assignedAt: text('assigned_at').notNull(),
    chosenBy: text('chosen_by', { enum: CHOSEN_BY }).notNull().default('assigned'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.mediatorId] }), index('case_mediators_mediator_idx').on(t.mediatorId)],
);

/** Mediation sessions (调解记录) and investigations (调查记录) of a case, several per case. */
export const sessions = sqliteTable(
  'sessions',
  {
    ...domainColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    heldAt: text('held_at').notNull(),
    place: text('place').notNull().default(''),
    participants: text('participants').notNull().default(''),
    record: text('record').notNull().default(''),
    recorder: text('recorder').notNull().default(''),
    mediatorId: text('mediator_id'),
    /** mediation | investigation (common/domain/sessionKinds.ts) */
    kind: text('kind', { enum: SESSION_KINDS }).notNull().default('mediation'),
  },
  (t) => [index('sessions_case_idx').on(t.caseId, t.heldAt)],
);

/** 司法确认: one per case that ended in agreement and went to court. */
export const confirmations = sqliteTable(
  'confirmations',
  {
    ...domainColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    court: text('court').notNull(),
    appliedAt: text('applied_at').notNull(), // YYYY-MM-DD
    acceptedAt: text('accepted_at'),
    acceptanceNumber: text('acceptance_number'), // （2026）豫0711民特12号 / 调确字
    ruling: text('ruling', { enum: CONFIRMATION_RULINGS }),
    ruledAt: text('ruled_at'),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('confirmations_case_idx').on(t.caseId)],
);

/** 回访: follow-up visits on an agreement's performance. */
export const followups = sqliteTable(
  'followups',
  {
    ...domainColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    dueOn: text('due_on').notNull(), // YYYY-MM-DD, a working day
    dueNominal: text('due_nominal'), // YYYY-MM-DD: the plain-count day, when the visit was scheduled by rule
    doneAt: text('done_at'),
    method: text('method', { enum: FOLLOWUP_METHODS }),
    performance: text('performance', { enum: PERFORMANCES }),
    notes: text('notes').notNull().default(''),
    visitor: text('visitor').notNull().default(''),
  },
  (t) => [index('followups_due_idx').on(t.doneAt, t.dueOn), index('followups_case_idx').on(t.caseId)],
);

/** Register of generated documents; the file itself lives in the data dir. */
export const documents = sqliteTable(
  'documents',
  {
    ...domainColumns,
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(), // agreement | undisputed-facts | intake-form | ...
    docVersion: integer('doc_version').notNull(), // 1, 2, ... per (case, type): a changed case makes a new one
    subjectId: text('subject_id'), // e.g. the session of a 调解记录, the follow-up of a 回访记录
    contentHash: text('content_hash').notNull(), // sha256 of the document model
    filePath: text('file_path').notNull(), // relative to the data dir
    generatedBy: text('generated_by').notNull(),
    generatedAt: text('generated_at').notNull(),
    printedAt: text('printed_at'),
    printCount: integer('print_count').notNull().default(0),
    signedCopyAt: text('signed_copy_at'),
  },
  (t) => [index('documents_case_idx').on(t.caseId, t.type, t.docVersion)],
);

// ---------------------------------------------------------------------------------------------
// Intake counter and queue (local only: accepted registrations become cases)
// ---------------------------------------------------------------------------------------------

export const intakes = sqliteTable(
  'intakes',
  {
    id: text('id').primaryKey(),
    createdAt: text('created_at').notNull(),
    channel: text('channel', { enum: INTAKE_CHANNELS }).notNull(),
    category: text('category', { enum: CATEGORY_CODES }).notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    idNumber: text('id_number'),
    otherParty: text('other_party').notNull().default(''),
    otherPartyPhone: text('other_party_phone').notNull().default(''),
    description: text('description').notNull(),
    consentAt: text('consent_at').notNull(),
    queryCode: text('query_code').notNull().unique(),
    status: text('status', { enum: INTAKE_STATUSES }).notNull().default('pending'),
    caseId: text('case_id'),
    rejectReason: text('reject_reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
  },
  (t) => [index('intakes_status_idx').on(t.status, t.createdAt)],
);

export const queueTickets = sqliteTable(
  'queue_tickets',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(), // YYYY-MM-DD, local
    number: integer('number').notNull(),
    code: text('code').notNull(), // A001
    intakeId: text('intake_id'),
    caseId: text('case_id'),
    status: text('status', { enum: QUEUE_STATUSES }).notNull().default('waiting'),
    createdAt: text('created_at').notNull(),
    calledAt: text('called_at'),
    calledBy: text('called_by'),
    desk: text('desk'),
    finishedAt: text('finished_at'),
  },
  (t) => [uniqueIndex('queue_day_number_idx').on(t.day, t.number), index('queue_status_idx').on(t.day, t.status)],
);

// ---------------------------------------------------------------------------------------------
// Upload to the district (district-api.md)
// ---------------------------------------------------------------------------------------------

/**
 * Records waiting to be uploaded: one row per (kind, id), filled by triggers in the same
 * transaction as the change, so a change can never be left out. Five changes → one row.
 *
 * WITHOUT ROWID (migration 0004, which drizzle-kit cannot express): the rows are stored in key
 * order, the order batches are composed in. A generated migration that rebuilds this table or
 * `uploaded` must keep `WITHOUT ROWID` by hand.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    queuedAt: text('queued_at').notNull(),
    batchId: text('batch_id'), // set while the record is in an unanswered batch
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] }), index('outbox_batch_idx').on(t.batchId)],
);

/** Batches built and not yet definitely answered: retried with the same id and the same bytes. */
export const uploadBatches = sqliteTable('upload_batches', {
  batchId: text('batch_id').primaryKey(),
  createdAt: text('created_at').notNull(),
  // The exact bytes sent (the JSON, gzipped), so a retry sends the same bytes. Rows written before
  // migration 0004 hold the JSON as text; upload/batches.ts reads both.
  body: blob('body', { mode: 'buffer' }).notNull(),
  recordCount: integer('record_count').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  lastError: text('last_error'),
});

/** What the district holds, as far as this installation knows (for reconciliation). WITHOUT ROWID, as `outbox`. */
export const uploaded = sqliteTable(
  'uploaded',
  {
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull(),
    batchId: text('batch_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] })],
);

/** Records the district refused (422), with its reason, until they are fixed and resent. */
export const uploadRejections = sqliteTable(
  'upload_rejections',
  {
    kind: text('kind', { enum: RECORD_KINDS }).notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    message: text('message').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] })],
);

/** One row per upload run, for the status page. */
export const uploadRuns = sqliteTable('upload_runs', {
  id: text('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  trigger: text('trigger', { enum: UPLOAD_TRIGGERS }).notNull(),
  result: text('result', { enum: UPLOAD_RESULTS }),
  sent: integer('sent').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  pending: integer('pending').notNull().default(0),
  message: text('message'),
  reconciliation: text('reconciliation', { mode: 'json' }),
});

/** Named locks between processes on one data dir (the app and the CLI): e.g. one upload at a time. */
export const locks = sqliteTable('locks', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(), // pid@host and what holds it, for the message to the other side
  expiresAt: text('expires_at').notNull(), // a crashed holder's lock lapses
});

export const schema = {
  centre,
  users,
  settings,
  calendarYears,
  counters,
  audit,
  mediators,
  cases,
  courtReferrals,
  parties,
  caseMediators,
  sessions,
  confirmations,
  followups,
  documents,
  intakes,
  queueTickets,
  outbox,
  uploadBatches,
  uploaded,
  uploadRejections,
  uploadRuns,
  locks,
};
