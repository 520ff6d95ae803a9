import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_REQUIRED_MESSAGE } from '../../../electron/services/court/referrals';
import { startTestApp, type TestApp } from '../../support/backend';
import { counts, mediator, referralInput, steps } from './helpers';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp(); // today is 2026-11-20
  s = await app.login();
});
afterEach(() => app.close());

async function refused(op: Parameters<TestApp['call']>[0], input: unknown) {
  const res = await app.raw({ op, input, session: s });
  if (res.ok) throw new Error(`${op} was not refused`);
  return res.error;
}

describe('registering a court referral', () => {
  it('makes a new case with the referral, a 30-day 委派 clock from the signing day, and the parties’ chosen mediator', async () => {
    const m = await mediator(app, s);
    const r = await app.call('court.registerReferral', referralInput({ mediator: { mediatorId: m.id, chosenBy: 'parties' } }), s);
    expect(r).toMatchObject({
      mode: 'delegated',
      procedure: null,
      court: '新乡市牧野区人民法院',
      referenceNumber: '（2026）豫0711民诉前调1234号',
      materialsSignedAt: '2026-11-19',
      timeLimitDays: 30,
      // Day 30 is Saturday 12-19: the period ends on Monday (民事诉讼法 第八十五条).
      dueDate: '2026-12-21',
      dueNominal: '2026-12-19',
      dueNote: '原到期日 12-19 为星期六，顺延',
      daysLeft: 31,
      workingDaysLeft: 21,
      clock: 'ok',
      mediatorNames: '赵调解',
      partyNames: '张建国 与 李秀英',
      reportTo: '刘法官',
    });
    const c = await app.call('cases.get', { id: r.caseId }, s);
    expect(c.caseNumber).toBe('（2026）牧调字第0001号');
    expect(c.source).toBe('court_delegated');
    expect(c.tier).toBe('district'); // the centre's tier
    expect(c.deadline).toBe('2026-12-21');
    expect(c.deadlineNote).toBe('原到期日 12-19 为星期六，顺延');
    expect(c.mediators).toMatchObject([{ id: m.id, chosenBy: 'parties', role: 'lead' }]);
    expect(c.timeline.map((t) => t.operation)).toEqual(['cases.register', 'court.registerReferral', 'case.assignMediator']);
    expect(c.timeline[1]!.summary).toContain('委派调解案件 （2026）豫0711民诉前调1234号');
    expect(c.timeline[1]!.summary).toContain('期限 30 日，至 2026-12-21（原到期日 12-19 为星期六，顺延）');
    expect(c.timeline[2]!.summary).toContain('当事人选定调解员 赵调解');
    // Acceptance keeps the court's deadline.
    const accepted = await steps(app, s, r.caseId, ['accept']);
    expect(accepted.deadline).toBe('2026-12-21');
  });

  it('gives 委托 15 days under ordinary procedure and 7 under simple, across a month end', async () => {
    const ordinary = await app.call(
      'court.registerReferral',
      referralInput({
        referral: {
          mode: 'entrusted',
          procedure: 'ordinary',
          referenceNumber: '(2026)豫0711民初567号',
          referredAt: '2026-10-20',
          materialsSignedAt: '2026-10-31',
        },
      }),
      s,
    );
    expect(ordinary).toMatchObject({
      referenceNumber: '（2026）豫0711民初567号',
      timeLimitDays: 15,
      dueDate: '2026-11-16',
      clock: 'overdue',
      daysLeft: -4,
    }); // 11-15 is a Sunday
    const simple = await app.call(
      'court.registerReferral',
      referralInput({
        referral: { mode: 'entrusted', procedure: 'simple', referenceNumber: '（2026）豫0711民初568号', materialsSignedAt: '2026-11-19' },
      }),
      s,
    );
    expect(simple).toMatchObject({ timeLimitDays: 7, dueDate: '2026-11-26', clock: 'ok', daysLeft: 6 });
    expect((await app.call('cases.get', { id: simple.caseId }, s)).source).toBe('court_entrusted');
  });

  it('refuses a referral without a court reference number, or with one that is not a court’s, and saves nothing', async () => {
    const before = counts(app);
    const missing = await refused('court.registerReferral', referralInput({ referral: { referenceNumber: '' } }));
    expect(missing).toMatchObject({ code: 'VALIDATION', message: '请填写法院案号' });
    expect(missing.fields).toHaveProperty(['referral.referenceNumber'], '请填写法院案号');
    const noYear = await refused('court.registerReferral', referralInput({ referral: { referenceNumber: '豫0711民诉前调1234号' } }));
    expect(noYear.message).toContain('法院案号应以括号中的年份开头');
    const noHao = await refused('court.registerReferral', referralInput({ referral: { referenceNumber: '（2026）豫0711民诉前调1234' } }));
    expect(noHao.message).toContain('应以“号”结尾');
    expect(counts(app)).toEqual(before);
  });

  it('refuses a signing date in the future or before the referral, and 委托 without a procedure', async () => {
    const before = counts(app);
    const future = await refused('court.registerReferral', referralInput({ referral: { materialsSignedAt: '2026-11-21' } }));
    expect(future).toMatchObject({ code: 'VALIDATION' });
    expect(future.message).toContain('签收材料日期不能晚于今天（2026-11-20）');
    const early = await refused(
      'court.registerReferral',
      referralInput({ referral: { referredAt: '2026-11-19', materialsSignedAt: '2026-11-18' } }),
    );
    expect(early.message).toBe('签收材料日期不能早于委派/委托日期（2026-11-19）');
    const noProcedure = await refused('court.registerReferral', referralInput({ referral: { mode: 'entrusted' } }));
    expect(noProcedure.message).toContain('委托调解须选择法院适用普通程序还是简易程序');
    expect(counts(app)).toEqual(before);
  });

  it('refuses a suspended mediator, and a mediator who must recuse, with nothing half-saved', async () => {
    const m = await mediator(app, s, '钱调解');
    await app.call(
      'mediators.setStatus',
      { id: m.id, version: m.version, status: 'suspended', date: '2026-11-10', reason: '年度考核不合格' },
      s,
    );
    const before = counts(app);
    const e = await refused('court.registerReferral', referralInput({ mediator: { mediatorId: m.id, chosenBy: 'parties' } }));
    expect(e).toMatchObject({ code: 'REFUSED', message: '调解员钱调解当前状态为“暂停”（年度考核不合格），不能指派' });
    const relative = await mediator(app, s, '张小明', { phone: '13803731234' });
    const before2 = counts(app);
    const r = await refused('court.registerReferral', referralInput({ mediator: { mediatorId: relative.id, chosenBy: 'assigned' } }));
    expect(r.message).toContain('应当回避');
    expect(counts(app)).toEqual(before2);
    expect(before2.cases).toBe(before.cases);
    // The case number was not used up: the next registration still gets 0001.
    const ok = await app.call('court.registerReferral', referralInput(), s);
    expect(ok.caseNumber).toBe('（2026）牧调字第0001号');
  });

  it('refuses the same court reference twice', async () => {
    await app.call('court.registerReferral', referralInput(), s);
    const before = counts(app);
    const e = await refused('court.registerReferral', referralInput({ referral: { referenceNumber: '(2026)豫0711民诉前调1234号' } }));
    expect(e).toMatchObject({ code: 'REFUSED' });
    expect(e.message).toContain('已登记为本中心案件 （2026）牧调字第0001号');
    expect(counts(app)).toEqual(before);
  });

  it('is for court mediators and administrators only', async () => {
    await app.call('users.create', { loginName: 'wangfang', displayName: '王芳', role: 'mediator', password: 'Tiaojie2026' }, s);
    await app.call('users.create', { loginName: 'zhoujing', displayName: '周静', role: 'court_mediator', password: 'Fayuan2026' }, s);
    const mediatorSession = await app.login('wangfang', 'Tiaojie2026');
    const res = await app.raw({ op: 'court.registerReferral', input: referralInput(), session: mediatorSession });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const court = await app.login('zhoujing', 'Fayuan2026');
    const r = await app.call('court.registerReferral', referralInput(), court);
    expect(r.caseNumber).toBe('（2026）牧调字第0001号');
  });
});

