/**
 * 600 demo cases: everything the app has to show appears at least once (coverage), and every row
 * is one the app itself could have written (validity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_CODES } from '../../../electron/common/domain/categories';
import { formatCaseNumber } from '../../../electron/common/domain/caseNumber';
import { addDays, caseDeadline, courtReferralDueDate, courtReferralLimitDays } from '../../../electron/common/domain/deadlines';
import { legalDue, makeCalendar } from '../../../electron/common/domain/calendar';
import { builtinYears } from '../../../electron/services/calendar/builtin';

/** Deadlines as the app stores them: the plain-count day moved off a rest day (民事诉讼法 第八十五条). */
const builtinCalendar = makeCalendar(builtinYears());
const onWorkingDay = (nominal: string) => legalDue(builtinCalendar, nominal).due;
import { validateCreditCode, validatePhone, validateResidentId } from '../../../electron/common/domain/identity';
import { isOpen, OUTCOMES, outcomeFor, STATUSES, type Status } from '../../../electron/common/domain/lifecycle';
import { SOURCE_CODES, type SourceCode } from '../../../electron/common/domain/sources';
import { tierRank, TIERS, type Tier } from '../../../electron/common/domain/tiers';
import { personName } from '../../../electron/services/demo/names';
import { Rng } from '../../../electron/services/demo/prng';
import { at, day } from '../../../electron/services/demo/time';
import { localDate, rfc3339 } from '../../../electron/services/core/clock';
import { demoDir, NOW, TODAY, type DemoDir } from './harness';

const N = 600;
let d: DemoDir;

beforeAll(() => {
  d = demoDir(N, 7);
});
afterAll(() => d?.close());

type CaseRow = {
  id: string;
  version: number;
  updated_at: string;
  case_number: string;
  year: number;
  serial: number;
  category: string;
  source: string;
  tier: string;
  origin_tier: string;
  status: string;
  registered_at: string;
  accepted_at: string | null;
  deadline: string | null;
  closed_at: string | null;
  outcome: string | null;
  outcome_at: string | null;
  reject_reason: string | null;
  escalated_at: string | null;
  transferred_to: string | null;
  reporter: string | null;
  agreement: string | null;
  agreed_amount_fen: number | null;
  agreement_effective_at: string | null;
  undisputed: string | null;
  lead_unit: string | null;
  responsible_leader: string | null;
  responsible_person: string | null;
  repeat_petition: number;
};
const cases = () => d.all<CaseRow>('SELECT * FROM cases');
const distinct = (sql: string) => new Set(d.all<{ v: string }>(sql).map((r) => r.v));
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339_CN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const ms = (t: string) => Date.parse(t);

