/** The timeline says what changed (issue 19): only the fields that really changed, by name; nothing when nothing did. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

const updates = (c: { timeline: { operation: string; summary: string }[] }, op: string) =>
  c.timeline.filter((t) => t.operation === op).map((t) => t.summary);

describe('editing case fields', () => {
  it('logs only the title when only the title changed, even when the form sends every field', async () => {
    const c = await app.call('cases.register', walkInCase(), s);
    const after = await app.call(
      'cases.update',
      {
        id: c.id,
        version: c.version,
        patch: { title: '宅基地院墙纠纷', category: c.category as 'housing_homestead', summary: c.summary, claims: c.claims },
      },
      s,
    );
    expect(after.title).toBe('宅基地院墙纠纷');
    expect(updates(after, 'case.update')).toEqual(['修改纠纷简述']);
  });

  it('names every field that changed, in the form’s order', async () => {
    const c = await app.call('cases.register', walkInCase(), s);
    const after = await app.call(
      'cases.update',
      {
        id: c.id,
        version: c.version,
        patch: { claims: '请求拆除院墙并赔偿损失。', title: '院墙纠纷', amountFen: 600000, summary: c.summary },
      },
      s,
    );
    expect(updates(after, 'case.update')).toEqual(['修改纠纷简述、争议事项、涉及金额']);
  });

  it('logs nothing and keeps the version when the same values are saved again', async () => {
    const c = await app.call('cases.register', walkInCase(), s);
    const same = await app.call(
      'cases.update',
      {
        id: c.id,
        version: c.version,
        patch: { title: c.title, category: c.category as 'housing_homestead', summary: c.summary, claims: c.claims, amountFen: 500000 },
      },
      s,
    );
    expect(same.version).toBe(c.version);
    expect(updates(same, 'case.update')).toEqual([]);
    // A version that is not the current one is still refused, even for a no-op save.
    const stale = await app.raw({ op: 'cases.update', input: { id: c.id, version: c.version + 1, patch: { title: c.title } }, session: s });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('saving the agreement', () => {
  it('logs one entry for the same agreement saved twice, and a new one when it changes', async () => {
    let c = await app.call('cases.register', walkInCase(), s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    const m = await app.call(
      'mediators.create',
      { name: '赵调解', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700001111', specialties: ['housing_homestead'] },
      s,
    );
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    const agreement = { terms: ['被申请人于2026年12月31日前拆除越界院墙'], performanceMethod: '自行拆除' };
    c = await app.call('cases.setAgreement', { id: c.id, version: c.version, agreement, agreedAmountFen: 50000 }, s);
    c = await app.call('cases.setAgreement', { id: c.id, version: c.version, agreement, agreedAmountFen: 50000 }, s);
    expect(updates(c, 'case.setAgreement')).toHaveLength(1);
    c = await app.call(
      'cases.setAgreement',
      { id: c.id, version: c.version, agreement: { ...agreement, terms: [...agreement.terms, '申请人予以配合'] } },
      s,
    );
    expect(updates(c, 'case.setAgreement')).toHaveLength(2);
  });
});
