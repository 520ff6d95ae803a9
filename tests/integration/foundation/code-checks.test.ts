/**
 * SQLite refuses a code outside its list (migration 0014, db/code-checks.ts): the triggers in a migrated
 * database are exactly those the schema's lists render (so a list changed without a migration fails
 * here), every code column carries the list of electron/common, and raw SQL — no service, no
 * drizzle — writing a code outside its list is refused, on INSERT and on UPDATE, in every code column.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCheckTriggers, codeColumns } from '../../../db/code-checks';
import { openDatabase } from '../../../db/open';
import { AGENT_AUTHORITIES, CASE_MEDIATOR_ROLES, CHOSEN_BY, PARTY_KINDS, PARTY_ROLES, SEXES } from '../../../electron/common/api/cases';
import { CONFIRMATION_RULINGS, COURT_RESULTS, FOLLOWUP_METHODS, PERFORMANCES } from '../../../electron/common/api/court';
import { DEVICE_KINDS } from '../../../electron/common/api/devices';
import { INTAKE_CHANNELS, INTAKE_STATUSES, QUEUE_STATUSES } from '../../../electron/common/api/intake';
import { MEDIATOR_STATUSES } from '../../../electron/common/api/mediators';
import { RECORD_KINDS, UPLOAD_RESULTS, UPLOAD_TRIGGERS } from '../../../electron/common/api/upload';
import {
  CATEGORY_CODES,
  COURT_MODES,
  COURT_PROCEDURES,
  ID_TYPE_CODES,
  MEDIATOR_KINDS,
  SESSION_KINDS,
  SHEET_KINDS,
  SOURCE_CODES,
  STATUSES,
  STORED_OUTCOMES,
  TIERS,
} from '../../../electron/common/domain';
import { ROLES } from '../../../electron/common/roles';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function freshDatabase(): Database.Database {
  const tmp = tempDir();
  const db = openDatabase(path.join(tmp.dir, 'mediation.db'));
  cleanups.push(() => db.close(), tmp.cleanup);
  return db.sqlite;
}

/** Every code column and the list of electron/common it must hold: a column that loses its list fails here. */
const EXPECTED: Record<string, readonly string[]> = {
  'centre.tier': TIERS,
  'users.role': ROLES,
  'devices.kind': DEVICE_KINDS,
  'pairing_codes.kind': DEVICE_KINDS,
  'mediators.kind': MEDIATOR_KINDS,
  'mediators.status': MEDIATOR_STATUSES,
  'cases.category': CATEGORY_CODES,
  'cases.source': SOURCE_CODES,
  'cases.tier': TIERS,
  'cases.origin_tier': TIERS,
  'cases.status': STATUSES,
  'cases.outcome': STORED_OUTCOMES,
  'import_batches.kind': SHEET_KINDS,
  'court_referrals.mode': COURT_MODES,
  'court_referrals.procedure': COURT_PROCEDURES,
  'court_referrals.result': COURT_RESULTS,
  'parties.role': PARTY_ROLES,
  'parties.kind': PARTY_KINDS,
  'parties.sex': SEXES,
  'parties.id_type': ID_TYPE_CODES,
  'parties.authority': AGENT_AUTHORITIES,
  'case_mediators.role': CASE_MEDIATOR_ROLES,
  'case_mediators.chosen_by': CHOSEN_BY,
  'sessions.kind': SESSION_KINDS,
  'confirmations.ruling': CONFIRMATION_RULINGS,
  'followups.method': FOLLOWUP_METHODS,
  'followups.performance': PERFORMANCES,
  'intakes.channel': INTAKE_CHANNELS,
  'intakes.category': CATEGORY_CODES,
  'intakes.status': INTAKE_STATUSES,
  'queue_tickets.status': QUEUE_STATUSES,
  'outbox.kind': RECORD_KINDS,
  'uploaded.kind': RECORD_KINDS,
  'upload_rejections.kind': RECORD_KINDS,
  'upload_runs.trigger': UPLOAD_TRIGGERS,
  'upload_runs.result': UPLOAD_RESULTS,
};

