/**
 * Cases made through the API with the clock moved (exact expected figures for a small quarter),
 * and the edges: end before start, invalid dates, a future period, a period to date, a centre
 * with no cases, and who may read and export.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../electron/common/api/cases';
import { computeDashboard } from '../../../electron/services/stats';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp;
let s: string;
afterEach(() => app?.close());

async function mediator() {
  return app.call(
    'mediators.create',
    { name: '赵调解', kind: 'resident', organisation: '牧野区人民调解委员会', phone: '13700001111', specialties: [] },
    s,
  );
}

describe('a quarter of cases made through the API', () => {
  beforeEach(async () => {
    app = await startTestApp({ now: '2026-02-10T09:00:00+08:00' });
    s = await app.login();
  });

  /** Move the clock; a session idle that long has ended, so sign in again. */
  async function moveTo(iso: string) {
    app.clock.set(iso);
    s = await app.login();
  }

  async function run() {
    const m = await mediator();
    const step = async (c: CaseDetail, action: string, extra: Record<string, unknown> = {}) =>
      app.call('cases.step', { id: c.id, version: c.version, action: action as 'accept', ...extra }, s);
    const assignAndStart = async (c: CaseDetail) => {
      const a = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);
      return step(a, 'start');
    };
    // A: village neighbours, agreed at the village for 1,000 元; two people kept from crime.
    let a = await app.call('cases.register', walkInCase({ title: '邻里排水纠纷', category: 'neighbor', tier: 'village' }), s);
    a = await assignAndStart(await step(a, 'accept'));
    a = await step(a, 'agree', { agreement: { terms: ['被申请人疏通排水沟'] }, agreedAmountFen: 100000 });
    await app.call('cases.update', { id: a.id, version: a.version, patch: { preventedCriminalPeople: 2 } }, s);
    // B: a village labour dispute escalated to the town, agreed there for 500 元.
    await moveTo('2026-02-11T10:00:00+08:00');
    let b = await app.call('cases.register', walkInCase({ title: '务工欠薪纠纷', category: 'labor', tier: 'village' }), s);
    b = await step(b, 'accept');
    b = await app.call('cases.escalate', { id: b.id, version: b.version, reason: '涉及多名务工人员' }, s);
    b = await assignAndStart(b);
    await step(b, 'agree', { agreement: { terms: ['支付工资'] }, agreedAmountFen: 50000 });
    // C: a town contract case that fails.
    let c = await app.call('cases.register', walkInCase({ title: '买卖合同纠纷', category: 'contract', tier: 'town' }), s);
    c = await assignAndStart(await step(c, 'accept'));
    await step(c, 'fail', { reason: '双方分歧较大' });
    // D: a district case accepted on 03-01 (deadline 03-31 + …) and left open; E: rejected.
    await moveTo('2026-03-01T09:00:00+08:00');
    let d = await app.call('cases.register', walkInCase({ title: '征地补偿纠纷', category: 'land_expropriation', tier: 'district' }), s);
    d = await step(d, 'accept');
    d = await app.call('cases.setDeadline', { id: d.id, version: d.version, deadline: '2026-03-20', reason: '领导交办限期化解' }, s);
    await app.call(
      'cases.update',
      { id: d.id, version: d.version, patch: { leadUnit: '王村镇人民政府', responsibleLeader: '李副镇长', responsiblePerson: '张干事' } },
      s,
    );
    const e = await app.call('cases.register', walkInCase({ title: '不属于调解范围的纠纷', category: 'other', tier: 'town' }), s);
    await step(e, 'reject', { reason: '已进入诉讼程序' });
    // After the quarter: D resolved in April (it was still open, and overdue, at the end of March).
    await moveTo('2026-04-15T09:00:00+08:00');
    d = await assignAndStart(await app.call('cases.get', { id: d.id }, s));
    await step(d, 'agree', { agreement: { terms: ['按标准补偿'] }, agreedAmountFen: 2000000 });
    return { a, b, c, d, e };
  }

  it('gives the exact figures of the first quarter, then of the quarter to date', async () => {
    const { a, b, c, d: caseD, e } = await run();
    const q1 = { from: '2026-01-01', to: '2026-03-31' };
    const d = await app.call('stats.dashboard', q1, s);
    expect(d.period).toMatchObject({ state: 'past', cutoff: '2026-03-31', label: '2026年第一季度' });
    expect(d.notes).toEqual([]);
    expect(d.kpi).toEqual({
      received: 5,
      accepted: 4,
      mediated: 3,
      successful: 2,
      successRate: 2 / 3,
      amountFen: 150_000,
      overdue: 1,
      preventedCriminalCases: 1,
      preventedCriminalPeople: 2,
      preventedPetitionCases: 0,
      preventedPetitionPeople: 0,
    });
    // Most received first; ties by cases mediated, then in the standard order of categories.
    expect(d.byCategory.map((r) => [r.key, r.received, r.mediated, r.successful, r.overdue])).toEqual([
      ['neighbor', 1, 1, 1, 0],
      ['contract', 1, 1, 0, 0],
      ['labor', 1, 1, 1, 0],
      ['land_expropriation', 1, 0, 0, 1],
      ['other', 1, 0, 0, 0],
    ]);
    expect(d.byStatus.map((r) => [r.key, r.received])).toEqual([
      ['rejected', 1],
      ['agreement', 3],
      ['failed', 1],
    ]);
    expect(d.byTier.map((r) => [r.key, r.received])).toEqual([
      ['village', 1],
      ['town', 3],
      ['district', 1],
    ]);
    expect(d.resolvedAtTier).toEqual({
      successful: 2,
      atTier: 1,
      share: 0.5,
      byOriginTier: [{ tier: 'village', label: '村（社区）', slogan: '小纠纷不出村', successful: 2, atTier: 1, share: 0.5 }],
    });
    expect(d.trend.map((t) => [t.month, t.received, t.mediated, t.successful])).toEqual([
      ['2026-01', 0, 0, 0],
      ['2026-02', 3, 3, 2],
      ['2026-03', 2, 0, 0],
    ]);

    const overdue = await app.call('stats.cases', { figure: 'overdue', period: q1 }, s);
    expect(overdue.rows.map((r) => r.id)).toEqual([caseD.id]);
    const atTier = await app.call('stats.cases', { figure: 'resolvedAtTier', period: q1 }, s);
    expect(atTier.rows.map((r) => r.id)).toEqual([a.id]);
    const received = await app.call('stats.cases', { figure: 'received', period: q1, pageSize: 2, page: 2 }, s);
    expect(received.total).toBe(5);
    expect(received.rows).toHaveLength(2);
    expect(new Set((await app.call('stats.cases', { figure: 'received', period: q1, pageSize: 10 }, s)).rows.map((r) => r.id))).toEqual(
      new Set([a.id, b.id, c.id, caseD.id, e.id]),
    );

    const k = await app.call('stats.keyCaseList', { period: q1 }, s);
    expect(k.asOf).toBe('2026-03-31');
    expect(k.rows).toHaveLength(1);
    expect(k.rows[0]).toMatchObject({
      id: caseD.id,
      reasons: ['overdue'],
      deadline: '2026-03-20',
      daysLeft: -11,
      leadUnit: '王村镇人民政府',
      responsibleLeader: '李副镇长',
      responsiblePerson: '张干事',
      mediatorNames: '赵调解',
    });

    // The second quarter, to date (15 April): D was agreed for 20,000 元; nothing is open.
    const q2 = await app.call('stats.dashboard', { from: '2026-04-01', to: '2026-06-30' }, s);
    expect(q2.period).toMatchObject({ state: 'current', cutoff: '2026-04-15', label: '2026年第二季度' });
    expect(q2.notes).toEqual(['本期间尚未结束，数据统计至今日（2026年4月15日）。']);
    expect(q2.kpi).toMatchObject({
      received: 0,
      accepted: 0,
      mediated: 1,
      successful: 1,
      successRate: 1,
      amountFen: 2_000_000,
      overdue: 0,
    });
    expect(q2.trend.map((t) => t.month)).toEqual(['2026-04']);
    expect(q2.resolvedAtTier.share).toBe(1);
  });
});

