/** The app keeps working on top of demo data: numbering, case pages, search, steps, court views. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/backend';
import { isAppError } from '../../../electron/common/errors';
import { createLogger } from '../../../electron/services/core/logger';
import { generateDemo } from '../../../electron/services/demo/generate';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { tempDir } from '../../support/tmp';

let app: TestApp;
let s: string;
const all = <T>(sql: string, ...params: unknown[]) => app.backend.app.ctx.db.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => all<T>(sql, ...params)[0]!;

beforeAll(async () => {
  app = await startTestApp();
  s = await app.login();
  generateDemo(app.backend.app.ctx, { cases: 200, seed: 3, now: app.clock.now() });
});
afterAll(() => app?.close());

describe('the app on top of demo data', () => {
  it('continues the case numbers where the demo stopped', async () => {
    const last = one<{ serial: number }>(`SELECT max(serial) AS serial FROM cases WHERE year = 2026`).serial;
    expect(last).toBeGreaterThan(10);
    const c = await app.call('cases.register', walkInCase(), s);
    expect(c.caseNumber).toBe(`（2026）牧调字第${String(last + 1).padStart(4, '0')}号`);
    expect(one<{ value: number }>(`SELECT value FROM counters WHERE name = 'case:2026'`).value).toBe(last + 1);
  });

  it('opens a demo case with its parties, mediators, sessions and a timeline in order', async () => {
    const { id } = one<{ id: string }>(
      `SELECT id FROM cases WHERE status = 'closed' AND outcome = 'agreement' AND EXISTS (SELECT 1 FROM sessions WHERE case_id = cases.id) LIMIT 1`,
    );
    const c = await app.call('cases.get', { id }, s);
    expect(c.parties.length).toBeGreaterThanOrEqual(2);
    expect(c.mediators.length).toBeGreaterThanOrEqual(1);
    expect(c.sessions.length).toBeGreaterThanOrEqual(1);
    expect(c.agreement?.terms.length).toBeGreaterThanOrEqual(1);
    expect(c.timeline[0]!.operation).toBe('cases.register');
    expect(c.timeline.map((t) => t.operation)).toEqual(expect.arrayContaining(['case.accept', 'case.start', 'case.agree', 'case.close']));
    const times = c.timeline.map((t) => Date.parse(t.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('finds demo cases by ID number, phone and name, and lists them with filters', async () => {
    const p = one<{ case_id: string; id_number: string; phone: string; name: string }>(
      `SELECT case_id, id_number, phone, name FROM parties WHERE kind = 'person' LIMIT 1 OFFSET 37`,
    );
    for (const q of [p.id_number, p.phone, p.name]) {
      const hits = await app.call('cases.search', { q, limit: 100 }, s);
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(p.case_id);
    }
    const list = await app.call('cases.list', { status: ['closed'], page: 1, pageSize: 20 }, s);
    expect(list.total).toBe(one<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE status = 'closed'`).n);
    expect(list.rows.every((r) => r.status === 'closed' && r.partyNames.length > 0)).toBe(true);
  });

  it('moves a demo case on with its version (optimistic locking agrees with the demo versions)', async () => {
    const { id } = one<{ id: string }>(
      `SELECT id FROM cases WHERE status = 'mediating' AND source NOT IN ('court_delegated', 'court_entrusted') LIMIT 1`,
    );
    const before = await app.call('cases.get', { id }, s);
    const after = await app.call('cases.step', { id, version: before.version, action: 'agree', agreement: { terms: ['双方和解'] } }, s);
    expect(after.status).toBe('agreement');
    expect(after.version).toBe(before.version + 1);
  });

  it('serves the court docking views over demo referrals, 司法确认 and follow-ups', async () => {
    const r = one<{ case_id: string; deadline: string }>(
      `SELECT r.case_id, c.deadline FROM court_referrals r JOIN cases c ON c.id = r.case_id LIMIT 1`,
    );
    const view = await app.call('court.referral', { caseId: r.case_id }, s);
    expect(view?.dueDate).toBe(r.deadline);
    const conf = one<{ case_id: string }>(`SELECT case_id FROM confirmations WHERE ruling IS NOT NULL LIMIT 1`);
    await expect(app.call('confirmations.get', { caseId: conf.case_id }, s)).resolves.toBeTruthy();
    const fu = one<{ case_id: string; n: number }>(`SELECT case_id, count(*) AS n FROM followups GROUP BY case_id LIMIT 1`);
    await expect(app.call('followups.list', { caseId: fu.case_id }, s)).resolves.toBeTruthy();
  });

  it('assigns an active demo mediator to a new case, and refuses a removed one', async () => {
    const c = await app.call('cases.register', walkInCase({ title: '演示后新登记' }), s);
    const active = one<{ id: string }>(`SELECT id FROM mediators WHERE status = 'active' AND kind = 'resident' LIMIT 1`);
    const removed = one<{ id: string }>(`SELECT id FROM mediators WHERE status = 'removed' LIMIT 1`);
    const accepted = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    const res = await app.raw({
      op: 'cases.assignMediator',
      input: { id: c.id, version: accepted.version, mediatorId: removed.id },
      session: s,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const assigned = await app.call('cases.assignMediator', { id: c.id, version: accepted.version, mediatorId: active.id }, s);
    expect(assigned.mediators.map((m) => m.id)).toContain(active.id);
  });
});

describe('generateDemo preconditions', () => {
  it('refuses a data dir without a centre (NOT_SET_UP) and a bad case count', () => {
    const tmp = tempDir('md-demo-');
    const ctx = openServices({ dataDir: tmp.dir, logger: createLogger({}) });
    try {
      let error: unknown;
      try {
        generateDemo(ctx, { cases: 10, seed: 1 });
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.code).toBe('NOT_SET_UP');
      expect(ctx.db.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    } finally {
      ctx.db.close();
      void ctx.logger.close();
      tmp.cleanup();
    }
    expect(() => generateDemo(app.backend.app.ctx, { cases: 0 })).toThrow(/1 至 1000000/);
    expect(() => generateDemo(app.backend.app.ctx, { cases: 1.5 })).toThrow(/整数/);
  });
});
