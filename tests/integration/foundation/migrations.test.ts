/**
 * Each migration on the database the build before it left (Signal's way): real rows written with
 * only the earlier migrations, the migration applied, the rows read back. 0004, 0007 and 0010 have
 * their own files (upload/upgrade, calendar/migration, cases/search-migration). And a migration that
 * fails half-way leaves nothing behind: the old database opens with its rows as before.
 *
 * `migrationsUpTo(dir, n)` counts journal entries, not file numbers (there is no 0005 or 0008 here):
 * entry 0 is 0000_init, 1 is 0001, 2 is 0002, 3 is 0003, 4 is 0004, 5 is 0006, 6 is 0007, 7 is 0009, 8 is 0010,
 * 9 is 0011, 10 is 0012, 11 is 0013, 12 is 0014.
 * Raw SQL throughout: the drizzle schema of this build has columns the old databases lack.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationState, openDatabase, type Db } from '../../../db/open';
import { defaultMigrationsFolder } from '../../../db/migrations-folder';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const CASE = '01900000-0000-7000-8000-0000000000c1';
const AT = '2026-09-01T09:00:00+08:00';

/** A database file with the first `entries` migrations applied, and a way to reopen it with `upTo` of them. */
function oldDatabase(entries: number) {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const file = path.join(tmp.dir, 'mediation.db');
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, entries) });
  const reopen = (upTo?: number): Db => {
    const db = openDatabase(file, upTo === undefined ? {} : { migrationsFolder: migrationsUpTo(tmp.dir, upTo) });
    cleanups.push(() => db.close());
    return db;
  };
  return { old: old.sqlite, close: () => old.close(), reopen, dir: tmp.dir, file };
}

function insertCase(sqlite: Database.Database, id = CASE, title = '邻里漏水纠纷') {
  sqlite
    .prepare(
      `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, registered_at)
       VALUES (?, 3, ?, 0, '（2026）牧调字第0001号', 2026, 1, ?, 'neighbor', 'walk_in', 'village', 'village', 'mediating', ?)`,
    )
    .run(id, AT, title, AT);
}

function insertParty(sqlite: Database.Database, id: string, name: string, ordinal: number) {
  sqlite
    .prepare(
      `INSERT INTO parties (id, version, updated_at, deleted, case_id, role, ordinal, kind, name, phone)
       VALUES (?, 1, ?, 0, ?, ?, ?, 'person', ?, '13803734321')`,
    )
    .run(id, AT, CASE, ordinal === 0 ? 'applicant' : 'respondent', ordinal, name);
}

/** The journal entry number of a migration, by its tag: the number of migrations before it. */
function entryOf(tag: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const i = journal.entries.findIndex((e) => e.tag === tag);
  if (i < 0) throw new Error(`no migration ${tag}`);
  return i;
}

const casesOf = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT id, version, title, status, registered_at FROM cases ORDER BY id').all();
const partiesOf = (sqlite: Database.Database) => sqlite.prepare('SELECT id, version, name, phone, ordinal FROM parties ORDER BY id').all();

