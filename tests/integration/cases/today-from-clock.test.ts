/**
 * "Not after today" for a party's dates is the app clock's local day: not the machine's date, and not
 * the UTC date (which is yesterday between 00:00 and 08:00 in Beijing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../electron/common/domain/identity';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp | undefined;
afterEach(() => app?.close());

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
