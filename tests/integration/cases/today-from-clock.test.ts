/**
 * "Not after today" for a party's dates is the app clock's local day: not the machine's date, and not
 * the UTC date (which is yesterday between 00:00 and 08:00 in Beijing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../../electron/common/domain/dates';
import { makeResidentId } from '../../../electron/common/domain/identity';
import { localDate } from '../../../electron/services/core/clock';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { failure, kioskInput, startEnv } from '../intake/harness';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const withApplicant = (party: Record<string, unknown>) => {
  const c = walkInCase();
  return walkInCase({ parties: [{ ...c.parties[0]!, ...party }, c.parties[1]!] });
};

describe('a party born "today" or later, by the app clock', () => {
  it('is refused when the birth date is after the clock’s day, with the field named', async () => {
    app = await startTestApp({ now: '2030-05-10T10:00:00+08:00' });
    const s = await app.login();
    const res = await app.raw({ op: 'cases.register', input: withApplicant({ birthDate: '2030-05-11' }), session: s });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'parties.0.birthDate': '出生日期不能晚于今天' } } });
    const id = makeResidentId('410711', '2030-05-11', 31);
    const byId = await app.raw({ op: 'cases.register', input: withApplicant({ idNumber: id }), session: s });
    expect(byId).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys((byId as { error: { fields: Record<string, string> } }).error.fields)).toEqual(['parties.0.idNumber']);
  });

  it('is accepted when the clock says that day has come, though the machine’s date is years earlier', async () => {
    app = await startTestApp({ now: '2030-05-10T10:00:00+08:00' });
    const s = await app.login();
    const c = await app.call(
      'cases.register',
      withApplicant({ birthDate: '2030-05-10', idNumber: makeResidentId('410711', '2030-05-10', 31) }),
      s,
    );
    expect(c.parties[0]).toMatchObject({ birthDate: '2030-05-10' });
  });

  it('uses the local day at 07:00 in Beijing, when the UTC date is still yesterday', async () => {
    app = await startTestApp({ now: '2030-05-10T07:00:00+08:00' });
    const s = await app.login();
    const c = await app.call(
      'cases.register',
      withApplicant({ birthDate: '2030-05-10', idNumber: makeResidentId('410711', '2030-05-10', 31) }),
      s,
    );
    expect(c.parties[0]).toMatchObject({ birthDate: '2030-05-10' });
    const p = c.parties[1]!;
    const later = await app.raw({
      op: 'parties.update',
      input: { caseId: c.id, partyId: p.id, partyVersion: p.version, party: { ...walkInCase().parties[1]!, birthDate: '2030-05-11' } },
      session: s,
    });
    expect(later).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'party.birthDate': '出生日期不能晚于今天' } } });
  });
});

/** 2026-12-04T23:30:00Z is 07:30 on 12-05 in Beijing: the UTC date would still say 12-04. */
describe('"today" at 07:30 Beijing time, when the UTC date is still yesterday', () => {
  const NOW = '2026-12-04T23:30:00Z';
  const bornToday = makeResidentId('410711', '2026-12-05', 31);
  const bornTomorrow = makeResidentId('410711', '2026-12-06', 31);

  it('is 2026-12-05 for the clock helpers', () => {
    expect(localDate(new Date(NOW))).toBe('2026-12-05');
    expect(todayIso(new Date(NOW))).toBe('2026-12-05');
    expect(new Date(NOW).toISOString().slice(0, 10)).toBe('2026-12-04');
  });

  it('a case registers a party born that day; one born the next day is refused', async () => {
    app = await startTestApp({ now: NOW });
    const s = await app.login();
    const c = await app.call('cases.register', withApplicant({ idNumber: bornToday }), s);
    expect(c.parties[0]).toMatchObject({ birthDate: '2026-12-05' });
    const res = await app.raw({ op: 'cases.register', input: withApplicant({ idNumber: bornTomorrow }), session: s });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the kiosk takes an ID number born that day and refuses one born the next day, saving nothing', async () => {
    const env = await startEnv({ now: NOW });
    try {
      const ok = await env.app.call('intake.submit', kioskInput({ idNumber: bornToday }));
      expect(ok.queueCode).toBe('A001');
      const bad = await failure(env.app.call('intake.submit', kioskInput({ idNumber: bornTomorrow })));
      expect(bad).toMatchObject({ code: 'VALIDATION', fields: { idNumber: expect.stringContaining('晚于今天') } });
      const n = env.app.backend.app.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number };
      expect(n.n).toBe(1);
    } finally {
      await env.close();
    }
  });

  it('the roster takes an ID number born that day and refuses one born the next day, on create and on edit', async () => {
    app = await startTestApp({ now: NOW });
    const s = await app.login();
    const m = await app.call('mediators.create', { name: '赵大勇', kind: 'invited', specialties: [], idNumber: bornToday }, s);
    expect(m.name).toBe('赵大勇');
    const create = await app.raw({
      op: 'mediators.create',
      input: { name: '孙立', kind: 'invited', specialties: [], idNumber: bornTomorrow },
      session: s,
    });
    expect(create).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { idNumber: expect.stringContaining('晚于今天') } } });
    const edit = await app.raw({
      op: 'mediators.update',
      input: { id: m.id, version: m.version, mediator: { name: '赵大勇', kind: 'invited', specialties: [], idNumber: bornTomorrow } },
      session: s,
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