describe('extending the time limit', () => {
  it('refuses without both parties’ recorded consent, and changes nothing', async () => {
    const r = await app.call('court.registerReferral', referralInput(), s);
    const before = counts(app);
    const none = await refused('court.extend', { id: r.caseId, version: r.caseVersion, days: 10 });
    expect(none).toMatchObject({ code: 'REFUSED', message: CONSENT_REQUIRED_MESSAGE });
    const unticked = await refused('court.extend', {
      id: r.caseId,
      version: r.caseVersion,
      days: 10,
      consent: '申请人口头同意',
      bothConsented: false,
    });
    expect(unticked.message).toBe(CONSENT_REQUIRED_MESSAGE);
    const noText = await refused('court.extend', { id: r.caseId, version: r.caseVersion, days: 10, bothConsented: true });
    expect(noText.message).toBe(CONSENT_REQUIRED_MESSAGE);
    expect(counts(app)).toEqual(before);
    expect(await app.call('court.referral', { caseId: r.caseId }, s)).toMatchObject({ extensionDays: 0, dueDate: '2026-12-21' });
  });

  it('adds the days, moves the case deadline and raises the case version', async () => {
    const r = await app.call('court.registerReferral', referralInput(), s);
    const x = await app.call(
      'court.extend',
      {
        id: r.caseId,
        version: r.caseVersion,
        days: 15,
        bothConsented: true,
        consent: '双方当事人在调解笔录上签字同意延长',
        reason: '需等待鉴定结论',
      },
      s,
    );
    // 11-19 + 45 = Sunday 2027-01-03, moved to Monday (2027's schedule is not in yet: weekends only).
    expect(x).toMatchObject({ extensionDays: 15, dueDate: '2027-01-04', caseVersion: r.caseVersion + 1 });
    expect(x.extensionConsent).toContain('2026-11-20 延长15日：双方当事人在调解笔录上签字同意延长（理由：需等待鉴定结论）');
    const c = await app.call('cases.get', { id: r.caseId }, s);
    expect(c.deadline).toBe('2027-01-04');
    expect(c.timeline.at(-1)!.summary).toBe(
      '经双方当事人同意延长调解期限 15 日（双方当事人在调解笔录上签字同意延长），期限由 2026-12-21 延至 2027-01-04（原到期日 01-03 为星期日，顺延）',
    );
    // A stale version is refused (已被他人修改).
    const stale = await refused('court.extend', {
      id: r.caseId,
      version: r.caseVersion,
      days: 5,
      bothConsented: true,
      consent: '书面同意',
    });
    expect(stale.code).toBe('CONFLICT');
  });

  it('refuses once the period has run out', async () => {
    const r = await app.call(
      'court.registerReferral',
      referralInput({ referral: { mode: 'entrusted', procedure: 'simple', referredAt: '2026-11-01', materialsSignedAt: '2026-11-02' } }),
      s,
    );
    expect(r.dueDate).toBe('2026-11-09');
    const e = await refused('court.extend', { id: r.caseId, version: r.caseVersion, days: 5, bothConsented: true, consent: '书面同意' });
    expect(e.message).toContain('调解期限已于 2026-11-09 届满');
  });
});

