/**
 * Demo cases are legally coherent (issue #14: people train on demo data). Several thousand cases
 * over three seeds, checked mechanically: the terms pay the same kind of money the claim asks
 * for, once, and no more than was claimed; instalments add up; the way of performance fits what
 * the terms oblige; facts say something (no "纠纷发生于2026年"); disputed points fit the claim; a
 * matter outside 人民调解 (an administrative dispute, a petition about policy) is never mediated.
 *
 * The word lists here are the test's own, not the generator's tables, so that a template that
 * drifts from its claim is caught.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOutsidePeopleMediation } from '../../../electron/common/domain/categories';
import { demoDir, type DemoDir } from './harness';

const SEEDS = [3, 11, 29];
const N = 1500;

interface Row {
  id: string;
  case_number: string;
  category: string;
  status: string;
  outcome: string | null;
  accepted_at: string | null;
  claims: string;
  summary: string;
  amount_fen: number | null;
  agreed_amount_fen: number | null;
  agreement: string | null;
  agreement_effective_at: string | null;
  undisputed: string | null;
  names: string;
  sessions: number;
}
interface Agreement {
  terms: string[];
  performanceMethod?: string;
  performanceDeadline?: string;
}
interface Undisputed {
  facts: string[];
  disputedPoints: string[];
}

/** Kinds of money a claim or a term names; longer names first, so 征地补偿款 is not also 补偿款. */
const MONEY_WORDS = [
  '征地补偿款',
  '经济补偿金',
  '一次性伤残补助金',
  '拆迁补偿款',
  '预付卡余额',
  '房屋修复费用',
  '车辆维修费',
  '劳动报酬',
  '工程款',
  '加工费',
  '流转费',
  '物业费',
  '抚养费',
  '赡养费',
  '补偿款',
  '赔偿款',
  '医疗费',
  '误工费',
  '护理费',
  '交通费',
  '违约金',
  '出资款',
  '治疗费',
  '货款',
  '借款',
  '工资',
  '租金',
  '利息',
  '损失',
  '退款',
] as const;
const AMOUNT = /(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)元/g;
const HAS_AMOUNT = /\d元/;
/** A periodic payment (赡养费 each month): not a sum, so not the agreed amount. */
const PERIODIC = /每(?:月|年|季度)[^，。；]*?\d[\d,]*元/g;
const CASH = /现金|银行转账|微信转账|分期/;
const INSTALMENTS = /分([二三四五六])期/;
const CN_NUMBER: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const GOODS = /(更换|交付|交还|返还)[^。；]*?(台|件|套|辆|部|批|头|株)/;
const CN_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;
/** A sentence that names only a year: filler, not a fact. */
const YEAR_ONLY = /\d{4}年(?!\d{1,2}月)/;
/** Bodies that are no party to a 人民调解 agreement: its terms bind the parties only. */
const NOT_A_PARTY = /办事处|有关部门|人社部门|行政机关|管理人|人民政府|信访/;
/** Petitions about policy (安置、社保、救助) and claims in a bankruptcy: not for 人民调解. */
const POLICY_CLAIM = /安置待遇|社会保险|补缴|救助|政策|职工债权/;

const yuan = (fen: number) =>
  `${(fen / 100)
    .toFixed(2)
    .replace(/\.00$/, '')
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`;
const fen = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);

function moneyWords(text: string): Set<string> {
  const found = new Set<string>();
  let rest = text;
  for (const w of MONEY_WORDS) {
    if (rest.includes(w)) {
      found.add(w);
      rest = rest.split(w).join('□');
    }
  }
  return found;
}
/** Sums named in a text, periodic payments left out. */
const sums = (text: string) => [...text.replace(PERIODIC, '').matchAll(AMOUNT)].map((m) => fen(m[1]!));

let dirs: DemoDir[] = [];
let rows: Row[] = [];

