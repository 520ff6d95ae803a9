/** Nothing is cut silently (issue 19): the contract refuses text over its limit, naming the field and the limit, and stores nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../electron/common/api/limits';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

describe('length limits at the contract', () => {
  it('refuses 140,000 characters of 调解情况 with the limit named, and keeps nothing', async () => {
    const c = await app.call('cases.register', walkInCase(), s);
    const res = await app.raw({
      op: 'sessions.add',
      input: {
        caseId: c.id,
        session: { heldAt: '2026-11-20T10:00', place: '调解室', participants: '张建国', record: '字'.repeat(140_000) },
      },
      session: s,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!res.ok) expect(res.error.message).toContain(`调解情况不能超过 ${TEXT_LIMITS.longText} 字`);
    expect((await app.call('cases.get', { id: c.id }, s)).sessions).toHaveLength(0);
  });

  it('accepts exactly the limit, stored whole', async () => {
    let c = await app.call('cases.register', walkInCase(), s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    const m = await app.call(
      'mediators.create',
      { name: '赵调解', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700001111', specialties: ['housing_homestead'] },
      s,
    );
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    const record = '字'.repeat(TEXT_LIMITS.longText);
    const after = await app.call(
      'sessions.add',
      { caseId: c.id, session: { heldAt: '2026-11-20T10:00', place: '调解室', participants: '张建国', record } },
      s,
    );
    expect(after.sessions[0]!.record).toBe(record);
  });

  it.each([
    ['summary', '事实经过', TEXT_LIMITS.longText],
    ['claims', '争议事项', TEXT_LIMITS.mediumText],
    ['title', '纠纷简述', TEXT_LIMITS.title],
  ] as const)('refuses a %s one character over, naming %s and %i', async (field, label, max) => {
    const c = await app.call('cases.register', walkInCase(), s);
    const res = await app.raw({
      op: 'cases.update',
      input: { id: c.id, version: c.version, patch: { [field]: 'x'.repeat(max + 1) } },
      session: s,
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain(`${label}不能超过 ${max} `);
    expect((await app.call('cases.get', { id: c.id }, s)).version).toBe(c.version);
  });
});
