/**
 * Migration 0010 on a database an earlier build left: existing party names get their 1–2 character
 * pieces, court reference numbers their serial index, and existing users are not forced to change
 * their password; old rows keep every value.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

it('0010 indexes the names and court numbers already there, and forces no existing user', () => {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const file = path.join(tmp.dir, 'mediation.db');
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, 8) });
  const caseId = '01900000-0000-7000-8000-0000000000c1';
  old.sqlite
    .prepare(
      `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, registered_at)
       VALUES (?, 1, '2026-09-01T09:00:00+08:00', 0, '（2026）牧调字第0001号', 2026, 1, '买卖合同纠纷', 'contract', 'court_delegated', 'district', 'district', 'registered', '2026-09-01T09:00:00+08:00')`,
    )
    .run(caseId);
  const party = old.sqlite.prepare(
    `INSERT INTO parties (id, version, updated_at, deleted, case_id, role, ordinal, kind, name) VALUES (?, 1, '2026-09-01T09:00:00+08:00', 0, ?, ?, ?, 'person', ?)`,
  );
  party.run('01900000-0000-7000-8000-0000000000d1', caseId, 'applicant', 0, '王秀兰');
  party.run('01900000-0000-7000-8000-0000000000d2', caseId, 'respondent', 1, '😀𠀀明');
  old.sqlite
    .prepare(
      `INSERT INTO court_referrals (case_id, mode, court, reference_number, referred_at, time_limit_days) VALUES (?, 'delegated', '新乡市牧野区人民法院', '（2026）豫0711民诉前调1234号', '2026-09-01', 30)`,
    )
    .run(caseId);
  old.sqlite
    .prepare(
      `INSERT INTO users (id, login_name, display_name, role, password_hash, active, failed_logins, created_at, updated_at) VALUES ('01900000-0000-7000-8000-0000000000e1', 'wang', '王芳', 'mediator', 'x', 1, 0, '2026-09-01T09:00:00+08:00', '2026-09-01T09:00:00+08:00')`,
    )
    .run();
  const before = old.sqlite.prepare('SELECT id, name, version FROM parties ORDER BY id').all();
  old.close();

  const db = openDatabase(file);
  cleanups.push(() => db.close());
  expect(db.sqlite.prepare('SELECT id, name, version FROM parties ORDER BY id').all()).toEqual(before);
  const grams = (g: string) =>
    (
      db.sqlite
        .prepare('SELECT p.name FROM party_name_grams x JOIN parties p ON p.rowid = x.party_rowid WHERE x.gram = ? ORDER BY p.name')
        .all(g) as { name: string }[]
    ).map((r) => r.name);
  expect(grams('秀兰')).toEqual(['王秀兰']);
  expect(grams('兰')).toEqual(['王秀兰']);
  expect(grams('𠀀')).toEqual(['😀𠀀明']);
  expect(grams('😀')).toEqual(['😀𠀀明']);
  expect(grams('𠀀明')).toEqual(['😀𠀀明']);
  const bySerial = db.sqlite
    .prepare(
      `SELECT r.reference_number AS ref FROM court_referrals r WHERE CAST(substr(r.reference_number, length(rtrim(r.reference_number, '0123456789号')) + 1) AS INTEGER) = ?`,
    )
    .all(1234);
  expect(bySerial).toEqual([{ ref: '（2026）豫0711民诉前调1234号' }]);
  expect(db.sqlite.prepare('SELECT must_change_password AS m FROM users').all()).toEqual([{ m: 0 }]);
});