beforeAll(() => {
  dirs = SEEDS.map((seed) => demoDir(N, seed));
  rows = dirs.flatMap((d) =>
    d.all<Row>(
      `SELECT c.*, (SELECT group_concat(name, '、') FROM parties p WHERE p.case_id = c.id) AS names,
              (SELECT count(*) FROM sessions s WHERE s.case_id = c.id) AS sessions
         FROM cases c ORDER BY c.case_number`,
    ),
  );
}, 180_000);
afterAll(() => {
  for (const d of dirs) d.close();
});

const agreed = () => rows.filter((r) => r.agreement !== null).map((r) => ({ r, a: JSON.parse(r.agreement!) as Agreement, all: '' }));

/** Problems of one kind, listed with the case so a failure says where. */
function problems(check: (r: Row) => string | null): string[] {
  return rows.map((r) => [r, check(r)] as const).flatMap(([r, p]) => (p ? [`${r.category} ${r.case_number}: ${p}`] : []));
}

describe(`demo coherence (${SEEDS.length} seeds × ${N} cases)`, () => {
  it('has enough agreements and failures to judge', () => {
    expect(rows).toHaveLength(SEEDS.length * N);
    expect(agreed().length).toBeGreaterThan(1000);
    expect(rows.filter((r) => r.undisputed).length).toBeGreaterThan(50);
  });

  it('names the claimed amount in the claim, and agrees on no more than was claimed', () => {
    const bad = problems((r) => {
      if (r.amount_fen !== null && !r.claims.includes(yuan(r.amount_fen))) return `claim "${r.claims}" lacks ${yuan(r.amount_fen)}`;
      if (r.amount_fen === null && sums(r.claims).length > 0) return `claim "${r.claims}" names a sum but amount_fen is null`;
      if (r.agreed_amount_fen === null) return null;
      if (r.amount_fen === null) return `agreed ${yuan(r.agreed_amount_fen)} with nothing claimed`;
      if (r.agreed_amount_fen > r.amount_fen) return `agreed ${yuan(r.agreed_amount_fen)} > claimed ${yuan(r.amount_fen)}`;
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('pays in the terms the kind of money the claim names', () => {
    const bad = problems((r) => {
      if (!r.agreement) return null;
      const claimed = moneyWords(r.claims);
      for (const t of (JSON.parse(r.agreement) as Agreement).terms) {
        if (!HAS_AMOUNT.test(t)) continue;
        const paid = moneyWords(t);
        if (paid.size === 0) return `term "${t}" pays money of no named kind`;
        const foreign = [...paid].filter((w) => !claimed.has(w));
        if (foreign.length)
          return `term pays ${foreign.join('、')} but the claim "${r.claims}" asks for ${[...claimed].join('、') || 'no money'}`;
      }
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('settles the agreed amount once, in one term, and names no other sum', () => {
    const bad = problems((r) => {
      if (!r.agreement) return null;
      const terms = (JSON.parse(r.agreement) as Agreement).terms;
      const withSums = terms.filter((t) => sums(t).length > 0);
      if (r.agreed_amount_fen === null) return withSums.length ? `no agreed amount, yet "${withSums[0]}"` : null;
      const total = yuan(r.agreed_amount_fen);
      if (withSums.length !== 1) return `${withSums.length} terms name sums (agreed ${total}): ${withSums.join(' | ')}`;
      if (!withSums[0]!.includes(total)) return `the paying term "${withSums[0]}" does not state the agreed ${total}`;
      return null;
    });
    // 工资 settled twice over (a wage and a compensation term both paying the whole amount) was the case in point.
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('adds instalments up to the total, and keeps every date within the performance deadline', () => {
    const bad = problems((r) => {
      if (!r.agreement) return null;
      const a = JSON.parse(r.agreement) as Agreement;
      for (const t of a.terms) {
        const m = INSTALMENTS.exec(t);
        if (m) {
          const [total, ...parts] = sums(t);
          if (parts.length !== CN_NUMBER[m[1]!]) return `"${t}": ${parts.length} instalments named for 分${m[1]}期`;
          if (parts.reduce((x, y) => x + y, 0) !== total) return `"${t}": instalments do not add up to ${total! / 100}`;
        }
        for (const d of t.matchAll(CN_DATE)) {
          const iso = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
          if (iso < r.agreement_effective_at! || iso > (a.performanceDeadline ?? ''))
            return `"${t}": ${iso} outside the performance period`;
        }
      }
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
    expect(agreed().filter(({ a }) => a.terms.some((t) => INSTALMENTS.test(t))).length).toBeGreaterThan(20);
  });

  it('names a way of performance that fits the terms: cash or transfer for money, 实物 only for goods', () => {
    const bad = problems((r) => {
      if (!r.agreement) return null;
      const a = JSON.parse(r.agreement) as Agreement;
      const method = a.performanceMethod ?? '';
      const pays = a.terms.some((t) => HAS_AMOUNT.test(t));
      const instalments = a.terms.some((t) => INSTALMENTS.test(t));
      if (pays && !CASH.test(method)) return `money is paid, but the method is "${method}"`;
      if (!pays && /现金|转账|分期|支付/.test(method)) return `no money is paid, but the method is "${method}"`;
      if (instalments !== method.includes('分期')) return `method "${method}" and terms disagree on instalments`;
      if (method.includes('实物') && !a.terms.some((t) => GOODS.test(t))) return `"${method}" with no goods in the terms`;
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('binds only the parties in the terms', () => {
    const bad = problems((r) => {
      if (!r.agreement) return null;
      for (const t of (JSON.parse(r.agreement) as Agreement).terms) {
        const m = NOT_A_PARTY.exec(t);
        if (m && !r.names.includes(m[0])) return `"${t}" obliges ${m[0]}, who is no party`;
      }
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('records facts, not filler, and disputes a sum only where one was claimed', () => {
    const bad = problems((r) => {
      if (YEAR_ONLY.test(r.summary)) return `summary "${r.summary}" dates by year only`;
      if (!r.undisputed) return null;
      const u = JSON.parse(r.undisputed) as Undisputed;
      if (u.facts.length === 0 || u.disputedPoints.length === 0) return 'an empty record';
      const filler = u.facts.find((f) => YEAR_ONLY.test(f) || /纠纷发生于/.test(f));
      if (filler) return `filler fact "${filler}"`;
      if (new Set(u.facts).size !== u.facts.length) return 'a fact recorded twice';
      if (moneyWords(r.claims).size === 0 && u.disputedPoints.some((p) => /数额|金额/.test(p)))
        return `disputes a sum the claim never asked for`;
      return null;
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
  });

  it('holds the sessions of a case at least an hour apart (never three in the same minute)', () => {
    const ties = dirs.flatMap((d) =>
      d.all<{ case_id: string; n: number }>(
        `SELECT a.case_id, count(*) AS n FROM sessions a JOIN sessions b ON b.case_id = a.case_id AND b.id <> a.id
          WHERE abs(julianday(a.held_at) - julianday(b.held_at)) < 1.0 / 24 GROUP BY a.case_id`,
      ),
    );
    expect(ties).toEqual([]);
  });

  it('never mediates an administrative dispute or a petition about policy as 人民调解', () => {
    const outside = rows.filter(
      (r) =>
        isOutsidePeopleMediation(r.category) || (['petition_backlog', 'insolvency'].includes(r.category) && POLICY_CLAIM.test(r.claims)),
    );
    expect(outside.length).toBeGreaterThan(10);
    const bad = outside.flatMap((r) => {
      const mediated =
        r.accepted_at !== null ||
        r.sessions > 0 ||
        r.agreement !== null ||
        r.undisputed !== null ||
        ['failed', 'agreement'].includes(r.outcome ?? '');
      return mediated ? [`${r.category} ${r.case_number}: ${r.status}/${r.outcome ?? '-'} "${r.claims}"`] : [];
    });
    expect(bad.slice(0, 10), `${bad.length} cases`).toEqual([]);
    // They are refused or handed on, never left to look like a dispute the committee lost.
    const ends = new Set(outside.map((r) => (r.status === 'closed' ? r.outcome : r.status)));
    expect([...ends].filter((e) => !['registered', 'rejected', 'transferred'].includes(e ?? ''))).toEqual([]);
    expect(ends.has('rejected') && ends.has('transferred')).toBe(true);
  });
});