describe('each migration keeps the rows an earlier build wrote', () => {
  it('0001 (outbox triggers): old rows stay as they were; the next change to one queues it, and the audit becomes append-only', () => {
    const o = oldDatabase(1);
    insertCase(o.old);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d1', '王秀兰', 0);
    o.old
      .prepare(
        "INSERT INTO audit (id, at, actor_name, operation, entity_kind, entity_id, case_id, summary) VALUES ('01900000-0000-7000-8000-000000000a01', ?, '王主任', 'cases.register', 'case', ?, ?, '登记案件')",
      )
      .run(AT, CASE, CASE);
    const before = { cases: casesOf(o.old), parties: partiesOf(o.old) };
    o.close();

    const db = o.reopen(2).sqlite;
    expect({ cases: casesOf(db), parties: partiesOf(db) }).toEqual(before);
    // Writing the triggers queues nothing by itself…
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    // …the next change to an old case does, at its new version.
    db.prepare("UPDATE cases SET version = 4, updated_at = '2026-09-02T10:00:00+08:00', title = '邻里漏水纠纷（已改）' WHERE id = ?").run(
      CASE,
    );
    expect(db.prepare('SELECT kind, record_id AS id, version FROM outbox').all()).toEqual([{ kind: 'case', id: CASE, version: 4 }]);
    expect(() => db.prepare("UPDATE audit SET summary = '改写' WHERE id = '01900000-0000-7000-8000-000000000a01'").run()).toThrow(
      /append-only/,
    );
    expect(db.prepare('SELECT summary FROM audit').all()).toEqual([{ summary: '登记案件' }]);
  });

  it('0002 (party name search): the names already there are found by three characters from inside them', () => {
    const o = oldDatabase(2);
    insertCase(o.old);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d1', '欧阳建国', 0);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d2', '李张三丰', 1);
    const before = partiesOf(o.old);
    o.close();

    const db = o.reopen(3).sqlite;
    expect(partiesOf(db)).toEqual(before);
    const match = (q: string) =>
      (
        db
          .prepare('SELECT p.name FROM parties_fts f JOIN parties p ON p.rowid = f.rowid WHERE parties_fts MATCH ? ORDER BY p.name')
          .all(q) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(match('"阳建国"')).toEqual(['欧阳建国']);
    expect(match('"张三丰"')).toEqual(['李张三丰']);
    expect(match('"王秀兰"')).toEqual([]);
    // A rename after the upgrade moves the index with it.
    db.prepare("UPDATE parties SET name = '欧阳振华' WHERE id = '01900000-0000-7000-8000-0000000000d1'").run();
    expect(match('"阳建国"')).toEqual([]);
    expect(match('"阳振华"')).toEqual(['欧阳振华']);
  });

  it('0003 (faster lists): rows unchanged, and the rebuilt indexes cover the list and name lookups', () => {
    const o = oldDatabase(3);
    insertCase(o.old);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d1', '王秀兰', 0);
    const before = { cases: casesOf(o.old), parties: partiesOf(o.old) };
    o.close();

    const db = o.reopen(4).sqlite;
    expect({ cases: casesOf(db), parties: partiesOf(db) }).toEqual(before);
    const columns = (index: string) =>
      (db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).all() as { name: string }[]).map((r) => r.name);
    expect(columns('parties_name_idx')).toEqual(['name', 'deleted', 'case_id', 'phone', 'id_number']);
    expect(columns('cases_filter_idx')).toEqual(['status', 'category', 'tier', 'deleted', 'registered_at']);
    expect(columns('audit_case_idx')).toEqual(['case_id', 'id']);
    expect(db.prepare("SELECT id FROM cases WHERE status = 'mediating' AND category = 'neighbor' AND deleted = 0").all()).toEqual([
      { id: CASE },
    ]);
  });

  it('0006 (centre devices): old audit rows keep every value and have no device; devices can be paired', () => {
    const o = oldDatabase(5);
    insertCase(o.old);
    o.old
      .prepare(
        "INSERT INTO audit (id, at, actor_name, operation, entity_kind, entity_id, case_id, summary) VALUES ('01900000-0000-7000-8000-000000000a01', ?, '王主任', 'cases.register', 'case', ?, ?, '登记案件')",
      )
      .run(AT, CASE, CASE);
    const audit = () => o.old.prepare('SELECT id, at, actor_name, operation, entity_id, summary FROM audit').all();
    const before = audit();
    o.close();

    const db = o.reopen(6).sqlite;
    expect(db.prepare('SELECT id, at, actor_name, operation, entity_id, summary FROM audit').all()).toEqual(before);
    expect(db.prepare('SELECT device_id FROM audit').all()).toEqual([{ device_id: null }]);
    expect(casesOf(db)).toHaveLength(1);
    db.prepare(
      "INSERT INTO devices (id, name, kind, credential_hash, paired_at) VALUES ('01900000-0000-7000-8000-0000000000f1', '一号窗口', 'desk', 'h1', ?)",
    ).run(AT);
    expect(() =>
      db
        .prepare(
          "INSERT INTO devices (id, name, kind, credential_hash, paired_at) VALUES ('01900000-0000-7000-8000-0000000000f2', '二号窗口', 'desk', 'h1', ?)",
        )
        .run(AT),
    ).toThrow(/UNIQUE/);
  });

  it('0009 (login sessions): users keep every value and can hold a stored session', () => {
    const o = oldDatabase(7);
    o.old
      .prepare(
        `INSERT INTO users (id, login_name, display_name, role, password_hash, active, failed_logins, created_at, updated_at)
         VALUES ('01900000-0000-7000-8000-0000000000e1', 'wang', '王芳', 'mediator', 'x', 1, 2, ?, ?)`,
      )
      .run(AT, AT);
    const users = (s: Database.Database) => s.prepare('SELECT id, login_name, display_name, role, active, failed_logins FROM users').all();
    const before = users(o.old);
    o.close();

    const db = o.reopen(8).sqlite;
    expect(users(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM login_sessions').get()).toEqual({ n: 0 });
    db.prepare(
      "INSERT INTO login_sessions (token_hash, user_id, created_at, last_seen_at) VALUES ('t1', '01900000-0000-7000-8000-0000000000e1', 1, 2)",
    ).run();
    expect(db.prepare('SELECT user_id FROM login_sessions WHERE user_id = ?').all('01900000-0000-7000-8000-0000000000e1')).toHaveLength(1);
  });

  it('0014 (code checks): every row stays as it was, even one holding a code outside its list; from then on SQLite refuses such codes', () => {
    const n = entryOf('0014_code_checks');
    const o = oldDatabase(n);
    insertCase(o.old);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d1', '王秀兰', 0);
    // A case closed as 终止调解 (outcome `ended`, which no step sets but older data and the district know), and a
    // row holding a source no list has: the migration must open both, not fail on them.
    const ENDED = '01900000-0000-7000-8000-0000000000c2';
    o.old
      .prepare(
        `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, outcome, registered_at)
         VALUES (?, 2, ?, 0, '（2026）牧调字第0002号', 2026, 2, '合同纠纷', 'contract', 'self_initiated', 'village', 'village', 'closed', 'ended', ?)`,
      )
      .run(ENDED, AT, AT);
    o.old
      .prepare(
        `INSERT INTO intakes (id, created_at, channel, category, name, phone, description, consent_at, query_code, status)
         VALUES ('i1', ?, 'kiosk', 'neighbor', '王秀兰', '13803734321', '楼上漏水', ?, 'ACDE2345', 'pending')`,
      )
      .run(AT, AT);
    const rows = (s: Database.Database) => ({
      cases: s.prepare('SELECT id, version, title, status, source, outcome FROM cases ORDER BY id').all(),
      parties: partiesOf(s),
      intakes: s.prepare('SELECT id, channel, category, status FROM intakes').all(),
    });
    const before = rows(o.old);
    expect(o.old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'code_check_%'").get()).toEqual({
      n: 0,
    });
    o.close();

    const db = o.reopen(n + 1).sqlite;
    expect(rows(db)).toEqual(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'code_check_%'").get()).toEqual({
      n: 36,
    });
    // The old rows change as before: the odd source is not re-checked while the update leaves it alone.
    db.prepare("UPDATE cases SET title = '合同纠纷（已改）', status = 'closed', version = version + 1 WHERE id = ?").run(ENDED);
    db.prepare("UPDATE intakes SET status = 'accepted', case_id = ? WHERE id = 'i1'").run(CASE);
    expect(db.prepare('SELECT title, source, outcome FROM cases WHERE id = ?').get(ENDED)).toEqual({
      title: '合同纠纷（已改）',
      source: 'self_initiated',
      outcome: 'ended',
    });
    // New codes outside their lists are refused, by SQLite itself.
    expect(() => db.prepare("UPDATE cases SET status = 'archived' WHERE id = ?").run(CASE)).toThrow(
      /not a code of its list: cases\.status/,
    );
    expect(() => db.prepare("UPDATE cases SET source = 'self_initiated' WHERE id = ?").run(CASE)).toThrow(/cases\.source/);
    expect(() => db.prepare("UPDATE parties SET role = 'witness'").run()).toThrow(/parties\.role/);
    expect(() => insertParty(db, '01900000-0000-7000-8000-0000000000d2', '李四', 1)).not.toThrow();
    expect(db.prepare('SELECT status FROM cases WHERE id = ?').get(CASE)).toEqual({ status: 'mediating' });
  });
});

