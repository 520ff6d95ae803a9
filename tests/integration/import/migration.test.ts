/**
 * Migration 0012 (import history) on the database the build before it left: the centre's cases
 * keep their numbers and rows and stay under the (year, serial) rule; imported cases, which keep
 * the numbers of their old ledgers, may share a year and serial with them; a row fingerprint is
 * unique; and 0013's plain (year, serial) index serves the search. `migrationsUpTo(dir, 10)` is every
 * migration up to 0011 (journal entries, not file numbers).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const AT = '2026-09-01T09:00:00+08:00';
const insert = `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, registered_at)
  VALUES (@id, 1, '${AT}', 0, @no, 2026, @serial, '邻里纠纷', 'neighbor', 'walk_in', 'village', 'village', 'mediating', '${AT}')`;

describe('migrations 0012 (import history) and 0013 (year and serial lookup)', () => {
  it('keeps the centre’s cases as they were and lets imported numbers share a year and serial', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'mediation.db');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, 10) });
    old.sqlite.prepare(insert).run({ id: 'c1', no: '（2026）牧调字第0001号', serial: 1 });
    expect(() => old.sqlite.prepare(insert).run({ id: 'c2', no: '王调〔2026〕1号', serial: 1 })).toThrow(/UNIQUE/);
    old.close();

    const db = openDatabase(file);
    cleanups.push(() => db.close());
    expect(db.sqlite.prepare('SELECT id, case_number, serial, import_batch_id, import_row, import_fingerprint FROM cases').all()).toEqual([
      { id: 'c1', case_number: '（2026）牧调字第0001号', serial: 1, import_batch_id: null, import_row: null, import_fingerprint: null },
    ]);
    // The centre's own numbers are still unique per year ...
    expect(() => db.sqlite.prepare(insert).run({ id: 'c2', no: '（2026）牧调字第0001号X', serial: 1 })).toThrow(/UNIQUE/);
    // ... an imported case is outside that rule, and its fingerprint is unique.
    const imported = db.sqlite.prepare(`UPDATE cases SET import_batch_id = 'b1', import_row = 4, import_fingerprint = @f WHERE id = @id`);
    db.sqlite
      .prepare('INSERT INTO import_batches (id, kind, file_name, sheet, imported_at, rows, imported) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('b1', 'cases', '台账.xlsx', 'Sheet1', AT, 1, 1);
    db.sqlite.transaction(() => {
      db.sqlite
        .prepare(insert.replace('(id,', '(import_batch_id, id,').replace('VALUES (@id', "VALUES ('b1', @id"))
        .run({ id: 'c3', no: '王调〔2026〕1号', serial: 1 });
      imported.run({ id: 'c3', f: 'no:王调〔2026〕1号' });
    })();
    expect(() => imported.run({ id: 'c1', f: 'no:王调〔2026〕1号' })).toThrow(/UNIQUE/);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM mediators WHERE import_batch_id IS NOT NULL').get()).toEqual({ n: 0 });
    // 0013: the search's lookup by year and serial (any case, imported or not) is an index search,
    // not a scan of every case, which the partial unique index alone would leave it.
    const plan = db.sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM cases c WHERE c.year = ? AND c.serial = ? AND c.deleted = 0')
      .all(2026, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING INDEX cases_year_serial_lookup_idx/);
  });
});
