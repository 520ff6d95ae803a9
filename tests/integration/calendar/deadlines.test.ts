/**
 * Deadlines counted on the legal calendar through the API: a court-delegated case received on
 * 2026-09-01 falls due after National Day, the statistics count 超期 against that corrected day,
 * and entering, importing or removing a year recomputes open deadlines with an audit event.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { dayIs, referralInput } from '../court/helpers';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp({ now: '2026-09-01T09:00:00+08:00' });
});
afterEach(() => app.close());

async function refused(op: Parameters<TestApp['call']>[0], input: unknown, s: string) {
  const res = await app.raw({ op, input, session: s });
  if (res.ok) throw new Error(`${op} was not refused`);
  return res.error;
}

/** A made-up 2027 schedule for the tests (the State Council had not published it in the data). */
const YEAR_2027 = {
  year: 2027,
  holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' },
  workdays: {},
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
};

describe('a court-delegated case received on 2026-09-01', () => {
  it('falls due on 2026-10-08, and every screen’s data says why', async () => {
    const s = await app.login();
    const r = await app.call(
      'court.registerReferral',
      referralInput({
        referral: { referenceNumber: '（2026）豫0711民诉前调901号', referredAt: '2026-09-01', materialsSignedAt: '2026-09-01' },
      }),
      s,
    );
    expect(r).toMatchObject({ dueDate: '2026-10-08', dueNominal: '2026-10-01', dueNote: '原到期日 10-01 为国庆假期，顺延', daysLeft: 37 });
    const c = await app.call('cases.get', { id: r.caseId }, s);
    expect(c).toMatchObject({ deadline: '2026-10-08', deadlineNote: '原到期日 10-01 为国庆假期，顺延' });
    expect(c.timeline.find((t) => t.operation === 'court.registerReferral')!.summary).toContain(
      '至 2026-10-08（原到期日 10-01 为国庆假期，顺延）',
    );
    // On 09-30 one working day is left (10-08), though eight calendar days are.
    const s2 = await dayIs(app, '2026-09-30');
    expect(await app.call('court.referral', { caseId: r.caseId }, s2)).toMatchObject({ daysLeft: 8, workingDaysLeft: 1, clock: 'ok' });
    // During the holiday the desk does not call it due today or overdue.
    const s3 = await dayIs(app, '2026-10-01');
    const desk = await app.call('cases.desk', {}, s3);
    expect(desk.overdue.map((x) => x.id)).not.toContain(r.caseId);
    expect((await app.call('cases.list', { overdue: true }, s3)).rows).toEqual([]);
  });

  it('is not 超期 in the figures until the corrected day has passed', async () => {
    const s = await app.login();
    await app.call(
      'court.registerReferral',
      referralInput({
        referral: { referenceNumber: '（2026）豫0711民诉前调902号', referredAt: '2026-09-01', materialsSignedAt: '2026-09-01' },
      }),
      s,
    );
    const s2 = await dayIs(app, '2026-10-20');
    // Counted at 10-07 (the period's end): the plain-count day 10-01 has passed, the legal one has not.
    expect((await app.call('stats.dashboard', { from: '2026-09-01', to: '2026-10-07' }, s2)).kpi.overdue).toBe(0);
    expect((await app.call('stats.dashboard', { from: '2026-09-01', to: '2026-10-08' }, s2)).kpi.overdue).toBe(0);
    expect((await app.call('stats.dashboard', { from: '2026-09-01', to: '2026-10-09' }, s2)).kpi.overdue).toBe(1);
  });
});