const AT = '2026-09-01T09:00:00+08:00';
const CASE = '01900000-0000-7000-8000-0000000000c1';
const MEDIATOR = '01900000-0000-7000-8000-0000000000e1';
const domain = (id: string) => ({ id, version: 1, updated_at: AT, deleted: 0 });

/** One valid row per table with code columns, in an order the foreign keys accept. */
const ROWS = {
  centre: {
    id: 1,
    centre_code: '410711001',
    name: '牧野区调解中心',
    tier: 'town',
    committee_name: '牧野区人民调解委员会',
    committee_abbr: '牧调',
    device_id: 'dev',
    created_at: AT,
  },
  users: { id: 'u1', login_name: 'wang', display_name: '王主任', role: 'admin', password_hash: 'x', created_at: AT, updated_at: AT },
  devices: { id: 'd1', name: '窗口一', kind: 'desk', credential_hash: 'ab', paired_at: AT },
  pairing_codes: { id: 'p1', code_hash: 'cd', kind: 'kiosk', name: '大厅', created_at: AT, expires_at: AT },
  mediators: { ...domain(MEDIATOR), name: '李调解', kind: 'resident', status: 'active', created_at: AT },
  cases: {
    ...domain(CASE),
    case_number: '（2026）牧调字第0001号',
    year: 2026,
    serial: 1,
    title: '邻里漏水纠纷',
    category: 'neighbor',
    source: 'walk_in',
    tier: 'village',
    origin_tier: 'village',
    status: 'mediating',
    outcome: null,
    registered_at: AT,
  },
  import_batches: { id: 'b1', kind: 'cases', file_name: '台账.xlsx', sheet: 'Sheet1', imported_at: AT, rows: 1, imported: 1 },
  court_referrals: {
    case_id: CASE,
    mode: 'entrusted',
    procedure: 'simple',
    court: '牧野区人民法院',
    reference_number: '（2026）豫0711民初1号',
    referred_at: AT,
    time_limit_days: 7,
    result: null,
  },
  parties: {
    ...domain('01900000-0000-7000-8000-0000000000d1'),
    case_id: CASE,
    role: 'applicant',
    kind: 'person',
    name: '王秀兰',
    sex: 'female',
    id_type: 'resident_id',
    authority: null,
  },
  case_mediators: { case_id: CASE, mediator_id: MEDIATOR, role: 'lead', assigned_at: AT, chosen_by: 'assigned' },
  sessions: { ...domain('01900000-0000-7000-8000-0000000000f5'), case_id: CASE, held_at: AT, kind: 'investigation' },
  confirmations: {
    ...domain('01900000-0000-7000-8000-0000000000f1'),
    case_id: CASE,
    court: '牧野区人民法院',
    applied_at: '2026-09-02',
    ruling: null,
  },
  followups: { ...domain('01900000-0000-7000-8000-0000000000f2'), case_id: CASE, due_on: '2026-09-20', method: null, performance: null },
  intakes: {
    id: 'i1',
    created_at: AT,
    channel: 'kiosk',
    category: 'neighbor',
    name: '王秀兰',
    phone: '13803734321',
    description: '楼上漏水',
    consent_at: AT,
    query_code: 'ACDE2345',
    status: 'pending',
  },
  queue_tickets: { id: 't1', day: '2026-09-01', number: 1, code: 'A001', status: 'waiting', created_at: AT },
  outbox: { kind: 'session', record_id: 'r1', version: 1, queued_at: AT },
  uploaded: { kind: 'case', record_id: 'r1', version: 1, deleted: 0, batch_id: 'b1', at: AT },
  upload_rejections: { kind: 'party', record_id: 'r1', version: 1, message: '缺少字段', at: AT },
  upload_runs: { id: 'run1', started_at: AT, trigger: 'manual', result: null },
} satisfies Record<string, Record<string, string | number | null>>;
const rowOf: Record<string, Record<string, unknown> | undefined> = ROWS;

