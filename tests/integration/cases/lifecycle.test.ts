import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_CODES, STATUSES, canStep, type ActionCode, type Status } from '../../../electron/common/domain/lifecycle';
import { partiesEditable } from '../../../electron/common/domain/lifecycle';
import { startTestApp, type TestApp } from '../../support/backend';
import { COMPLETE_AGREEMENT, walkInCase } from '../../support/cases';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

async function mediator(name = '赵调解', extra: Record<string, unknown> = {}) {
  return app.call(
    'mediators.create',
    { name, kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700001111', specialties: ['housing_homestead'], ...extra },
    s,
  );
}

/** Drive a new case to a given status through legal steps only. */
async function caseIn(status: Status) {
  let c = await app.call('cases.register', walkInCase(), s);
  const step = async (action: ActionCode, extra: Record<string, unknown> = {}) => {
    c = await app.call('cases.step', { id: c.id, version: c.version, action, ...extra }, s);
  };
  if (status === 'registered') return c;
  if (status === 'rejected') return (await step('reject', { reason: '不属于人民调解范围' }), c);
  if (status === 'transferred') return (await step('transfer', { targetUnit: '王村镇司法所', reason: '属地管辖' }), c);
  await step('accept');
  if (status === 'accepted') return c;
  if (status === 'withdrawn') return (await step('withdraw', { reason: '当事人撤回申请' }), c);
  const m = await mediator();
  c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
  await step('start');
  if (status === 'mediating') return c;
  if (status === 'agreement' || status === 'closed') await step('agree', { agreement: COMPLETE_AGREEMENT });
  if (status === 'failed') await step('fail', { reason: '双方分歧较大' });
  if (status === 'closed') await step('close');
  return c;
}

describe('the life cycle through the API', () => {
  it('registers with a gapless number in the committee format and an audit event', async () => {
    const a = await app.call('cases.register', walkInCase(), s);
    const b = await app.call('cases.register', walkInCase({ title: '第二件' }), s);
    expect(a.caseNumber).toBe('（2026）牧调字第0001号');
    expect(b.caseNumber).toBe('（2026）牧调字第0002号');
    expect(a.status).toBe('registered');
    expect(a.parties.map((p) => p.name)).toEqual(['张建国', '李秀英']);
    expect(a.parties[0]!.birthDate).toBe('1968-03-12'); // filled from the ID number
    expect(a.parties[0]!.sex).toBe('male');
    expect(a.amountFen).toBe(500000);
    expect(a.timeline[0]!.summary).toContain('登记案件 （2026）牧调字第0001号');
  });

  it('sets the deadline from the source default on acceptance', async () => {
    const c = await caseIn('accepted');
    expect(c.acceptedAt).toMatch(/^2026-11-20T09:00:00/);
    // 30 days from 11-20 end on Sunday 12-20: the deadline is the Monday (民事诉讼法 第八十五条).
    expect(c.deadline).toBe('2026-12-21');
    expect(c.deadlineNote).toBe('原到期日 12-20 为星期日，顺延');
    expect(c.deadlineState).toBe('ok');
  });

  it('honours a per-source deadline configured in settings', async () => {
    await app.call('settings.update', { deadlineDays: { walk_in: 10 } }, s);
    expect((await caseIn('accepted')).deadline).toBe('2026-11-30');
  });

  it('refuses every illegal step and allows every legal one', async () => {
    for (const status of STATUSES) {
      for (const action of ACTION_CODES) {
        if (canStep(status, action)) continue;
        const c = await caseIn(status);
        const res = await app.raw({
          op: 'cases.step',
          input: { id: c.id, version: c.version, action, reason: '理由', targetUnit: '某单位' },
          session: s,
        });
        expect(res, `${status} + ${action}`).toMatchObject({ ok: false, error: { code: 'ILLEGAL_STEP' } });
      }
    }
    const closed = await caseIn('closed');
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toBe('agreement');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.timeline.map((t) => t.operation)).toEqual([
      'cases.register',
      'case.accept',
      'case.assignMediator',
      'case.start',
      'case.agree',
      'case.close',
    ]);
  }, 60_000);

  it('requires a reason to reject and a unit to transfer', async () => {
    const c = await caseIn('registered');
    const r = await app.raw({ op: 'cases.step', input: { id: c.id, version: c.version, action: 'reject' }, session: s });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const t = await app.raw({ op: 'cases.step', input: { id: c.id, version: c.version, action: 'transfer', reason: '属地' }, session: s });
    expect(t).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await app.call('cases.get', { id: c.id }, s)).status).toBe('registered');
  });

  it('will not start mediation without a mediator', async () => {
    const c = await caseIn('accepted');
    expect(await app.raw({ op: 'cases.step', input: { id: c.id, version: c.version, action: 'start' }, session: s })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: '请先指派调解员，再开始调解' },
    });
  });

  it('refuses the second of two edits made from the same version (已被他人修改)', async () => {
    const c = await caseIn('accepted');
    await app.call('cases.update', { id: c.id, version: c.version, patch: { title: '甲改的标题' } }, s);
    const second = await app.raw({
      op: 'cases.update',
      input: { id: c.id, version: c.version, patch: { title: '乙改的标题' } },
      session: s,
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!second.ok) expect(second.error.message).toContain('已被他人修改');
    expect((await app.call('cases.get', { id: c.id }, s)).title).toBe('甲改的标题');
  });

  it('edits the deadline only with a reason and never before registration', async () => {
    const c = await caseIn('accepted');
    const early = await app.raw({
      op: 'cases.setDeadline',
      input: { id: c.id, version: c.version, deadline: '2026-11-01', reason: '延期' },
      session: s,
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const noReason = await app.raw({
      op: 'cases.setDeadline',
      input: { id: c.id, version: c.version, deadline: '2027-01-10', reason: '' },
      session: s,
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await app.call(
      'cases.setDeadline',
      { id: c.id, version: c.version, deadline: '2027-01-10', reason: '当事人外出务工，经双方同意延期' },
      s,
    );
    expect(ok.deadline).toBe('2027-01-10');
    expect(ok.timeline.at(-1)!.summary).toContain('当事人外出务工');
  });

  it('records sessions only while mediating, and several of them', async () => {
    const accepted = await caseIn('accepted');
    expect(
      await app.raw({
        op: 'sessions.add',
        input: { caseId: accepted.id, session: { heldAt: '2026-11-20T10:00', place: '调解室', participants: '张建国、李秀英' } },
        session: s,
      }),
    ).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    const c = await caseIn('mediating');
    await app.call(
      'sessions.add',
      {
        caseId: c.id,
        session: { heldAt: '2026-11-20T10:00', place: '王村调解室', participants: '张建国、李秀英', record: '双方陈述各自意见。' },
      },
      s,
    );
    const after = await app.call(
      'sessions.add',
      {
        caseId: c.id,
        session: { heldAt: '2026-11-20T15:00', place: '现场', participants: '张建国、李秀英、村干部', record: '现场测量边界。' },
      },
      s,
    );
    expect(after.sessions.map((x) => x.place)).toEqual(['王村调解室', '现场']);
    const future = await app.raw({
      op: 'sessions.add',
      input: { caseId: c.id, session: { heldAt: '2027-05-01T10:00', place: '调解室', participants: '双方' } },
      session: s,
    });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('escalates a case up a tier, keeping its status, and refuses beyond the district', async () => {
    const c = await caseIn('accepted');
    const town = await app.call('cases.escalate', { id: c.id, version: c.version, reason: '涉及多户，村级难以化解' }, s);
    expect(town).toMatchObject({ tier: 'town', originTier: 'village', status: 'accepted' });
    const district = await app.call('cases.escalate', { id: town.id, version: town.version, reason: '疑难' }, s);
    expect(district.tier).toBe('district');
    expect(
      await app.raw({ op: 'cases.escalate', input: { id: district.id, version: district.version, reason: '再报' }, session: s }),
    ).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('lets an intake clerk register but not move a case on', async () => {
    await app.call('users.create', { loginName: 'clerk', displayName: '窗口小刘', role: 'intake', password: 'Clerk1234' }, s);
    const clerk = await app.login('clerk', 'Clerk1234');
    const c = await app.call('cases.register', walkInCase(), clerk);
    expect(await app.raw({ op: 'cases.step', input: { id: c.id, version: c.version, action: 'accept' }, session: clerk })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('mediators on a case', () => {
  it('refuses a mediator who is a party, or shares a phone with one, and a suspended mediator', async () => {
    const c = await caseIn('accepted');
    const self = await mediator('张建国', { phone: '13803731234' });
    const res = await app.raw({ op: 'cases.assignMediator', input: { id: c.id, version: c.version, mediatorId: self.id }, session: s });
    expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    if (!res.ok) expect(res.error.message).toContain('回避');
    const relative = await mediator('张小军', { phone: '13803731234' });
    const rel = await app.raw({ op: 'cases.assignMediator', input: { id: c.id, version: c.version, mediatorId: relative.id }, session: s });
    if (!rel.ok) expect(rel.error.message).toContain('近亲属');
    expect(rel.ok).toBe(false);
    const suspended = await mediator('钱调解', { phone: '13600002222' });
    await app.call(
      'mediators.setStatus',
      { id: suspended.id, version: suspended.version, status: 'suspended', date: '2026-11-01', reason: '考核不合格' },
      s,
    );
    const sus = await app.raw({
      op: 'cases.assignMediator',
      input: { id: c.id, version: c.version, mediatorId: suspended.id },
      session: s,
    });
    expect(sus).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    if (!sus.ok) expect(sus.error.message).toContain('暂停');
    const ok = await mediator('孙调解', { phone: '13600003333' });
    const assigned = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: ok.id, chosenBy: 'parties' }, s);
    expect(assigned.mediators.map((m) => m.name)).toEqual(['孙调解']);
    expect(assigned.timeline.at(-1)!.summary).toContain('当事人选定调解员 孙调解');
  });
});

describe('closing a case on an agreement (人民调解法 Art. 29)', () => {
  it('is refused while the agreement could not be printed, naming what is missing, and allowed once complete', async () => {
    const m = await app.call('mediators.create', { name: '孙调解', kind: 'resident', specialties: [] }, s);
    let c = await app.call('cases.register', walkInCase(), s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    const agreement = { terms: ['被申请人于2026年12月31日前拆除越界院墙'] };
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'agree', agreement }, s);
    const refused = await app.raw({ op: 'cases.step', session: s, input: { id: c.id, version: c.version, action: 'close' } });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED',
        message: '调解协议还缺：各方当事人的责任、履行方式、履行期限（人民调解法第二十九条），补齐后才能结案',
        fields: {
          'agreement.responsibility': '请填写各方当事人的责任',
          'agreement.performanceMethod': '请填写履行方式',
          'agreement.performanceDeadline': '请填写履行期限',
        },
      },
    });
    expect((await app.call('cases.get', { id: c.id }, s)).status).toBe('agreement');
    c = await app.call('cases.setAgreement', { id: c.id, version: c.version, agreement: COMPLETE_AGREEMENT }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'close' }, s);
    expect(c.status).toBe('closed');
  });
});

describe('a record of undisputed facts needs two parties', () => {
  it('is refused where it is started on a one-party case, and works once the other party is added, even after 调解不成', async () => {
    const m = await app.call('mediators.create', { name: '钱调解', kind: 'resident', specialties: [] }, s);
    const input = walkInCase();
    let c = await app.call('cases.register', { ...input, parties: input.parties.slice(0, 1) }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    const undisputed = {
      consent: true,
      facts: ['双方确认院墙系2025年翻建'],
      disputedPoints: ['越界宽度'],
      failureReason: '双方对越界宽度各执一词',
    };
    expect(await app.raw({ op: 'cases.setUndisputed', session: s, input: { id: c.id, version: c.version, undisputed } })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: '无争议事实记载需要至少两方当事人：请先在“当事人”中添加对方当事人' },
    });
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'fail', reason: '双方分歧较大' }, s);
    // After 调解不成 the way to fix it stays open: the party is added, then the record saved.
    expect(partiesEditable(c.status)).toBe(true);
    c = await app.call('parties.add', { id: c.id, version: c.version, party: input.parties[1]! }, s);
    c = await app.call('cases.setUndisputed', { id: c.id, version: c.version, undisputed }, s);
    expect(c.undisputed?.facts).toEqual(['双方确认院墙系2025年翻建']);
  });
});
