import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionCode } from '../../../electron/common/domain/lifecycle';
import { startTestApp, type TestApp } from '../../support/backend';
import { COMPLETE_AGREEMENT, walkInCase } from '../../support/cases';
import { mediator } from './helpers';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp({ now: '2026-11-01T09:00:00+08:00' });
  s = await app.login();
});
afterEach(() => app.close());

/** Move the clock to that day and sign in again (a jump of days ends an idle session). */
async function at(day: string) {
  app.clock.set(`${day}T09:00:00+08:00`);
  s = await app.login();
}

/** A case with mediators; each [day, action] step happens on that day. */
async function caseWith(mediatorIds: string[], plan: [string, ActionCode, Record<string, unknown>?][]) {
  await at(plan[0]![0]);
  let c = await app.call('cases.register', walkInCase(), s);
  for (const [i, id] of mediatorIds.entries())
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: id, role: i === 0 ? 'lead' : 'assistant' }, s);
  for (const [day, action, extra] of plan) {
    await at(day);
    c = await app.call('cases.step', { id: c.id, version: c.version, action, ...extra }, s);
  }
  return c;
}

async function confirm(caseId: string, applied: string, accepted: string, ruled: string, ruling: 'confirmed' | 'dismissed') {
  await at(ruled);
  let st = await app.call('confirmations.apply', { caseId, court: '新乡市牧野区人民法院', appliedAt: applied }, s);
  st = await app.call(
    'confirmations.accept',
    { id: st.confirmation!.id, version: st.confirmation!.version, acceptedAt: accepted, acceptanceNumber: '（2026）豫0711民特12号' },
    s,
  );
  await app.call('confirmations.rule', { id: st.confirmation!.id, version: st.confirmation!.version, ruling, ruledAt: ruled }, s);
}

