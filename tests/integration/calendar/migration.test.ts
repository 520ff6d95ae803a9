/**
 * Migration 0007 (the legal calendar) on a database an earlier build left: cases keep every value,
 * the new columns start empty, and the first recomputation takes a rule-made deadline as its
 * plain-count day (moving it off a holiday, on the record) while one set by hand stays.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { makeCalendar } from '../../../electron/common/domain/calendar';
import { fixedClock } from '../../../electron/services/core/clock';
import { systemActor, type ServiceContext } from '../../../electron/services/core/context';
import { builtinYears } from '../../../electron/services/calendar/builtin';
import { recomputeDeadlines } from '../../../electron/services/calendar/recompute';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

it('0007 adds the calendar without touching old rows, and the first recomputation is recorded', () => {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const file = path.join(tmp.dir, 'mediation.db');
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, 5) });
  // Raw SQL: the drizzle schema of this build has columns the old database lacks.
  const byRule = '01900000-0000-7000-8000-0000000000a1';
  const byHand = '01900000-0000-7000-8000-0000000000a2';
  const insert = old.sqlite.prepare(
    `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, registered_at, accepted_at, deadline)
     VALUES (?, 2, '2026-09-01T09:00:00+08:00', 0, ?, 2026, ?, ?, 'contract', 'walk_in', 'town', 'town', 'accepted', '2026-09-01T09:00:00+08:00', '2026-09-01T09:00:00+08:00', '2026-10-01')`,
  );
  // Deadlines the old build counted in plain days: both on National Day 2026.
  insert.run(byRule, '（2026）牧调字第0001号', 1, '按规则计算');
  insert.run(byHand, '（2026）牧调字第0002号', 2, '手工调整');
  old.sqlite
    .prepare(
      "INSERT INTO audit (id, at, actor_name, operation, entity_kind, entity_id, case_id, summary) VALUES ('01900000-0000-7000-8000-000000000001', '2026-09-20T09:00:00+08:00', '王主任', 'case.setDeadline', 'case', ?, ?, '手工调整')",
    )
    .run(byHand, byHand);
  const before = old.sqlite.prepare('SELECT id, version, deadline, title, status FROM cases ORDER BY id').all();
  old.close();

  const db = openDatabase(file);
  cleanups.push(() => db.close());
  expect(db.sqlite.prepare('SELECT id, version, deadline, title, status FROM cases ORDER BY id').all()).toEqual(before);
  expect(db.sqlite.prepare("SELECT count(*) AS n FROM pragma_table_info('followups') WHERE name = 'due_nominal'").get()).toEqual({ n: 1 });
  expect(db.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE deadline_nominal IS NOT NULL').get()).toEqual({ n: 0 });
  expect(db.sqlite.prepare('SELECT count(*) AS n FROM calendar_years').get()).toEqual({ n: 0 });

  const ctx = { db, clock: fixedClock('2026-09-25T09:00:00+08:00') } as unknown as ServiceContext;
  const moved = db.sqlite.transaction(() =>
    recomputeDeadlines(ctx, systemActor, makeCalendar(builtinYears()), '升级后按节假日安排重新计算'),
  )();
  expect(moved.map((m) => [m.caseId, m.from, m.to])).toEqual([[byRule, '2026-10-01', '2026-10-08']]);
  const row = db.sqlite.prepare('SELECT deadline, deadline_nominal AS nominal FROM cases WHERE id = ?').get(byRule);
  expect(row).toEqual({ deadline: '2026-10-08', nominal: '2026-10-01' });
  expect(db.sqlite.prepare('SELECT deadline, deadline_nominal AS nominal FROM cases WHERE id = ?').get(byHand)).toEqual({
    deadline: '2026-10-01',
    nominal: null,
  });
  const event = db.sqlite.prepare("SELECT actor_name AS actor, summary FROM audit WHERE operation = 'case.recomputeDeadline'").all();
  expect(event).toEqual([
    { actor: '系统', summary: '因升级后按节假日安排重新计算，期限由 2026-10-01 重新计算为 2026-10-08（原到期日 10-01 为国庆假期，顺延）' },
  ]);
});