describe('changing the calendar', () => {
  it('warns in December while next year is missing, and entering it recomputes open deadlines with an audit event', async () => {
    let s = await dayIs(app, '2026-12-02');
    expect((await app.call('cases.desk', {}, s)).calendarWarning).toContain('2027 年');
    // Accepted 12-02, 30 days: 2027-01-01, a Friday — with no 2027 schedule it stands, flagged.
    let byRule = await app.call('cases.register', walkInCase({ title: '按规则计算的期限' }), s);
    byRule = await app.call('cases.step', { id: byRule.id, version: byRule.version, action: 'accept' }, s);
    expect(byRule.deadline).toBe('2027-01-01');
    let byHand = await app.call('cases.register', walkInCase({ title: '手工调整的期限' }), s);
    byHand = await app.call('cases.step', { id: byHand.id, version: byHand.version, action: 'accept' }, s);
    byHand = await app.call(
      'cases.setDeadline',
      { id: byHand.id, version: byHand.version, deadline: '2027-01-01', reason: '当事人约定' },
      s,
    );
    const closed = await app.call('cases.register', walkInCase({ title: '已撤回' }), s);
    let gone = await app.call('cases.step', { id: closed.id, version: closed.version, action: 'accept' }, s);
    gone = await app.call('cases.step', { id: gone.id, version: gone.version, action: 'withdraw', reason: '当事人撤回' }, s);

    const change = await app.call('calendar.saveYear', YEAR_2027, s);
    expect(change.years).toEqual([2027]);
    expect(change.recomputed).toEqual([
      {
        kind: 'deadline',
        caseId: byRule.id,
        caseNumber: byRule.caseNumber,
        from: '2027-01-01',
        to: '2027-01-04',
        reason: '原到期日 01-01 为元旦假期，顺延',
      },
    ]);
    const after = await app.call('cases.get', { id: byRule.id }, s);
    expect(after).toMatchObject({ deadline: '2027-01-04', deadlineNote: '原到期日 01-01 为元旦假期，顺延', version: byRule.version + 1 });
    const event = after.timeline.at(-1)!;
    expect(event.operation).toBe('case.recomputeDeadline');
    expect(event.summary).toBe('因2027 年节假日安排变更，期限由 2027-01-01 重新计算为 2027-01-04（原到期日 01-01 为元旦假期，顺延）');
    expect(event.actorName).toBe('王主任');
    // A deadline set by hand, and a closed case, are left alone.
    expect((await app.call('cases.get', { id: byHand.id }, s)).deadline).toBe('2027-01-01');
    expect((await app.call('cases.get', { id: gone.id }, s)).version).toBe(gone.version);
    const info = await app.call('calendar.get', {}, s);
    expect(info.warning).toBeNull();
    expect(info.views.find((v) => v.year === 2027)).toMatchObject({ origin: 'entered', restDays: 3, updatedBy: '王主任' });
    expect((await app.call('cases.desk', {}, s)).calendarWarning).toBeNull();

    // Removing the year moves it back, again on the record.
    const back = await app.call('calendar.removeYear', { year: 2027 }, s);
    expect(back.recomputed.map((x) => [x.caseId, x.to])).toEqual([[byRule.id, '2027-01-01']]);
    const again = await app.call('cases.get', { id: byRule.id }, s);
    expect(again.timeline.filter((t) => t.operation === 'case.recomputeDeadline')).toHaveLength(2);
    s = await dayIs(app, '2026-12-03');
    expect((await app.call('calendar.get', {}, s)).warning).toContain('2027 年');
  });

  it('moves follow-up visits scheduled by rule, and records why', async () => {
    const s = await dayIs(app, '2026-12-02');
    await app.call('settings.update', { followupDaysAfterAgreement: 30 }, s);
    let c = await app.call('cases.register', walkInCase(), s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    const m = await app.call(
      'mediators.create',
      { name: '钱调解', kind: 'resident', organisation: '王村镇人民调解委员会', phone: '13700003333', specialties: [] },
      s,
    );
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    c = await app.call(
      'cases.step',
      {
        id: c.id,
        version: c.version,
        action: 'agree',
        agreement: { terms: ['被申请人于十日内付清货款'] },
        agreementEffectiveAt: '2026-12-02',
      },
      s,
    );
    const scheduled = await app.call('followups.schedule', { caseId: c.id }, s);
    expect(scheduled.followups.map((f) => f.dueOn)).toEqual(['2027-01-01']);
    const change = await app.call('calendar.saveYear', YEAR_2027, s);
    expect(change.recomputed).toMatchObject([{ kind: 'followup', caseId: c.id, from: '2027-01-01', to: '2027-01-04' }]);
    const list = await app.call('followups.list', { caseId: c.id }, s);
    expect(list.followups[0]).toMatchObject({ dueOn: '2027-01-04', dueNote: '原到期日 01-01 为元旦假期，顺延', version: 2 });
    expect((await app.call('cases.get', { id: c.id }, s)).timeline.at(-1)!.summary).toContain(
      '回访日期由 2027-01-01 重新计算为 2027-01-04',
    );
  });

  it('refuses a wrong schedule and a non-admin, and changes nothing', async () => {
    const s = await dayIs(app, '2026-12-02');
    const wrong = await refused('calendar.saveYear', { ...YEAR_2027, workdays: { '2027-01-05': '元旦' } }, s);
    expect(wrong).toMatchObject({ code: 'VALIDATION' });
    expect(wrong.message).toContain('调休上班日 2027-01-05 不是周末');
    const outside = await refused('calendar.saveYear', { ...YEAR_2027, holidays: { '2026-12-31': '元旦' } }, s);
    expect(outside.message).toContain('不在 2027 年内');
    await app.call('users.create', { loginName: 'tiaojie', displayName: '调解员小周', role: 'mediator', password: 'Tiaojie2026' }, s);
    const mediator = await app.login('tiaojie', 'Tiaojie2026');
    expect((await refused('calendar.saveYear', YEAR_2027, mediator)).code).toBe('FORBIDDEN');
    expect((await app.call('calendar.get', {}, s)).views.some((v) => v.year === 2027)).toBe(false);
    // Anyone signed in may count a period.
    expect(await app.call('calendar.due', { from: '2026-09-01', days: 30 }, mediator)).toMatchObject({
      due: '2026-10-08',
      movedFrom: '2026-10-01',
    });
    expect(await app.call('calendar.due', { from: '2026-09-30', days: 1, working: true }, mediator)).toMatchObject({
      due: '2026-10-08',
      movedFrom: null,
    });
  });

  it('imports a year from an .ics file, as the settings page uploads it', async () => {
    const s = await dayIs(app, '2026-12-02');
    // Written the way chinese-days publishes its per-year files (all-day events, DTEND exclusive).
    const event = (start: string, end: string, summary: string) => [
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${start}`,
      `DTEND;VALUE=DATE:${end}`,
      `SUMMARY:${summary}`,
      'END:VEVENT',
    ];
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      ...event('20270101', '20270104', '元旦(休)'),
      ...event('20270205', '20270212', '春节(休)'),
      ...event('20270213', '20270214', '春节(班)'),
      'END:VCALENDAR',
    ].join('\r\n');
    const change = await app.call('calendar.importIcs', { fileName: '2027.ics', text }, s);
    expect(change.years).toEqual([2027]);
    const v = (await app.call('calendar.get', {}, s)).views.find((x) => x.year === 2027)!;
    expect(v).toMatchObject({ origin: 'entered', source: '导入文件 2027.ics', restDays: 10, workingWeekends: 1 });
    const bad = await refused('calendar.importIcs', { fileName: 'x.ics', text: 'not a calendar' }, s);
    expect(bad.message).toContain('不是 iCalendar');
  });
});
