import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { agreedCase, counts, dayIs } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

async function refused(op: Parameters<TestApp['call']>[0], input: unknown, s: string) {
  const res = await app.raw({ op, input, session: s });
  if (res.ok) throw new Error(`${op} was not refused`);
  return res.error;
}

describe('回访', () => {
  it('schedules the default visits from the settings and the performance deadline', async () => {
    let s = await app.login();
    await app.call('settings.update', { followupDaysAfterAgreement: 10 }, s);
    const r = await agreedCase(app, '2026-11-20', { performanceDeadline: '2026-12-31' });
    s = r.s;
    const before = await app.call('followups.list', { caseId: r.c.id }, s);
    expect(before).toMatchObject({ eligible: true, agreementOn: '2026-11-20', followups: [] });
    expect(before.suggested).toEqual([
      { dueOn: '2026-11-30', label: '协议生效后10日回访' },
      // 2027-01-03 is a Sunday: the visit moves to the Monday, and says so.
      { dueOn: '2027-01-04', label: '履行期限届满后3日回访（原到期日 01-03 为星期日，顺延）' },
    ]);
    const after = await app.call('followups.schedule', { caseId: r.c.id }, s);
    expect(after.followups.map((f) => [f.dueOn, f.doneAt, f.daysLeft, f.dueNote])).toEqual([
      ['2026-11-30', null, 10, null],
      ['2027-01-04', null, 45, '原到期日 01-03 为星期日，顺延'],
    ]);
    expect(after.suggested).toEqual([]);
    expect((await refused('followups.schedule', { caseId: r.c.id }, s)).message).toBe('这些日期已经安排了回访');
    expect((await refused('followups.schedule', { caseId: r.c.id, dates: ['2026-11-19'] }, s)).message).toBe(
      '回访日期 2026-11-19 不能早于协议生效日期（2026-11-20）',
    );
    const extra = await app.call('followups.schedule', { caseId: r.c.id, dates: ['2027-02-01'] }, s);
    expect(extra.followups).toHaveLength(3);
    expect((await app.call('cases.get', { id: r.c.id }, s)).timeline.map((t) => t.summary)).toContain('安排回访：2026-11-30、2027-01-04');
  });

  it('lists visits due, records one, and refuses recording it twice or in the future', async () => {
    const r = await agreedCase(app, '2026-11-20');
    await app.call('followups.schedule', { caseId: r.c.id }, r.s); // 15 days: Saturday 2026-12-05, moved to Monday 12-07
    let s = await dayIs(app, '2026-12-01');
    expect(await app.call('followups.due', {}, s)).toEqual([]); // 6 days away, more than nearDeadlineDays (3)
    expect((await app.call('followups.due', { withinDays: 7 }, s)).map((f) => f.dueOn)).toEqual(['2026-12-07']);
    s = await dayIs(app, '2026-12-08');
    const due = await app.call('followups.due', {}, s);
    expect(due).toMatchObject([
      { dueOn: '2026-12-07', daysLeft: -1, workingDaysLeft: -1, caseNumber: r.c.caseNumber, partyNames: '张建国 与 李秀英' },
    ]);
    const f = due[0]!;
    const before = counts(app);
    expect(
      (
        await refused(
          'followups.record',
          { id: f.id, version: f.version, doneAt: '2026-12-09', method: 'phone', performance: 'performed', visitor: '赵调解' },
          s,
        )
      ).message,
    ).toBe('回访日期不能晚于今天（2026-12-08）');
    expect(
      (
        await refused(
          'followups.record',
          { id: f.id, version: f.version, doneAt: '2026-12-08', method: 'phone', performance: 'performed', visitor: '' },
          s,
        )
      ).message,
    ).toBe('请填写回访人');
    expect(counts(app)).toEqual(before);
    const done = await app.call(
      'followups.record',
      {
        id: f.id,
        version: f.version,
        doneAt: '2026-12-07',
        method: 'visit',
        performance: 'partly',
        notes: '已支付一半货款，余款约定月底付清',
        visitor: '赵调解',
      },
      s,
    );
    expect(done.followups[0]).toMatchObject({
      doneAt: '2026-12-07',
      method: 'visit',
      performance: 'partly',
      visitor: '赵调解',
      daysLeft: null,
      version: 2,
    });
    expect(
      (
        await refused(
          'followups.record',
          { id: f.id, version: 2, doneAt: '2026-12-08', method: 'phone', performance: 'performed', visitor: '赵调解' },
          s,
        )
      ).message,
    ).toContain('不能重复登记');
    expect(await app.call('followups.due', {}, s)).toEqual([]);
    expect((await app.call('cases.get', { id: r.c.id }, s)).timeline.at(-1)!.summary).toBe(
      '2026-12-07 上门回访（回访人 赵调解）：部分履行。已支付一半货款，余款约定月底付清',
    );
  });

  it('refuses follow-ups for a case without an agreement', async () => {
    const s = await app.login();
    const c = await app.call('cases.register', walkInCase(), s);
    const list = await app.call('followups.list', { caseId: c.id }, s);
    expect(list).toMatchObject({ eligible: false, suggested: [], followups: [] });
    const before = counts(app);
    expect((await refused('followups.schedule', { caseId: c.id, dates: ['2026-12-01'] }, s)).message).toContain(
      '只有达成调解协议的案件才安排回访',
    );
    expect(counts(app)).toEqual(before);
  });
});