describe('reporting the result to the court', () => {
  async function mediating(overrides: Parameters<typeof referralInput>[0] = {}) {
    const m = await mediator(app, s, `调解员${Math.random().toString(36).slice(2, 6)}`);
    const r = await app.call(
      'court.registerReferral',
      referralInput({ ...overrides, mediator: { mediatorId: m.id, chosenBy: 'assigned' } }),
      s,
    );
    const c = await steps(app, s, r.caseId, ['accept', 'start']);
    return { ...r, caseVersion: c.version };
  }

  it('records an agreement: the case takes the step, the clock stops, the 司法确认 window opens', async () => {
    const r = await mediating();
    const x = await app.call(
      'court.reportResult',
      { id: r.caseId, version: r.caseVersion, result: 'agreement', reportedAt: '2026-11-20', agreementEffectiveAt: '2026-11-20' },
      s,
    );
    expect(x).toMatchObject({
      result: 'agreement',
      resultReportedAt: '2026-11-20',
      clock: 'reported',
      daysLeft: null,
      status: 'agreement',
      materialsReturned: false,
    });
    const c = await app.call('cases.get', { id: r.caseId }, s);
    expect(c.outcome).toBe('agreement');
    expect(c.agreementEffectiveAt).toBe('2026-11-20');
    expect(c.timeline.map((t) => t.operation).slice(-2)).toEqual(['case.agree', 'court.reportResult']);
    expect(c.timeline.at(-1)!.summary).toBe('2026-11-20 向新乡市牧野区人民法院报告调解结果：调解成功（达成协议）');
    const again = await refused('court.reportResult', { id: r.caseId, version: c.version, result: 'agreement', reportedAt: '2026-11-20' });
    expect(again.message).toContain('不能重复报告');
  });

  it('sends the materials of a failed 委派 back to the court, but not those of a 委托', async () => {
    const d = await mediating();
    const noReason = await refused('court.reportResult', {
      id: d.caseId,
      version: d.caseVersion,
      result: 'failed',
      reportedAt: '2026-11-20',
    });
    expect(noReason.message).toBe('调解不成须填写原因');
    const failed = await app.call(
      'court.reportResult',
      { id: d.caseId, version: d.caseVersion, result: 'failed', reason: '被告否认欠款，双方分歧较大', reportedAt: '2026-11-20' },
      s,
    );
    expect(failed).toMatchObject({ result: 'failed', materialsReturned: true, status: 'failed' });
    expect((await app.call('cases.get', { id: d.caseId }, s)).timeline.at(-1)!.summary).toContain('材料退回法院');
    const e = await mediating({ referral: { mode: 'entrusted', procedure: 'ordinary', referenceNumber: '（2026）豫0711民初99号' } });
    const failed2 = await app.call(
      'court.reportResult',
      { id: e.caseId, version: e.caseVersion, result: 'failed', reason: '分歧较大', reportedAt: '2026-11-20' },
      s,
    );
    expect(failed2.materialsReturned).toBe(false);
  });

  it('refuses a result the case cannot have, or one that contradicts its outcome, and changes nothing', async () => {
    const r = await app.call('court.registerReferral', referralInput(), s);
    const before = counts(app);
    const early = await refused('court.reportResult', {
      id: r.caseId,
      version: r.caseVersion,
      result: 'agreement',
      reportedAt: '2026-11-20',
    });
    expect(early).toMatchObject({ code: 'ILLEGAL_STEP' });
    expect(early.message).toContain('请先受理并开始调解');
    const future = await refused('court.reportResult', {
      id: r.caseId,
      version: r.caseVersion,
      result: 'withdrawn',
      reportedAt: '2026-11-21',
    });
    expect(future.message).toBe('报告日期不能晚于今天（2026-11-20）');
    expect(counts(app)).toEqual(before);

    const m = await mediating({ referral: { referenceNumber: '（2026）豫0711民诉前调77号' } });
    const c = await app.call('cases.step', { id: m.caseId, version: m.caseVersion, action: 'fail', reason: '双方不愿继续' }, s);
    const mismatch = await refused('court.reportResult', {
      id: m.caseId,
      version: c.version,
      result: 'agreement',
      reportedAt: '2026-11-20',
    });
    expect(mismatch.message).toBe('案件记录的结果为“调解不成”，与报告的结果“调解成功（达成协议）”不一致');
    const ok = await app.call(
      'court.reportResult',
      { id: m.caseId, version: c.version, result: 'failed', reason: '双方不愿继续', reportedAt: '2026-11-20' },
      s,
    );
    expect(ok.caseVersion).toBe(c.version + 1); // the referral travels inside the case record
  });
});