describe('demo coverage (600 cases)', () => {
  it('returns a summary that matches the tables', () => {
    const count = (t: string) => d.all<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)[0]!.n;
    expect(d.summary).toMatchObject({
      cases: N,
      parties: count('parties'),
      mediators: count('mediators'),
      sessions: count('sessions'),
      referrals: count('court_referrals'),
      confirmations: count('confirmations'),
      followups: count('followups'),
    });
    expect(d.summary.mediators).toBeGreaterThanOrEqual(55);
    expect(d.summary.mediators).toBeLessThanOrEqual(70);
  });

  it('has every category, source, tier and status', () => {
    expect(distinct('SELECT DISTINCT category AS v FROM cases')).toEqual(new Set(CATEGORY_CODES));
    expect(distinct('SELECT DISTINCT source AS v FROM cases')).toEqual(new Set(SOURCE_CODES));
    expect(distinct('SELECT DISTINCT tier AS v FROM cases')).toEqual(new Set(TIERS));
    expect(distinct('SELECT DISTINCT origin_tier AS v FROM cases')).toEqual(new Set(TIERS));
    expect(distinct('SELECT DISTINCT status AS v FROM cases')).toEqual(new Set(STATUSES));
    expect(distinct(`SELECT DISTINCT outcome AS v FROM cases WHERE status = 'closed'`)).toEqual(new Set(OUTCOMES));
    // Weighted, not uniform: most disputes arise in villages and towns.
    const low = d.all<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE origin_tier IN ('village', 'town')`)[0]!.n;
    expect(low / N).toBeGreaterThan(0.6);
  });

  it('has court referrals of both modes, both procedures, extensions with consent, results and returned materials', () => {
    const refs = d.all<{
      mode: string;
      procedure: string | null;
      reference_number: string;
      extension_days: number;
      extension_consent: string | null;
      result: string | null;
      materials_returned: number;
      source: string;
    }>('SELECT r.*, c.source FROM court_referrals r JOIN cases c ON c.id = r.case_id');
    expect(new Set(refs.map((r) => r.mode))).toEqual(new Set(['delegated', 'entrusted']));
    expect(new Set(refs.filter((r) => r.mode === 'entrusted').map((r) => r.procedure))).toEqual(new Set(['ordinary', 'simple']));
    expect(
      refs
        .filter((r) => r.mode === 'delegated')
        .every((r) => r.procedure === null && /^（\d{4}）豫0711民诉前调\d+号$/.test(r.reference_number)),
    ).toBe(true);
    expect(refs.filter((r) => r.mode === 'entrusted').every((r) => /^（\d{4}）豫0711民初\d+号$/.test(r.reference_number))).toBe(true);
    expect(refs.every((r) => r.source === (r.mode === 'delegated' ? 'court_delegated' : 'court_entrusted'))).toBe(true);
    expect(refs.length).toBe(d.all(`SELECT 1 FROM cases WHERE source IN ('court_delegated', 'court_entrusted')`).length);
    const extended = refs.filter((r) => r.extension_days > 0);
    expect(extended.length).toBeGreaterThan(0);
    expect(extended.every((r) => !!r.extension_consent && r.extension_consent.includes('同意'))).toBe(true);
    expect(refs.every((r) => r.extension_days > 0 || r.extension_consent === null)).toBe(true);
    expect(new Set(refs.map((r) => r.result))).toEqual(new Set([null, 'agreement', 'failed', 'withdrawn']));
    expect(refs.some((r) => r.mode === 'delegated' && r.result === 'failed' && r.materials_returned === 1)).toBe(true);
    expect(refs.every((r) => r.materials_returned === 0 || (r.mode === 'delegated' && r.result === 'failed'))).toBe(true);
  });

  it('has 司法确认 in every state, follow-ups done and due, escalations, overdue and due-soon cases', () => {
    const confs = d.all<{ accepted_at: string | null; acceptance_number: string | null; ruling: string | null }>(
      'SELECT * FROM confirmations',
    );
    const state = (c: (typeof confs)[number]) => c.ruling ?? (c.accepted_at ? 'accepted' : 'applied');
    expect(new Set(confs.map(state))).toEqual(new Set(['applied', 'accepted', 'confirmed', 'dismissed']));
    expect(confs.filter((c) => c.accepted_at).every((c) => /^（\d{4}）豫0711民特\d+号$/.test(c.acceptance_number ?? ''))).toBe(true);
    const agreements = d.all(`SELECT 1 FROM cases WHERE outcome = 'agreement'`).length;
    expect(confs.length / agreements).toBeGreaterThan(0.2);
    expect(confs.length / agreements).toBeLessThan(0.45);

    const fus = d.all<{ done_at: string | null; performance: string | null }>('SELECT * FROM followups');
    expect(fus.some((f) => f.done_at === null)).toBe(true);
    expect(new Set(fus.filter((f) => f.done_at).map((f) => f.performance))).toEqual(new Set(['performed', 'partly', 'not_performed']));

    const all = cases();
    const escalated = all.filter((c) => c.escalated_at);
    expect(escalated.length).toBeGreaterThan(3);
    for (const c of escalated) expect(tierRank(c.tier as Tier)).toBeGreaterThan(tierRank(c.origin_tier as Tier));
    expect(all.filter((c) => !c.escalated_at).every((c) => c.tier === c.origin_tier)).toBe(true);

    const open = all.filter((c) => isOpen(c.status as Status) && c.deadline);
    expect(open.filter((c) => c.deadline! < TODAY).length).toBeGreaterThanOrEqual(3);
    expect(open.filter((c) => c.deadline! >= TODAY && c.deadline! <= addDays(TODAY, 3)).length).toBeGreaterThanOrEqual(3);
  });

  it('names reporters, cross-unit responsibility, repeat petitions, agents and returning parties', () => {
    const all = cases();
    const reporter = (c: CaseRow) => (c.reporter ? (JSON.parse(c.reporter) as Record<string, string>) : null);
    for (const c of all.filter((x) => x.source === 'grid_report'))
      expect(reporter(c)).toMatchObject({ name: expect.any(String), grid: expect.stringMatching(/第\d+网格$/) });
    for (const c of all.filter((x) => x.source === 'petition_referral')) expect(reporter(c)?.reference).toMatch(/^牧信转〔\d{4}〕\d+号$/);
    for (const c of all.filter((x) => x.source === 'informant_report')) expect(reporter(c)?.name).toBeTruthy();
    const cross = all.filter((c) => c.lead_unit);
    expect(cross.length / N).toBeGreaterThan(0.08);
    expect(cross.length / N).toBeLessThan(0.3);
    expect(cross.every((c) => c.responsible_leader && c.responsible_person)).toBe(true);
    expect(all.some((c) => c.repeat_petition === 1)).toBe(true);

    const agents = d.all<{ case_id: string; represents_case: string | null; authority: string }>(
      `SELECT p.case_id, r.case_id AS represents_case, p.authority FROM parties p LEFT JOIN parties r ON r.id = p.represents_id WHERE p.role = 'agent'`,
    );
    const withAgent = new Set(agents.map((a) => a.case_id)).size;
    expect(withAgent / N).toBeGreaterThan(0.05);
    expect(withAgent / N).toBeLessThan(0.2);
    expect(agents.every((a) => a.represents_case === a.case_id && ['general', 'special'].includes(a.authority))).toBe(true);

    const returning = d.all(
      `SELECT id_number FROM parties WHERE id_number IS NOT NULL GROUP BY id_number HAVING count(DISTINCT case_id) > 1`,
    );
    expect(returning.length).toBeGreaterThan(0);
    const orgs = d.all(`SELECT 1 FROM parties WHERE kind = 'org'`);
    expect(orgs.length).toBeGreaterThan(20);
  });

  it('draws realistic Chinese names: weighted surnames, rare characters, minority names', () => {
    const rng = new Rng(99);
    const names = Array.from({ length: 20_000 }, (_, i) => personName(rng, i % 2 ? 'male' : 'female').name);
    const share = (s: string) => names.filter((n) => n.startsWith(s)).length / names.length;
    expect(share('王')).toBeGreaterThan(share('黄'));
    expect(share('李')).toBeGreaterThan(0.04);
    expect(names.some((n) => n.includes('·'))).toBe(true);
    expect(names.some((n) => /[䶮𪚥]/u.test(n))).toBe(true);
    const lengths = new Set(names.filter((n) => !n.includes('·')).map((n) => [...n].length));
    for (const len of [2, 3]) expect(lengths.has(len)).toBe(true);
    expect(d.all(`SELECT 1 FROM parties WHERE length(name) = 2 AND kind = 'person'`).length).toBeGreaterThan(0);
  });

  it('has a roster with resident, invited and organisational mediators, some suspended or removed with reasons', () => {
    const roster = d.all<{ kind: string; status: string; status_reason: string | null; status_date: string | null; specialties: string }>(
      'SELECT * FROM mediators',
    );
    expect(new Set(roster.map((m) => m.kind))).toEqual(new Set(['resident', 'invited', 'invited_org']));
    expect(new Set(roster.map((m) => m.status))).toEqual(new Set(['active', 'suspended', 'removed']));
    expect(roster.filter((m) => m.status !== 'active').every((m) => m.status_reason && m.status_date)).toBe(true);
    expect(
      roster.every((m) => (JSON.parse(m.specialties) as string[]).every((s) => (CATEGORY_CODES as readonly string[]).includes(s))),
    ).toBe(true);
    const perCase = d.all<{ status: string; n: number; accepted_at: string | null }>(
      `SELECT c.status, c.accepted_at, (SELECT count(*) FROM case_mediators cm WHERE cm.case_id = c.id) AS n FROM cases c`,
    );
    for (const c of perCase) {
      if (c.accepted_at) expect([1, 2]).toContain(c.n);
      else expect(c.n).toBe(0);
    }
  });
});

describe('demo validity (600 cases)', () => {
  it('gives every person a valid resident ID matching birth date and sex, every organisation a valid credit code', () => {
    const ps = d.all<{
      kind: string;
      id_type: string | null;
      id_number: string | null;
      birth_date: string | null;
      sex: string | null;
      credit_code: string | null;
      legal_representative: string | null;
      phone: string;
    }>('SELECT * FROM parties');
    for (const p of ps) {
      if (p.kind === 'person') {
        expect(p.id_type).toBe('resident_id');
        const check = validateResidentId(p.id_number ?? '', TODAY);
        expect(check, p.id_number ?? '').toMatchObject({ ok: true, birthDate: p.birth_date, sex: p.sex });
        expect(p.birth_date! >= '1940-01-01' && p.birth_date! <= '2005-12-31').toBe(true);
      } else {
        expect(validateCreditCode(p.credit_code ?? '').ok, p.credit_code ?? '').toBe(true);
        expect(p.legal_representative).toBeTruthy();
      }
      expect(validatePhone(p.phone).ok, p.phone).toBe(true);
    }
    const areas = new Set(ps.filter((p) => p.id_number).map((p) => p.id_number!.slice(0, 6)));
    for (const a of ['410711', '410702', '410703', '410721']) expect(areas.has(a)).toBe(true);
    // About three parties per case, at least one applicant each.
    expect(ps.length / N).toBeGreaterThan(2.6);
    expect(ps.length / N).toBeLessThan(3.5);
    expect(
      d.all(`SELECT 1 FROM cases c WHERE NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role = 'applicant')`),
    ).toEqual([]);
    // The same ID always belongs to the same person, and a person is in a case once.
    expect(d.all(`SELECT id_number FROM parties WHERE id_number IS NOT NULL GROUP BY id_number HAVING count(DISTINCT name) > 1`)).toEqual(
      [],
    );
    expect(d.all(`SELECT case_id FROM parties WHERE id_number IS NOT NULL GROUP BY case_id, id_number HAVING count(*) > 1`)).toEqual([]);
  });

  it('keeps outcomes consistent with statuses', () => {
    for (const c of cases()) {
      const status = c.status as Status;
      if (status === 'closed') {
        expect(OUTCOMES as readonly string[]).toContain(c.outcome);
        expect(c.closed_at).not.toBeNull();
      } else expect(c.outcome, c.case_number).toBe(outcomeFor(status));
      if (isOpen(status)) expect(c.closed_at).toBeNull();
      if (status === 'rejected') {
        expect(c.reject_reason).toBeTruthy();
        expect(c.closed_at).not.toBeNull();
        expect(c.accepted_at).toBeNull();
      } else expect(c.reject_reason).toBeNull();
      if (c.outcome) expect(c.outcome_at).not.toBeNull();
      if (c.outcome === 'agreement') {
        const a = JSON.parse(c.agreement ?? 'null') as {
          terms: string[];
          responsibility?: string;
          performanceMethod?: string;
          performanceDeadline?: string;
        } | null;
        expect(a?.terms.length).toBeGreaterThanOrEqual(1);
        expect(a?.terms.length).toBeLessThanOrEqual(4);
        // 人民调解法 第二十九条: every demo agreement holds responsibility, method and deadline.
        expect(a?.responsibility).toBeTruthy();
        expect(a?.performanceMethod).toBeTruthy();
        expect((a?.performanceDeadline ?? '') >= (c.agreement_effective_at ?? '~')).toBe(true);
        // An agreed amount is written out, never replaced by vague words.
        expect(a?.terms.join('')).not.toMatch(/适当补偿/);
        expect(c.agreement_effective_at).toBe(c.outcome_at!.slice(0, 10));
      } else {
        expect(c.agreement).toBeNull();
        expect(c.agreement_effective_at).toBeNull();
      }
      if (c.undisputed) expect(c.outcome).toBe('failed');
      if (c.outcome === 'transferred') expect(c.transferred_to).toBeTruthy();
      if (['accepted', 'mediating', 'agreement', 'failed'].includes(status)) expect(c.accepted_at).not.toBeNull();
    }
    expect(cases().some((c) => c.outcome === 'agreement' && c.agreed_amount_fen !== null)).toBe(true);
    expect(cases().some((c) => c.outcome === 'failed' && c.undisputed !== null)).toBe(true);
  });

  it('orders every date: registered ≤ accepted ≤ outcome ≤ closed ≤ now, deadlines by the domain rules', () => {
    const now = ms(NOW);
    const refs = new Map(
      d
        .all<{
          case_id: string;
          mode: 'delegated' | 'entrusted';
          procedure: 'ordinary' | 'simple' | null;
          materials_signed_at: string;
          extension_days: number;
          time_limit_days: number;
          referred_at: string;
        }>('SELECT * FROM court_referrals')
        .map((r) => [r.case_id, r]),
    );
    for (const c of cases()) {
      const chain = [c.registered_at, c.accepted_at, c.outcome_at, c.closed_at].filter((t): t is string => t !== null);
      for (const t of [...chain, c.updated_at, c.escalated_at].filter((x): x is string => !!x)) {
        expect(t).toMatch(RFC3339_CN);
        expect(ms(t)).toBeLessThanOrEqual(now);
      }
      for (let i = 1; i < chain.length; i++)
        expect(ms(chain[i]!), `${c.case_number} ${chain.join(' ')}`).toBeGreaterThanOrEqual(ms(chain[i - 1]!));
      expect(ms(c.registered_at)).toBeGreaterThan(now - 731 * 86_400_000);
      if (c.escalated_at) expect(ms(c.escalated_at)).toBeGreaterThan(ms(c.registered_at));
      const r = refs.get(c.id);
      if (r) {
        expect(r.time_limit_days).toBe(courtReferralLimitDays(r.mode, r.procedure));
        expect(c.deadline).toBe(
          onWorkingDay(
            courtReferralDueDate({
              mode: r.mode,
              procedure: r.procedure,
              materialsSignedOn: r.materials_signed_at,
              extensionDays: r.extension_days,
            }),
          ),
        );
        expect(r.referred_at <= c.registered_at.slice(0, 10)).toBe(true);
      } else if (c.accepted_at) {
        expect(c.deadline).toBe(onWorkingDay(caseDeadline(c.accepted_at.slice(0, 10), c.source as SourceCode)));
      } else expect(c.deadline).toBeNull();
      expect(c.version).toBeGreaterThanOrEqual(1);
    }
    const sessions = d.all<{ held_at: string; accepted_at: string; outcome_at: string | null }>(
      'SELECT s.held_at, c.accepted_at, c.outcome_at FROM sessions s JOIN cases c ON c.id = s.case_id',
    );
    for (const s of sessions) {
      expect(ms(s.held_at)).toBeGreaterThan(ms(s.accepted_at));
      expect(ms(s.held_at)).toBeLessThanOrEqual(s.outcome_at ? ms(s.outcome_at) : now);
    }
    const conf = d.all<{ applied_at: string; accepted_at: string | null; ruled_at: string | null; agreement_effective_at: string }>(
      'SELECT f.*, c.agreement_effective_at FROM confirmations f JOIN cases c ON c.id = f.case_id',
    );
    for (const f of conf) {
      expect(f.applied_at >= f.agreement_effective_at && f.applied_at <= addDays(f.agreement_effective_at, 30)).toBe(true);
      if (f.accepted_at) expect(f.accepted_at >= f.applied_at && f.accepted_at <= TODAY).toBe(true);
      if (f.ruled_at) expect(f.ruled_at >= f.accepted_at! && f.ruled_at <= TODAY).toBe(true);
    }
    const fus = d.all<{ due_on: string; done_at: string | null; agreement_effective_at: string }>(
      'SELECT f.*, c.agreement_effective_at FROM followups f JOIN cases c ON c.id = f.case_id',
    );
    for (const f of fus) {
      expect(f.due_on > f.agreement_effective_at).toBe(true);
      if (f.done_at) expect(f.done_at >= f.agreement_effective_at && f.done_at <= TODAY).toBe(true);
    }
  });

  it('numbers cases gaplessly per year in the committee format, with counters the app continues from', () => {
    const all = cases();
    const years = new Map<number, number[]>();
    for (const c of all) {
      years.set(c.year, [...(years.get(c.year) ?? []), c.serial]);
      expect(c.case_number).toBe(formatCaseNumber({ year: c.year, abbr: '牧调', serial: c.serial }));
      expect(c.year).toBe(Number(c.registered_at.slice(0, 4)));
    }
    const counters = new Map(d.all<{ name: string; value: number }>('SELECT * FROM counters').map((r) => [r.name, r.value]));
    for (const [year, serials] of years) {
      const sorted = [...serials].sort((a, b) => a - b);
      expect(sorted).toEqual(sorted.map((_, i) => i + 1));
      expect(counters.get(`case:${year}`)).toBe(sorted.length);
    }
    // Within a year, numbers follow registration order.
    const ordered = [...all].sort((a, b) => a.registered_at.localeCompare(b.registered_at));
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.year === ordered[i - 1]!.year) expect(ordered[i]!.serial).toBeGreaterThan(ordered[i - 1]!.serial);
    }
  });

  it('writes UUID v7 ids, an audit trail in time order, and outbox and search rows through the triggers', () => {
    for (const t of ['cases', 'parties', 'sessions', 'mediators', 'confirmations', 'followups', 'audit']) {
      for (const r of d.all<{ id: string }>(`SELECT id FROM ${t}`)) expect(r.id).toMatch(UUID_V7);
    }
    for (const t of ['cases', 'parties', 'sessions', 'mediators', 'confirmations', 'followups']) {
      expect(d.all(`SELECT 1 FROM ${t} WHERE version < 1 OR updated_at NOT LIKE '%+08:00'`), t).toEqual([]);
    }
    expect(
      d.all(`SELECT id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.case_id = c.id AND a.operation = 'cases.register')`),
    ).toEqual([]);
    const audit = d.all<{ case_id: string; at: string; operation: string }>(
      'SELECT case_id, at, operation FROM audit WHERE case_id IS NOT NULL ORDER BY case_id, id',
    );
    let prev: (typeof audit)[number] | undefined;
    for (const a of audit) {
      if (prev && prev.case_id === a.case_id) expect(ms(a.at)).toBeGreaterThanOrEqual(ms(prev.at));
      else expect(a.operation).toBe('cases.register');
      prev = a;
    }
    // Case versions count the changes the app would have made (one per case-changing event).
    const versions = d.all<{ version: number; changes: number }>(
      `SELECT c.version, (SELECT count(*) FROM audit a WHERE a.case_id = c.id AND a.entity_kind = 'case' AND a.operation NOT IN ('cases.register', 'followups.schedule')) AS changes FROM cases c`,
    );
    for (const v of versions) expect(v.version).toBe(v.changes + 1);
    const outbox = (kind: string) => d.all<{ n: number }>('SELECT count(*) AS n FROM outbox WHERE kind = ?', kind)[0]!.n;
    expect(outbox('case')).toBe(N);
    expect(outbox('party')).toBe(d.summary.parties);
    expect(outbox('event')).toBe(
      d.all("SELECT 1 FROM audit WHERE entity_kind IN ('case', 'party', 'session', 'mediator', 'confirmation', 'followup')").length,
    );
    const three = d.all<{ name: string }>(`SELECT name FROM parties WHERE kind = 'person' AND length(name) = 3 LIMIT 1`)[0]!.name;
    expect(d.all(`SELECT rowid FROM parties_fts WHERE parties_fts MATCH ?`, `"${three}"`).length).toBeGreaterThan(0);
  });

  it('formats times exactly as the services do (fast path of demo/time.ts)', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(ms(NOW) - rng.next() * 800 * 86_400_000);
      expect(at(t)).toBe(rfc3339(new Date(t)));
      expect(day(t)).toBe(localDate(new Date(t)));
    }
  });

  it('passes the database checks', () => {
    expect(d.ctx.db.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(d.ctx.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