describe('0015 (session kind)', () => {
  it('every session written before is a mediation; SQLite itself refuses a kind outside the list', () => {
    const n = entryOf('0015_session_kind');
    const o = oldDatabase(n);
    insertCase(o.old);
    o.old
      .prepare(
        `INSERT INTO sessions (id, version, updated_at, deleted, case_id, held_at, place, participants, record, recorder)
         VALUES ('01900000-0000-7000-8000-0000000000f1', 2, ?, 0, ?, '2026-09-02T09:00', '调解室', '双方当事人', '双方各自陈述。', '刘洋')`,
      )
      .run(AT, CASE);
    const sessions = (s: Database.Database) =>
      s.prepare('SELECT id, version, held_at, place, participants, record, recorder FROM sessions').all();
    const before = sessions(o.old);
    o.close();

    const db = o.reopen(n + 1).sqlite;
    expect(sessions(db)).toEqual(before);
    expect(db.prepare('SELECT kind FROM sessions').all()).toEqual([{ kind: 'mediation' }]);
    const insert = (id: string, kind: string) =>
      db
        .prepare(
          `INSERT INTO sessions (id, version, updated_at, deleted, case_id, held_at, kind) VALUES (?, 1, ?, 0, ?, '2026-09-03T09:00', ?)`,
        )
        .run(id, AT, CASE, kind);
    insert('01900000-0000-7000-8000-0000000000f2', 'investigation');
    expect(() => insert('01900000-0000-7000-8000-0000000000f3', 'visit')).toThrow('not a code of its list: sessions.kind');
    expect(() => db.prepare("UPDATE sessions SET kind = 'Mediation'").run()).toThrow('not a code of its list: sessions.kind');
  });
});

