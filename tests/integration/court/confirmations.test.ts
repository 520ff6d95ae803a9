import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCLUDED_MATTERS } from '../../../electron/common/domain/confirmation';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { agreedCase, counts, dayIs } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

const COURT = '新乡市牧野区人民法院';

async function refused(op: Parameters<TestApp['call']>[0], input: unknown, s: string) {
  const res = await app.raw({ op, input, session: s });
  if (res.ok) throw new Error(`${op} was not refused`);
  return res.error;
}

describe('the 30-day window', () => {
  it('is open, closing in its last week, still open on day 30 and closed on day 31', async () => {
    // Day 30 (2026-11-11) is a Wednesday: nothing moves.
    const { c } = await agreedCase(app, '2026-10-12');
    let s = await dayIs(app, '2026-10-13');
    expect((await app.call('confirmations.get', { caseId: c.id }, s)).window).toEqual({
      firstDay: '2026-10-12',
      lastDay: '2026-11-11',
      lastDayNote: null,
      state: 'open',
      daysLeft: 29,
      workingDaysLeft: 21,
    });
    s = await dayIs(app, '2026-11-04');
    expect((await app.call('confirmations.get', { caseId: c.id }, s)).window).toMatchObject({ state: 'closing', daysLeft: 7 });
    s = await dayIs(app, '2026-11-11');
    expect((await app.call('confirmations.get', { caseId: c.id }, s)).window).toMatchObject({
      state: 'closing',
      daysLeft: 0,
      workingDaysLeft: 0,
    });
    const st = await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-11' }, s);
    expect(st.confirmation).toMatchObject({ court: COURT, appliedAt: '2026-11-11', acceptedAt: null, ruling: null, version: 1 });
    s = await dayIs(app, '2026-11-12');
    expect((await app.call('confirmations.get', { caseId: c.id }, s)).window).toMatchObject({ state: 'closed', daysLeft: -1 });
  });

  it('refuses an application on day 31, with the legal reason, and saves nothing', async () => {
    const { c } = await agreedCase(app, '2026-10-12');
    const s = await dayIs(app, '2026-11-12');
    const before = counts(app);
    const e = await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-12' }, s);
    expect(e).toMatchObject({ code: 'REFUSED' });
    expect(e.message).toBe(
      '已超过申请司法确认的期限：协议于 2026-10-12 生效，双方当事人应当自协议生效之日起30日内（至 2026-11-11）共同申请（《人民调解法》第三十三条、《民事诉讼法》第二百零五条）',
    );
    expect(counts(app)).toEqual(before);
    // Recording, late, an application that was made in time is allowed.
    const ok = await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-10' }, s);
    expect(ok.confirmation!.appliedAt).toBe('2026-11-10');
  });

  it('ends on the next working day when day 30 is a rest day (民事诉讼法 第八十五条)', async () => {
    // Effective on National Day: day 30 is Saturday 10-31, so the window runs to Monday 11-02.
    const { c } = await agreedCase(app, '2026-10-01');
    let s = await dayIs(app, '2026-10-31');
    expect((await app.call('confirmations.get', { caseId: c.id }, s)).window).toMatchObject({
      lastDay: '2026-11-02',
      lastDayNote: '原到期日 10-31 为星期六，顺延',
      state: 'closing',
      daysLeft: 2,
      workingDaysLeft: 1,
    });
    s = await dayIs(app, '2026-11-03');
    const before = counts(app);
    const e = await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-03' }, s);
    expect(e.message).toContain('（至 2026-11-02）');
    expect(counts(app)).toEqual(before);
    expect(
      (await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-02' }, s)).confirmation!.appliedAt,
    ).toBe('2026-11-02');
  });

  it('counts across a month end in a leap year (2028-01-31 → 2028-03-01)', async () => {
    const { c } = await agreedCase(app, '2028-01-31');
    const s = await dayIs(app, '2028-03-02');
    const st = await app.call('confirmations.get', { caseId: c.id }, s);
    expect(st.window).toMatchObject({ lastDay: '2028-03-01', state: 'closed' });
    expect((await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2028-03-02' }, s)).code).toBe('REFUSED');
    expect(
      (await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2028-03-01' }, s)).confirmation!.appliedAt,
    ).toBe('2028-03-01');
  });

  it('refuses dates before the agreement or in the future', async () => {
    const { c, s } = await agreedCase(app, '2026-11-20');
    expect((await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-19' }, s)).message).toBe(
      '申请日期不能早于协议生效日期（2026-11-20）',
    );
    expect((await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-21' }, s)).message).toBe(
      '申请日期不能晚于今天（2026-11-20）',
    );
  });
});

describe('what can be confirmed', () => {
  it.each(EXCLUDED_MATTERS.map((m) => [m.code, m.reason]))('refuses an agreement on %s with the legal reason', async (matter, reason) => {
    const { c, s } = await agreedCase(app, '2026-11-20');
    const before = counts(app);
    const e = await refused('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-20', matter }, s);
    expect(e).toMatchObject({ code: 'REFUSED', message: reason });
    expect(e.message).toContain('不能申请司法确认');
    expect(counts(app)).toEqual(before);
  });

  it('refuses a case without an agreement, and a second application for the same case', async () => {
    let s = await dayIs(app, '2026-11-20');
    const open = await app.call('cases.register', walkInCase(), s);
    const st = await app.call('confirmations.get', { caseId: open.id }, s);
    expect(st).toMatchObject({ eligible: false, window: null, confirmation: null });
    expect(st.ineligibleReason).toContain('只有达成调解协议的案件才能申请司法确认');
    expect((await refused('confirmations.apply', { caseId: open.id, court: COURT, appliedAt: '2026-11-20' }, s)).code).toBe('REFUSED');

    const { c } = await agreedCase(app, '2026-11-20');
    s = await app.login();
    await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-20' }, s);
    const before = counts(app);
    const twice = await refused('confirmations.apply', { caseId: c.id, court: '新乡市红旗区人民法院', appliedAt: '2026-11-20' }, s);
    expect(twice.message).toContain('一个案件只登记一次申请');
    expect(counts(app)).toEqual(before);
  });
});

describe('acceptance and ruling', () => {
  it('records acceptance (调确字/民特) then the ruling, in order, with version checks', async () => {
    const { c } = await agreedCase(app, '2026-11-02');
    const s = await dayIs(app, '2026-11-20');
    let st = await app.call('confirmations.apply', { caseId: c.id, court: COURT, appliedAt: '2026-11-05' }, s);
    const conf = st.confirmation!;
    // A ruling needs an acceptance first.
    expect(
      (await refused('confirmations.rule', { id: conf.id, version: conf.version, ruling: 'confirmed', ruledAt: '2026-11-10' }, s)).message,
    ).toBe('法院尚未受理该申请，请先登记受理日期和案号');
    // The acceptance number must be the court's 调确字 or 民特 number.
    const bad = await refused(
      'confirmations.accept',
      { id: conf.id, version: conf.version, acceptedAt: '2026-11-06', acceptanceNumber: '（2026）豫0711民初12号' },
      s,
    );
    expect(bad).toMatchObject({ code: 'VALIDATION' });
    expect(bad.message).toContain('调确字或民特');
    expect(
      (
        await refused(
          'confirmations.accept',
          { id: conf.id, version: conf.version, acceptedAt: '2026-11-04', acceptanceNumber: '（2026）豫0711民特12号' },
          s,
        )
      ).message,
    ).toBe('受理日期不能早于申请日期（2026-11-05）');
    st = await app.call(
      'confirmations.accept',
      { id: conf.id, version: conf.version, acceptedAt: '2026-11-06', acceptanceNumber: '(2026)豫0711调确字3号' },
      s,
    );
    expect(st.confirmation).toMatchObject({ acceptedAt: '2026-11-06', acceptanceNumber: '（2026）豫0711调确字3号', version: 2 });
    // Stale version.
    expect((await refused('confirmations.rule', { id: conf.id, version: 1, ruling: 'confirmed', ruledAt: '2026-11-10' }, s)).code).toBe(
      'CONFLICT',
    );
    expect((await refused('confirmations.rule', { id: conf.id, version: 2, ruling: 'confirmed', ruledAt: '2026-11-05' }, s)).message).toBe(
      '裁定日期不能早于受理日期（2026-11-06）',
    );
    st = await app.call('confirmations.rule', { id: conf.id, version: 2, ruling: 'confirmed', ruledAt: '2026-11-12', note: '协议有效' }, s);
    expect(st.confirmation).toMatchObject({ ruling: 'confirmed', ruledAt: '2026-11-12', note: '协议有效', version: 3 });
    expect(
      (await refused('confirmations.rule', { id: conf.id, version: 3, ruling: 'dismissed', ruledAt: '2026-11-13' }, s)).message,
    ).toContain('不能重复登记');
    const detail = await app.call('cases.get', { id: c.id }, s);
    expect(detail.timeline.slice(-3).map((t) => t.summary)).toEqual([
      `2026-11-05 双方当事人共同向${COURT}申请司法确认`,
      `${COURT}于 2026-11-06 受理司法确认申请，案号 （2026）豫0711调确字3号`,
      `${COURT}于 2026-11-12 裁定确认协议有效（（2026）豫0711调确字3号）：协议有效`,
    ]);
  });

  it('is for mediators, not the intake counter', async () => {
    const { c, s } = await agreedCase(app, '2026-11-20');
    await app.call('users.create', { loginName: 'zhaolei', displayName: '赵磊', role: 'intake', password: 'Dengji2026' }, s);
    const intake = await app.login('zhaolei', 'Dengji2026');
    expect(
      await app.raw({ op: 'confirmations.apply', input: { caseId: c.id, court: COURT, appliedAt: '2026-11-20' }, session: intake }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