describe('the docking point’s list', () => {
  it('lists running referrals by days left, overdue first, then those ended but not reported, then those reported', async () => {
    const ok = await app.call(
      'court.registerReferral',
      referralInput({ referral: { referenceNumber: '（2026）豫0711民诉前调1号', materialsSignedAt: '2026-11-19' } }),
      s,
    );
    const overdue = await app.call(
      'court.registerReferral',
      referralInput({
        referral: { referenceNumber: '（2026）豫0711民诉前调2号', referredAt: '2026-10-01', materialsSignedAt: '2026-10-10' },
      }),
      s,
    );
    const near = await app.call(
      'court.registerReferral',
      referralInput({
        referral: {
          mode: 'entrusted',
          procedure: 'simple',
          referenceNumber: '（2026）豫0711民初3号',
          referredAt: '2026-11-14',
          materialsSignedAt: '2026-11-15',
        },
      }),
      s,
    );
    const m = await mediator(app, s);
    await app.call('cases.assignMediator', { id: ok.caseId, version: ok.caseVersion, mediatorId: m.id, chosenBy: 'parties' }, s);
    const c = await steps(app, s, ok.caseId, ['accept', 'start']);
    await app.call('court.reportResult', { id: ok.caseId, version: c.version, result: 'withdrawn', reportedAt: '2026-11-20' }, s);
    const late = await app.call(
      'court.registerReferral',
      referralInput({ referral: { referenceNumber: '（2026）豫0711民诉前调4号', materialsSignedAt: '2026-11-20' } }),
      s,
    );

    const open = await app.call('court.referrals', { status: 'open' }, s);
    expect(open.map((r) => [r.caseId, r.daysLeft, r.clock])).toEqual([
      [overdue.caseId, -11, 'overdue'],
      [near.caseId, 3, 'near'], // 11-22 is a Sunday: due 11-23
      [late.caseId, 31, 'ok'], // 12-20 is a Sunday: due 12-21
    ]);
    const all = await app.call('court.referrals', { status: 'all' }, s);
    expect(all.map((r) => r.caseId)).toEqual([overdue.caseId, near.caseId, late.caseId, ok.caseId]);
    expect((await app.call('court.referrals', { status: 'reported' }, s)).map((r) => r.result)).toEqual(['withdrawn']);
    // A mediation that ended (调解不成) before its result went to the court: neither 办理中 nor 已超期.
    const ended = await app.call(
      'court.registerReferral',
      referralInput({
        referral: { referenceNumber: '（2026）豫0711民诉前调5号', referredAt: '2026-09-01', materialsSignedAt: '2026-09-02' },
        mediator: { mediatorId: m.id, chosenBy: 'assigned' },
      }),
      s,
    );
    await steps(app, s, ended.caseId, ['accept', 'start', 'fail']);
    const openNow = await app.call('court.referrals', { status: 'open' }, s);
    expect(openNow.map((r) => r.caseId)).not.toContain(ended.caseId);
    expect(openNow.filter((r) => r.clock === 'overdue').map((r) => r.caseId)).toEqual([overdue.caseId]);
    const owed = await app.call('court.referrals', { status: 'unreported' }, s);
    expect(owed.map((r) => [r.caseId, r.clock, r.daysLeft, r.workingDaysLeft, r.status])).toEqual([
      [ended.caseId, 'closed', null, null, 'failed'],
    ]);
    expect((await app.call('court.referrals', { status: 'all' }, s)).map((r) => r.caseId)).toEqual([
      overdue.caseId,
      near.caseId,
      late.caseId,
      ended.caseId,
      ok.caseId,
    ]);
    await expect(app.call('court.referrals', { status: 'overdue' } as never, s)).rejects.toMatchObject({ code: 'VALIDATION' });

    expect(
      await app.call(
        'court.referral',
        { caseId: (await app.call('cases.register', (await import('../../support/cases')).walkInCase(), s)).id },
        s,
      ),
    ).toBeNull();
  });
});
