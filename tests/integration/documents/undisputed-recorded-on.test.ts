/**
 * 无争议事实记载 carries the day the facts were recorded with the parties (记载时间), stored with the
 * record: a reprint on another day shows that day and makes no new version. Migration 0011 gives
 * records made before it the day they were last saved, from the case timeline.
 */
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';
import type { TestApp } from '../../support/backend';
import { dayIs, steps } from '../court/helpers';
import { readDocx } from './harness';
import { startedCase } from './started-case';

const UNDISPUTED = {
  consent: true,
  facts: ['双方系东西邻居。', '被申请人于2026年10月翻建院墙。'],
  disputedPoints: ['院墙是否越界。'],
  failureReason: '双方对边界位置各执一词，未能达成协议。',
  place: '王村调解室',
};

describe('记载时间 through the API', () => {
  let app: TestApp;
  let s: string;
  let caseId: string;

  beforeAll(async () => {
    ({ app, s, caseId } = await startedCase());
    await steps(app, s, caseId, [['fail', { reason: UNDISPUTED.failureReason }]]);
  }, 60_000);
  afterAll(() => app?.close());

  const docText = async (id: string) => (await readDocx(Buffer.from((await app.call('documents.docx', { id }, s)).base64, 'base64'))).text;

  it('the first save records the day; prints on later days show it and reuse the version', async () => {
    s = await dayIs(app, '2026-11-12');
    let c = await app.call('cases.get', { id: caseId }, s);
    c = await app.call('cases.setUndisputed', { id: caseId, version: c.version, undisputed: UNDISPUTED }, s);
    expect(c.undisputed?.recordedOn).toBe('2026-11-12');

    s = await dayIs(app, '2026-11-13');
    const first = await app.call('documents.generate', { caseId, type: 'undisputed-facts' }, s);
    expect(first.created).toBe(true);
    expect(await docText(first.id)).toContain('记载时间：2026年11月12日');

    s = await dayIs(app, '2026-11-27');
    const again = await app.call('documents.generate', { caseId, type: 'undisputed-facts' }, s);
    expect(again).toMatchObject({ id: first.id, docVersion: first.docVersion, created: false });

    // Saved again without a day (a fact corrected): the recorded day stays.
    c = await app.call('cases.get', { id: caseId }, s);
    c = await app.call(
      'cases.setUndisputed',
      { id: caseId, version: c.version, undisputed: { ...UNDISPUTED, facts: [...UNDISPUTED.facts, '院墙高2米。'] } },
      s,
    );
    expect(c.undisputed?.recordedOn).toBe('2026-11-12');
    const changed = await app.call('documents.generate', { caseId, type: 'undisputed-facts' }, s);
    expect(changed).toMatchObject({ created: true, docVersion: first.docVersion + 1 });
    const text = await docText(changed.id);
    expect(text).toContain('记载时间：2026年11月12日');
    expect(text).not.toContain('2026年11月27日');
  });

  it('the clerk may give the day; a day in the future or before registration is refused with the reason', async () => {
    let c = await app.call('cases.get', { id: caseId }, s);
    c = await app.call(
      'cases.setUndisputed',
      { id: caseId, version: c.version, undisputed: { ...UNDISPUTED, recordedOn: '2026-11-11' } },
      s,
    );
    expect(c.undisputed?.recordedOn).toBe('2026-11-11');
    const future = await app.raw({
      op: 'cases.setUndisputed',
      session: s,
      input: { id: caseId, version: c.version, undisputed: { ...UNDISPUTED, recordedOn: '2026-12-01' } },
    });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '记载日期不能晚于今天' } });
    const early = await app.raw({
      op: 'cases.setUndisputed',
      session: s,
      input: { id: caseId, version: c.version, undisputed: { ...UNDISPUTED, recordedOn: '2026-11-01' } },
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '记载日期不能早于纠纷登记日期（2026-11-10）' } });
    const bad = await app.raw({
      op: 'cases.setUndisputed',
      session: s,
      input: { id: caseId, version: c.version, undisputed: { ...UNDISPUTED, recordedOn: '2026-02-30' } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await app.call('cases.get', { id: caseId }, s)).undisputed?.recordedOn).toBe('2026-11-11');
  });
});

describe('migration 0011', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it('gives old records the day they were last saved (timeline), else the day the case failed; others untouched', () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'mediation.db');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, 9) });
    const insertCase = old.sqlite.prepare(
      `INSERT INTO cases (id, version, updated_at, deleted, case_number, year, serial, title, category, source, tier, origin_tier, status, registered_at, outcome_at, undisputed)
       VALUES (?, 3, '2026-10-20T10:00:00+08:00', 0, ?, 2026, ?, '相邻纠纷', 'neighbour', 'walk_in', 'village', 'village', 'failed', '2026-09-01T09:00:00+08:00', ?, ?)`,
    );
    const json = JSON.stringify({
      consent: true,
      facts: ['双方系邻居。'],
      disputedPoints: [],
      failureReason: '未达成一致',
      place: '调解室',
    });
    const kept = JSON.stringify({ ...JSON.parse(json), recordedOn: '2026-09-15' });
    insertCase.run('c1', '（2026）牧调字第0001号', 1, '2026-09-20T15:00:00+08:00', json);
    insertCase.run('c2', '（2026）牧调字第0002号', 2, '2026-09-21T23:30:00+08:00', json);
    insertCase.run('c3', '（2026）牧调字第0003号', 3, '2026-09-22T10:00:00+08:00', null);
    insertCase.run('c4', '（2026）牧调字第0004号', 4, '2026-09-22T10:00:00+08:00', kept);
    const audit = old.sqlite.prepare(
      `INSERT INTO audit (id, at, actor_name, operation, entity_kind, entity_id, case_id, summary) VALUES (?, ?, '王芳', ?, 'case', ?, ?, '')`,
    );
    // Two saves: the later one counts. An event of another case or kind does not.
    audit.run('01900000-0000-7000-8000-000000000001', '2026-09-20T16:00:00+08:00', 'case.setUndisputed', 'c1', 'c1');
    audit.run('01900000-0000-7000-8000-000000000002', '2026-09-24T08:10:00+08:00', 'case.setUndisputed', 'c1', 'c1');
    audit.run('01900000-0000-7000-8000-000000000003', '2026-09-30T08:10:00+08:00', 'case.update', 'c1', 'c1');
    old.close();

    const db = openDatabase(file);
    cleanups.push(() => db.close());
    const rows = db.sqlite.prepare('SELECT id, version, undisputed FROM cases ORDER BY id').all() as {
      id: string;
      version: number;
      undisputed: string | null;
    }[];
    const on = (id: string) => {
      const r = rows.find((x) => x.id === id)!;
      return { version: r.version, recordedOn: r.undisputed ? (JSON.parse(r.undisputed) as { recordedOn?: string }).recordedOn : null };
    };
    expect(on('c1')).toEqual({ version: 4, recordedOn: '2026-09-24' });
    expect(on('c2')).toEqual({ version: 4, recordedOn: '2026-09-21' });
    expect(on('c3')).toEqual({ version: 3, recordedOn: null });
    expect(on('c4')).toEqual({ version: 3, recordedOn: '2026-09-15' });
    // Every other value of the record stays.
    expect(JSON.parse(rows.find((r) => r.id === 'c1')!.undisputed!)).toMatchObject(JSON.parse(json));
  });
});