describe('bad input and empty periods', () => {
  beforeEach(async () => {
    app = await startTestApp({ now: '2026-11-20T09:00:00+08:00' });
    s = await app.login();
  });

  it('an end before the start is refused in Chinese, by every operation and by the service', async () => {
    const period = { from: '2026-03-01', to: '2026-02-01' };
    const expected = { code: 'VALIDATION', message: '结束日期不能早于开始日期' };
    await expect(app.call('stats.dashboard', period, s)).rejects.toMatchObject({ ...expected, fields: { to: '结束日期不能早于开始日期' } });
    await expect(app.call('stats.cases', { figure: 'received', period }, s)).rejects.toMatchObject(expected);
    await expect(app.call('stats.keyCaseList', { period }, s)).rejects.toMatchObject(expected);
    await expect(app.call('stats.exportXlsx', { table: 'byCategory', period }, s)).rejects.toMatchObject(expected);
    await expect(app.call('stats.exportDocx', { report: 'quarterly', period }, s)).rejects.toMatchObject(expected);
    expect(() => computeDashboard(app.backend.app.ctx, period)).toThrow('结束日期不能早于开始日期');
  });

  it('dates that are not real days are refused', async () => {
    await expect(app.call('stats.dashboard', { from: '2026-02-30', to: '2026-03-31' }, s)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: '日期应为有效的“年-月-日”（如 2026-01-31）',
    });
    await expect(app.call('stats.dashboard', { from: '2026-1-1', to: '2026-03-31' }, s)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(() => computeDashboard(app.backend.app.ctx, { from: '2026-13-01', to: '2026-12-31' })).toThrow('开始日期无效');
    await expect(app.call('stats.dashboard', { from: '2000-01-01', to: '2026-12-31' }, s)).rejects.toMatchObject({
      message: '统计期间不能超过10年',
    });
  });

  it('a centre with no cases: zeros and empty series, never NaN, and the files still export', async () => {
    const d = await app.call('stats.dashboard', { from: '2026-01-01', to: '2026-12-31' }, s);
    expect(d.empty).toBe(true);
    expect(d.notes).toEqual(['本期间尚未结束，数据统计至今日（2026年11月20日）。', '本期间暂无数据。']);
    expect(d.kpi).toEqual({
      received: 0,
      accepted: 0,
      mediated: 0,
      successful: 0,
      successRate: null,
      amountFen: 0,
      overdue: 0,
      preventedCriminalCases: 0,
      preventedCriminalPeople: 0,
      preventedPetitionCases: 0,
      preventedPetitionPeople: 0,
    });
    for (const series of [
      d.byCategory,
      d.bySource,
      d.byTier,
      d.byStatus,
      d.byOutcome,
      d.trend,
      d.courtReferrals.rows,
      d.intake.byDay,
      d.queue.byStatus,
      d.resolvedAtTier.byOriginTier,
    ])
      expect(series).toEqual([]);
    expect(d.resolvedAtTier.share).toBeNull();
    expect(d.queue.avgWaitMinutes).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
    expect(d.definitions.length).toBeGreaterThan(10);
    expect((await app.call('stats.cases', { figure: 'successful', period: { from: '2026-01-01', to: '2026-12-31' } }, s)).total).toBe(0);
    expect((await app.call('stats.keyCaseList', { period: { from: '2026-01-01', to: '2026-12-31' } }, s)).counts.total).toBe(0);
    const x = await app.call('stats.exportXlsx', { table: 'summary', period: { from: '2026-01-01', to: '2026-12-31' } }, s);
    expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const w = await app.call('stats.exportDocx', { report: 'key-cases', period: { from: '2026-11-16', to: '2026-11-30' } }, s);
    expect(Buffer.from(w.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('a period in the future gives empty figures with a note, even with cases on record', async () => {
    await app.call('cases.register', walkInCase(), s);
    const d = await app.call('stats.dashboard', { from: '2027-01-01', to: '2027-03-31' }, s);
    expect(d.period.state).toBe('future');
    expect(d.empty).toBe(true);
    expect(d.notes).toEqual(['所选期间尚未开始，暂无统计数据。']);
    expect(d.kpi.received).toBe(0);
    expect(d.kpi.overdue).toBe(0);
    expect(d.trend).toEqual([]);
    expect((await app.call('stats.cases', { figure: 'received', period: { from: '2027-01-01', to: '2027-03-31' } }, s)).total).toBe(0);
    const now = await app.call('stats.dashboard', { from: '2026-11-01', to: '2026-11-30' }, s);
    expect(now.kpi.received).toBe(1);
  });

  it('mediators may read the figures; only the centre head exports; the intake clerk sees none', async () => {
    await app.call('users.create', { loginName: 'wangfang', displayName: '王芳', role: 'mediator', password: 'Tiaojie2026' }, s);
    await app.call('users.create', { loginName: 'chuangkou', displayName: '刘窗口', role: 'intake', password: 'Chuangkou2026' }, s);
    const m = await app.login('wangfang', 'Tiaojie2026');
    const i = await app.login('chuangkou', 'Chuangkou2026');
    const period = { from: '2026-01-01', to: '2026-12-31' };
    await expect(app.call('stats.dashboard', period, m)).resolves.toMatchObject({ empty: true });
    await expect(app.call('stats.exportXlsx', { table: 'summary', period }, m)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('stats.exportDocx', { report: 'quarterly', period }, m)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('stats.dashboard', period, i)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '您的角色无权执行“统计考核”',
    });
    await expect(app.call('stats.dashboard', period, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