describe('a migration that fails', () => {
  it('is rolled back whole: no table, no row change, no later migration; the old database opens with its rows', () => {
    const o = oldDatabase(5);
    insertCase(o.old);
    insertParty(o.old, '01900000-0000-7000-8000-0000000000d1', '王秀兰', 0);
    const before = { cases: casesOf(o.old), parties: partiesOf(o.old) };
    const tables = (s: Database.Database) =>
      s.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name").all();
    const schemaBefore = tables(o.old);
    o.close();

    // This build's migrations, then one that changes data and a table before it breaks.
    const broken = migrationsUpTo(o.dir, Number.MAX_SAFE_INTEGER);
    const journalFile = path.join(broken, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
    const last = journal.entries[journal.entries.length - 1]!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(broken, '9999_broken.sql'),
      [
        'CREATE TABLE half_done (x integer);',
        "UPDATE cases SET title = '被改掉的标题', version = version + 1;",
        'DELETE FROM parties;',
        'INSERT INTO no_such_table (x) VALUES (1);',
      ].join('\n--> statement-breakpoint\n'),
    );

    expect(() => openDatabase(o.file, { migrationsFolder: broken })).toThrow(/打开数据库失败/);

    // The file is as the old build left it: reopened with the old migrations, nothing is pending.
    const old = o.reopen(5).sqlite;
    expect(migrationState(old, migrationsUpTo(o.dir, 5)).pending).toEqual([]);
    expect({ cases: casesOf(old), parties: partiesOf(old) }).toEqual(before);
    expect(tables(old)).toEqual(schemaBefore);
    old.close();

    // And this build's own migrations still apply to it afterwards.
    const db = o.reopen().sqlite;
    expect(migrationState(db, defaultMigrationsFolder()).pending).toEqual([]);
    expect({ cases: casesOf(db), parties: partiesOf(db) }).toEqual(before);
  });
});
