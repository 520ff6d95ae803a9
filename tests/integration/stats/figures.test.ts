/**
 * Every figure of the dashboard against the oracle (oracle.ts: plain SELECT * and counting in JS),
 * for a past year, the current year, a quarter, a month and a half-month; and the cases behind
 * each figure (click-through) against the oracle's sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIGURES, type BreakdownRow, type CaseFigure, type Dashboard } from '../../../electron/common/api/stats';
import { computeOracle, type Counters, type Oracle } from './oracle';
import { TODAY, seededCentre, type Seeded } from './seed';

let s: Seeded;
beforeAll(async () => {
  s = await seededCentre();
}, 120_000);
afterAll(() => s?.app.close());

const PERIODS = [
  { name: 'a past year', from: '2025-01-01', to: '2025-12-31' },
  { name: 'the current year', from: '2026-01-01', to: '2026-12-31' },
  { name: 'a past quarter', from: '2026-07-01', to: '2026-09-30' },
  { name: 'the current month', from: '2026-11-01', to: '2026-11-30' },
  { name: 'a half-month', from: '2026-10-16', to: '2026-10-31' },
  { name: 'an odd range over a year end', from: '2025-11-15', to: '2026-02-10' },
];

const dashboard = (from: string, to: string) => s.app.call('stats.dashboard', { from, to }, s.session);

function asMap(rows: BreakdownRow[]): Map<string, Counters> {
  return new Map(
    rows.map((r) => [
      r.key,
      {
        received: r.received,
        accepted: r.accepted,
        mediated: r.mediated,
        successful: r.successful,
        amountFen: r.amountFen,
        overdue: r.overdue,
      },
    ]),
  );
}

function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

describe.each(PERIODS)('figures for $name ($from – $to) agree with the oracle', ({ from, to }) => {
  let d: Dashboard;
  let o: Oracle;
  beforeAll(async () => {
    d = await dashboard(from, to);
    o = computeOracle(s.db.sqlite, from, to, TODAY);
  });

  it('has data to compare (the demo covers the period)', () => {
    expect(o.kpi.received).toBeGreaterThan(0);
    expect(d.empty).toBe(false);
  });

  it('KPIs: received, accepted, mediated, successful, rate, amount, overdue, 防止民转刑, 防止群体性上访', () => {
    const { successRate, ...kpi } = d.kpi;
    expect(kpi).toEqual(o.kpi);
    expect(successRate).toBe(rateOf(o.kpi.successful, o.kpi.mediated));
  });

  it('breakdowns by category, reporting type, source, tier, status and outcome', () => {
    expect(asMap(d.byCategory)).toEqual(o.by.category);
    expect(asMap(d.byReportingType)).toEqual(o.by.reportingType);
    expect(asMap(d.bySource)).toEqual(o.by.source);
    expect(asMap(d.byTier)).toEqual(o.by.tier);
    expect(asMap(d.byStatus)).toEqual(o.by.status);
    expect(asMap(d.byOutcome)).toEqual(o.by.outcome);
    for (const r of [...d.byCategory, ...d.bySource]) expect(r.successRate).toBe(rateOf(r.successful, r.mediated));
  });

  it('resolved at tier, per tier of origin', () => {
    // Only tiers with successful cases are listed (and their counts are numbers, never null).
    for (const t of d.resolvedAtTier.byOriginTier) expect(t.successful).toBeGreaterThan(0);
    const got = new Map(d.resolvedAtTier.byOriginTier.map((t) => [t.tier as string, { successful: t.successful, atTier: t.atTier }]));
    expect(got).toEqual(o.tier);
    const all = [...o.tier.values()].reduce((a, t) => ({ successful: a.successful + t.successful, atTier: a.atTier + t.atTier }), {
      successful: 0,
      atTier: 0,
    });
    expect(d.resolvedAtTier.successful).toBe(all.successful);
    expect(d.resolvedAtTier.atTier).toBe(all.atTier);
    expect(d.resolvedAtTier.share).toBe(rateOf(all.atTier, all.successful));
    expect(d.resolvedAtTier.byOriginTier.map((t) => t.slogan)).toEqual(
      d.resolvedAtTier.byOriginTier.map((t) => ({ village: '小纠纷不出村', town: '大纠纷不出镇', district: '疑难纠纷不出区' })[t.tier]),
    );
  });

  it('court referrals by mode, with results and the average days used', () => {
    for (const mode of ['delegated', 'entrusted'] as const) {
      const e = o.referrals.get(mode);
      const row = d.courtReferrals.rows.find((r) => r.mode === mode);
      expect(d.courtReferrals[mode]).toBe(e?.referred ?? 0);
      if (!e) {
        expect(row).toBeUndefined();
        continue;
      }
      expect(row).toMatchObject({
        referred: e.referred,
        agreement: e.results.get('agreement') ?? 0,
        failed: e.results.get('failed') ?? 0,
        withdrawn: e.results.get('withdrawn') ?? 0,
        pending: e.results.get('pending') ?? 0,
        timed: e.timed,
      });
      if (e.timed === 0) expect(row!.avgDaysUsed).toBeNull();
      // Shown to one decimal, rounded as the dashboard rounds (toBeCloseTo failed on a tie: 15.25 → 15.3).
      else expect(row!.avgDaysUsed).toBe(Math.round((e.days / e.timed) * 10) / 10);
    }
  });

  it('confirmations applied and granted, agreements performed', () => {
    expect(d.confirmations).toEqual(o.confirmations);
    expect(d.agreementsPerformed).toEqual(o.performance);
  });

  it('daily intake and queue figures', () => {
    expect(d.intake.total).toBe(o.intake.total);
    expect(new Map(d.intake.byDay.map((x) => [x.day, x.count]))).toEqual(o.intake.byDay);
    expect(new Map(d.intake.byStatus.map((x) => [x.key, x.count]))).toEqual(o.intake.byStatus);
    expect(d.queue.total).toBe(o.queue.total);
    expect(new Map(d.queue.byStatus.map((x) => [x.key, x.count]))).toEqual(o.queue.byStatus);
  });

  it('the monthly trend, every month of the period up to today', () => {
    const got = new Map(d.trend.map((t) => [t.month, { received: t.received, mediated: t.mediated, successful: t.successful }]));
    for (const [m, v] of got) if (!o.trend.has(m)) expect(v).toEqual({ received: 0, mediated: 0, successful: 0 });
    for (const [m, v] of o.trend) expect(got.get(m)).toEqual(v);
    expect(d.trend[0]?.month).toBe(from.slice(0, 7));
    expect(d.trend.at(-1)?.month).toBe((to < TODAY ? to : TODAY).slice(0, 7));
    for (const t of d.trend) expect(t.successRate).toBe(rateOf(t.successful, t.mediated));
  });

  it('never shows NaN or Infinity anywhere', () => {
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
  });
});

describe('the cases behind each figure (click-through)', () => {
  const from = '2026-01-01';
  const to = '2026-12-31';
  let o: Oracle;
  let d: Dashboard;
  beforeAll(async () => {
    o = computeOracle(s.db.sqlite, from, to, TODAY);
    d = await dashboard(from, to);
  });

  async function allIds(figure: CaseFigure, key?: string) {
    const ids = new Set<string>();
    let total: number;
    for (let page = 1; ; page++) {
      const r = await s.app.call('stats.cases', { figure, key: key ?? null, period: { from, to }, page, pageSize: 200 }, s.session);
      total = r.total;
      for (const row of r.rows) ids.add(row.id);
      if (r.rows.length < 200) break;
    }
    expect(ids.size).toBe(total);
    return ids;
  }

  it.each(CASE_FIGURES)('%s lists exactly the oracle’s cases', async (figure) => {
    expect(await allIds(figure)).toEqual(o.sets[figure]);
  });

  it('a category bar lists as many cases as the bar shows, all of that category', async () => {
    const top = d.byCategory[0]!;
    const r = await s.app.call(
      'stats.cases',
      { figure: 'received', key: `category:${top.key}`, period: { from, to }, pageSize: 50 },
      s.session,
    );
    expect(r.total).toBe(top.received);
    expect(r.title).toBe(`受理（登记）案件 · 纠纷类型：${top.label}`);
    expect(r.rows.every((x) => x.category === top.key)).toBe(true);
    const successful = await s.app.call(
      'stats.cases',
      { figure: 'successful', key: `category:${top.key}`, period: { from, to } },
      s.session,
    );
    expect(successful.total).toBe(top.successful);
  });

  it('every breakdown row and trend month adds up to its list', async () => {
    for (const [dim, rows] of [
      ['source', d.bySource],
      ['tier', d.byTier],
      ['status', d.byStatus],
      ['outcome', d.byOutcome],
      ['reportingType', d.byReportingType],
    ] as const) {
      for (const row of rows) {
        const r = await s.app.call(
          'stats.cases',
          { figure: 'received', key: `${dim}:${row.key}`, period: { from, to }, pageSize: 1 },
          s.session,
        );
        expect(r.total, `${dim}:${row.key}`).toBe(row.received);
        const m = await s.app.call(
          'stats.cases',
          { figure: 'mediated', key: `${dim}:${row.key}`, period: { from, to }, pageSize: 1 },
          s.session,
        );
        expect(m.total, `mediated ${dim}:${row.key}`).toBe(row.mediated);
      }
    }
    for (const t of d.trend) {
      const r = await s.app.call(
        'stats.cases',
        { figure: 'successful', key: `month:${t.month}`, period: { from, to }, pageSize: 1 },
        s.session,
      );
      expect(r.total, t.month).toBe(t.successful);
    }
    for (const t of d.resolvedAtTier.byOriginTier) {
      const r = await s.app.call(
        'stats.cases',
        { figure: 'resolvedAtTier', key: `originTier:${t.tier}`, period: { from, to }, pageSize: 1 },
        s.session,
      );
      expect(r.total).toBe(t.atTier);
    }
    for (const row of d.courtReferrals.rows) {
      const r = await s.app.call(
        'stats.cases',
        { figure: 'courtReferrals', key: `mode:${row.mode}`, period: { from, to }, pageSize: 1 },
        s.session,
      );
      expect(r.total).toBe(row.referred);
      for (const result of ['agreement', 'failed', 'withdrawn', 'pending'] as const) {
        const x = await s.app.call(
          'stats.cases',
          { figure: 'courtReferrals', key: `mode:${row.mode},result:${result}`, period: { from, to }, pageSize: 1 },
          s.session,
        );
        expect(x.total, `${row.mode} ${result}`).toBe(row[result]);
      }
    }
    // Two case attributes at once: the oracle's received cases of one category at one tier.
    const top = d.byCategory[0]!;
    const both = await allIds('received', `category:${top.key},tier:village`);
    const rows = s.db.sqlite.prepare('SELECT id, category, tier FROM cases WHERE deleted = 0').all() as {
      id: string;
      category: string;
      tier: string;
    }[];
    expect(both).toEqual(
      new Set(rows.filter((c) => o.sets.received!.has(c.id) && c.category === top.key && c.tier === 'village').map((c) => c.id)),
    );
    const partly = await s.app.call(
      'stats.cases',
      { figure: 'agreementsPerformed', key: 'performance:partly', period: { from, to }, pageSize: 1 },
      s.session,
    );
    expect(partly.total).toBe(d.agreementsPerformed.partly);
  });

  it('the deleted case, the ended mediation and the unknown source are counted as the district counts them', async () => {
    expect(o.sets.received!.has(s.deletedCaseId)).toBe(false);
    const received = await allIds('received');
    expect(received.has(s.deletedCaseId)).toBe(false);
    expect(await allIds('mediated')).toContain(s.endedCaseId);
    const failed = await allIds('received', 'outcome:failed');
    const endedRegisteredThisYear =
      (s.db.sqlite.prepare('SELECT registered_at AS r FROM cases WHERE id = ?').get(s.endedCaseId) as { r: string }).r >= from;
    expect(failed.has(s.endedCaseId)).toBe(endedRegisteredThisYear);
    expect(await allIds('received', 'source:other')).toContain(s.oddSourceCaseId);
  });

  it('the key-case list gives each case its reasons and the people who answer for it', async () => {
    const k = await s.app.call('stats.keyCaseList', { period: { from, to }, pageSize: 200 }, s.session);
    expect(k.asOf).toBe(TODAY);
    expect(k.counts).toEqual({
      total: o.keyCases.all.size,
      overdue: o.keyCases.overdue.size,
      near: o.keyCases.near.size,
      escalated: o.keyCases.escalated.size,
      repeat: o.keyCases.repeat.size,
    });
    expect(k.counts.overdue).toBe(d.kpi.overdue);
    // Both kinds of 重复信访 occur: marked at registration, and found by an earlier case of a party.
    const marked = (id: string) =>
      (s.db.sqlite.prepare('SELECT repeat_petition AS r FROM cases WHERE id = ?').get(id) as { r: number }).r === 1;
    expect([...o.keyCases.repeat].some(marked)).toBe(true);
    expect(o.keyCases.repeat.has(s.repeatCaseId) && !marked(s.repeatCaseId)).toBe(true);
    expect(k.rows.find((r) => r.id === s.repeatCaseId)?.reasons).toContain('repeat');
    for (const row of k.rows) {
      for (const reason of ['overdue', 'near', 'escalated', 'repeat'] as const)
        expect(row.reasons.includes(reason), `${row.caseNumber} ${reason}`).toBe(o.keyCases[reason].has(row.id));
    }
    // Overdue first, the most overdue at the top.
    const firstNotOverdue = k.rows.findIndex((r) => !r.reasons.includes('overdue'));
    expect(k.rows.slice(0, firstNotOverdue < 0 ? undefined : firstNotOverdue).every((r) => r.reasons.includes('overdue'))).toBe(true);
    expect(k.rows.slice(firstNotOverdue < 0 ? k.rows.length : firstNotOverdue).some((r) => r.reasons.includes('overdue'))).toBe(false);
    expect(k.rows.some((r) => r.leadUnit || r.responsibleLeader || r.responsiblePerson)).toBe(true);
  });

  it('refuses keys that do not fit the figure, in Chinese', async () => {
    await expect(
      s.app.call('stats.cases', { figure: 'received', key: 'mode:delegated', period: { from, to } }, s.session),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: '“受理（登记）案件”不能按方式分列' });
    await expect(
      s.app.call('stats.cases', { figure: 'overdue', key: 'month:2026-01', period: { from, to } }, s.session),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      s.app.call('stats.cases', { figure: 'received', key: 'tier:province', period: { from, to } }, s.session),
    ).rejects.toMatchObject({ message: '层级“province”无效' });
    await expect(
      s.app.call('stats.cases', { figure: 'received', key: 'colour:red', period: { from, to } }, s.session),
    ).rejects.toMatchObject({ message: '未知的分类项：“colour:red”' });
    await expect(
      s.app.call('stats.cases', { figure: 'received', key: 'tier:town,tier:village', period: { from, to } }, s.session),
    ).rejects.toMatchObject({ message: '分类项重复：“tier:town,tier:village”' });
  });
});