describe('the performance record (履职记录)', () => {
  it('counts cases, outcomes, mean days to outcome, overdue open cases and confirmations, by hand-built data', async () => {
    const a = await mediator(app, s, '赵调解', { phone: '13700001111', specialties: ['contract'] });
    const b = await mediator(app, s, '钱调解', { phone: '13700002222', specialties: ['housing_homestead'] });
    const c = await mediator(app, s, '孙调解', { phone: '13700003333', specialties: ['contract'] });

    // A: agreement after 5 days, confirmed by the court.
    const c1 = await caseWith(
      [a.id],
      [
        ['2026-11-01', 'accept'],
        ['2026-11-01', 'start'],
        ['2026-11-06', 'agree', { agreementEffectiveAt: '2026-11-06', agreement: COMPLETE_AGREEMENT }],
      ],
    );
    await confirm(c1.id, '2026-11-06', '2026-11-08', '2026-11-10', 'confirmed');
    // A (lead) and B (assistant): failed after 3 days.
    await caseWith(
      [a.id, b.id],
      [
        ['2026-11-02', 'accept'],
        ['2026-11-02', 'start'],
        ['2026-11-05', 'fail', { reason: '分歧较大' }],
      ],
    );
    // A: open, deadline 2026-12-03 (walk-in: 30 days), overdue by 2026-12-10.
    await caseWith(
      [a.id],
      [
        ['2026-11-03', 'accept'],
        ['2026-11-03', 'start'],
      ],
    );
    // B: open, deadline moved to 2027-01-10: not overdue.
    const c4 = await caseWith([b.id], [['2026-11-04', 'accept']]);
    await app.call('cases.setDeadline', { id: c4.id, version: c4.version, deadline: '2027-01-10', reason: '双方同意延期' }, s);
    // A: agreement after 3 days, the court dismissed the application: not counted as granted.
    const c5 = await caseWith(
      [a.id],
      [
        ['2026-11-07', 'accept'],
        ['2026-11-07', 'start'],
        ['2026-11-10', 'agree', { agreementEffectiveAt: '2026-11-10' }],
      ],
    );
    await confirm(c5.id, '2026-11-10', '2026-11-11', '2026-11-12', 'dismissed');
    // A: withdrawn after 1 day.
    await caseWith(
      [a.id],
      [
        ['2026-11-08', 'accept'],
        ['2026-11-08', 'start'],
        ['2026-11-09', 'withdraw', { reason: '当事人自行和解' }],
      ],
    );
    // C is suspended and has no cases.
    const cNow = await app.call('mediators.list', { q: '孙调解' }, s);
    await app.call(
      'mediators.setStatus',
      { id: c.id, version: cNow[0]!.version, status: 'suspended', date: '2026-11-09', reason: '长期外出' },
      s,
    );

    await at('2026-12-10');
    const perf = await app.call('roster.performance', {}, s);
    expect(perf.map((p) => p.name)).toEqual(['赵调解', '钱调解', '孙调解']); // active first, then suspended
    expect(perf[0]).toMatchObject({
      mediatorId: a.id,
      taken: 5,
      agreements: 2,
      failures: 1,
      withdrawn: 1,
      successRate: 0.667,
      avgDaysToOutcome: 3, // (5 + 3 + 3 + 1) / 4
      open: 1,
      overdueOpen: 1,
      confirmationsGranted: 1,
    });
    expect(perf[1]).toMatchObject({
      mediatorId: b.id,
      taken: 2,
      agreements: 0,
      failures: 1,
      withdrawn: 0,
      successRate: 0,
      avgDaysToOutcome: 3,
      open: 1,
      overdueOpen: 0,
      confirmationsGranted: 0,
    });
    expect(perf[2]).toMatchObject({
      mediatorId: c.id,
      status: 'suspended',
      taken: 0,
      agreements: 0,
      successRate: null,
      avgDaysToOutcome: null,
      open: 0,
      overdueOpen: 0,
      confirmationsGranted: 0,
    });
    expect(await app.call('roster.performance', { status: 'suspended' }, s)).toHaveLength(1);
    expect((await app.call('roster.performance', { mediatorId: b.id }, s)).map((p) => p.name)).toEqual(['钱调解']);

    // Closing a case keeps its outcome in the record.
    await at('2026-12-10');
    const closedC1 = await app.call('cases.get', { id: c1.id }, s);
    await app.call('cases.step', { id: c1.id, version: closedC1.version, action: 'close' }, s);
    expect((await app.call('roster.performance', { mediatorId: a.id }, s))[0]).toMatchObject({ agreements: 2, confirmationsGranted: 1 });
  }, 60_000);
});

describe('choosing a mediator', () => {
  it('offers active mediators, those of the specialty first and the least busy first, flagging recusal', async () => {
    const a = await mediator(app, s, '赵调解', { phone: '13700001111', specialties: ['contract'] });
    const b = await mediator(app, s, '钱调解', { phone: '13700002222', specialties: ['housing_homestead'] });
    const c = await mediator(app, s, '孙调解', { phone: '13700003333', specialties: ['contract'] });
    const d = await mediator(app, s, '张小明', { phone: '13803731234', specialties: ['contract', 'neighbor'] }); // shares a phone with party 张建国
    await app.call(
      'mediators.setStatus',
      { id: c.id, version: c.version, status: 'removed', date: '2026-11-01', reason: '违反调解纪律' },
      s,
    );
    await caseWith([a.id], [['2026-11-01', 'accept']]);
    await caseWith([b.id], [['2026-11-01', 'accept']]);
    const target = await app.call('cases.register', walkInCase(), s);

    const list = await app.call('roster.candidates', { specialty: 'contract', caseId: target.id }, s);
    expect(list.map((m) => [m.name, m.matchesSpecialty, m.openCases])).toEqual([
      ['张小明', true, 0],
      ['赵调解', true, 1],
      ['钱调解', false, 1],
    ]);
    expect(list[0]!.recusal).toContain('应当回避');
    expect(list[1]!.recusal).toBeNull();
    // Assigning the recused one is refused by the case rules.
    const res = await app.raw({
      op: 'cases.assignMediator',
      input: { id: target.id, version: target.version, mediatorId: d.id },
      session: s,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    // Without a specialty: least busy first, by name.
    expect((await app.call('roster.candidates', {}, s)).map((m) => m.name)[0]).toBe('张小明');
  });
});