function insert(sqlite: Database.Database, table: string, row: Record<string, unknown>): void {
  const cols = Object.keys(row);
  sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

const refusal = (table: string, column: string) => new RegExp(`not a code of its list: ${table}\\.${column}$`);

describe('code columns', () => {
  it('each carries the list of electron/common, and no other column carries one', () => {
    const actual = Object.fromEntries(codeColumns().map((c) => [`${c.table}.${c.column}`, c.values]));
    expect(actual).toEqual(EXPECTED);
  });

  it('a migrated database holds exactly the triggers the lists render (a list changed without a migration fails here)', () => {
    const sqlite = freshDatabase();
    const stored = sqlite
      .prepare(
        "SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'code_check_%' ORDER BY name",
      )
      .all();
    const rendered = codeCheckTriggers()
      .map(({ name, table, sql }) => ({ name, table, sql }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(rendered).toHaveLength(2 * new Set(Object.keys(EXPECTED).map((k) => k.split('.')[0])).size);
    expect(stored).toEqual(rendered);
  });

  it('raw SQL inserting a code outside its list is refused by SQLite, in every code column; the valid row goes in', () => {
    const sqlite = freshDatabase();
    expect(Object.keys(ROWS).sort()).toEqual([...new Set(codeColumns().map((c) => c.table))].sort());
    for (const [table, row] of Object.entries(ROWS)) {
      for (const c of codeColumns().filter((x) => x.table === table)) {
        expect(() => insert(sqlite, table, { ...row, [c.column]: 'bogus' }), `${table}.${c.column}`).toThrow(refusal(table, c.column));
      }
      insert(sqlite, table, row);
    }
    for (const [table, row] of Object.entries(ROWS)) {
      const same = Object.keys(row).map((c) => `${c} IS @${c}`);
      expect(sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${same.join(' AND ')}`).get(row), table).toEqual({ n: 1 });
    }
  });

  it('raw SQL updating a column to a code outside its list is refused; every code of the list and (where allowed) null are accepted', () => {
    const sqlite = freshDatabase();
    for (const [table, row] of Object.entries(ROWS)) insert(sqlite, table, row);
    const notNull = (table: string, column: string) =>
      (sqlite.prepare(`SELECT "notnull" AS n FROM pragma_table_info(?) WHERE name = ?`).get(table, column) as { n: number }).n === 1;
    for (const c of codeColumns()) {
      // The domain rows and their changes queue themselves in the outbox: there, only the row written here.
      const where = 'record_id' in (rowOf[c.table] ?? {}) ? " WHERE record_id = 'r1'" : '';
      const set = (v: string | null) => sqlite.prepare(`UPDATE ${c.table} SET ${c.column} = ?${where}`).run(v);
      expect(() => set('bogus'), `${c.table}.${c.column}`).toThrow(refusal(c.table, c.column));
      expect(() => set(''), `${c.table}.${c.column} empty`).toThrow(refusal(c.table, c.column));
      for (const v of c.values) expect(set(v).changes, `${c.table}.${c.column} = ${v}`).toBe(1);
      if (!notNull(c.table, c.column)) expect(set(null).changes).toBe(1);
    }
  });

  it('the refusal rolls back the whole statement: a multi-row update with one bad row changes nothing', () => {
    const sqlite = freshDatabase();
    insert(sqlite, 'intakes', ROWS.intakes);
    insert(sqlite, 'intakes', { ...ROWS.intakes, id: 'i2', query_code: 'ACDE2346' });
    expect(() => sqlite.prepare("UPDATE intakes SET status = CASE id WHEN 'i1' THEN 'accepted' ELSE 'approved' END").run()).toThrow(
      refusal('intakes', 'status'),
    );
    expect(sqlite.prepare('SELECT id, status FROM intakes ORDER BY id').all()).toEqual([
      { id: 'i1', status: 'pending' },
      { id: 'i2', status: 'pending' },
    ]);
  });
});
