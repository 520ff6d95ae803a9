/**
 * The test oracle: every figure of definitions.ts computed again, in plain JS, from a plain
 * `SELECT *` of each table — written from the Chinese rules, not from the service's SQL, and
 * sharing none of its code. Only the domain's code tables (categories → reporting types) are
 * shared, because they are facts, not rules of the statistics.
 */
import type Database from 'better-sqlite3';
import { CASE_FIGURES } from '../../../electron/common/api/stats';
import { CATEGORIES } from '../../../electron/common/domain/categories';

type Row = Record<string, unknown>;
interface CaseRow {
  id: string;
  deleted: number;
  category: string;
  source: string;
  tier: string;
  origin_tier: string;
  status: string;
  registered_at: string;
  accepted_at: string | null;
  outcome: string | null;
  outcome_at: string | null;
  closed_at: string | null;
  deadline: string | null;
  agreed_amount_fen: number | null;
  escalated_at: string | null;
  repeat_petition: number;
  prevented_criminal_people: number;
  prevented_petition_people: number;
}

export interface Counters {
  received: number;
  accepted: number;
  mediated: number;
  successful: number;
  amountFen: number;
  overdue: number;
}

export interface Oracle {
  sets: Record<string, Set<string>>;
  kpi: Counters & {
    preventedCriminalCases: number;
    preventedCriminalPeople: number;
    preventedPetitionCases: number;
    preventedPetitionPeople: number;
  };
  by: Record<'category' | 'reportingType' | 'source' | 'tier' | 'status' | 'outcome', Map<string, Counters>>;
  tier: Map<string, { successful: number; atTier: number }>;
  referrals: Map<string, { referred: number; results: Map<string, number>; days: number; timed: number }>;
  confirmations: { applied: number; granted: number; dismissed: number };
  performance: { performed: number; partly: number; notPerformed: number; visits: number };
  intake: { total: number; byDay: Map<string, number>; byStatus: Map<string, number> };
  queue: { total: number; byStatus: Map<string, number> };
  trend: Map<string, { received: number; mediated: number; successful: number }>;
  keyCases: { overdue: Set<string>; near: Set<string>; escalated: Set<string>; repeat: Set<string>; all: Set<string> };
}

const day = (t: unknown): string | null => (typeof t === 'string' && t.length >= 10 ? t.slice(0, 10) : null);
const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};
const DISTRICT_SOURCES = [
  'walk_in',
  'grid_report',
  'petition_referral',
  'informant_report',
  'court_delegated',
  'court_entrusted',
  'agency_referral',
  'hotline',
  'other',
];
const REPORTING = new Map(CATEGORIES.map((c) => [c.code as string, c.reportingType as string]));

function zero(): Counters {
  return { received: 0, accepted: 0, mediated: 0, successful: 0, amountFen: 0, overdue: 0 };
}

export function computeOracle(db: Database.Database, from: string, to: string, today: string, nearDays = 3): Oracle {
  const within = (t: unknown) => {
    const d = day(t);
    return d !== null && d >= from && d <= to;
  };
  const cut = to < today ? to : today;
  const future = from > today;
  const cases = (db.prepare('SELECT * FROM cases').all() as CaseRow[]).filter((c) => c.deleted === 0);
  const byId = new Map(cases.map((c) => [c.id, c]));

  // 重复信访: marked so, or a petition referral with a party (not an agent) who was a party of an
  // earlier case — the same ID number, or the same name and phone.
  const people = (db.prepare('SELECT case_id, name, phone, id_number, role, deleted FROM parties').all() as Row[]).filter(
    (p) => p.deleted === 0 && p.role !== 'agent' && byId.has(p.case_id as string),
  );
  const casesOf = new Map<string, Set<string>>();
  const keysOf = (p: Row) => [
    ...(typeof p.id_number === 'string' && p.id_number !== '' ? [`id:${p.id_number}`] : []),
    ...(typeof p.phone === 'string' && p.phone !== '' ? [`np:${String(p.name)}|${p.phone}`] : []),
  ];
  for (const p of people) for (const k of keysOf(p)) (casesOf.get(k) ?? casesOf.set(k, new Set()).get(k)!).add(p.case_id as string);
  const earlier = (a: CaseRow, b: CaseRow) => a.registered_at < b.registered_at || (a.registered_at === b.registered_at && a.id < b.id);
  const repeatPetition = (c: CaseRow) =>
    c.repeat_petition === 1 ||
    (c.source === 'petition_referral' &&
      people.some(
        (p) =>
          p.case_id === c.id && keysOf(p).some((k) => [...casesOf.get(k)!].some((other) => other !== c.id && earlier(byId.get(other)!, c))),
      ));

  // A case is open at the end of `cut` when it was registered by then and had, by then, neither an
  // outcome nor been closed (rejection closes a case).
  const openAt = (c: CaseRow) => {
    const reg = day(c.registered_at)!;
    if (reg > cut) return false;
    const out = day(c.outcome_at);
    const closed = day(c.closed_at);
    if (out !== null && out <= cut) return false;
    if (closed !== null && closed <= cut) return false;
    return true;
  };

  const sets: Record<string, Set<string>> = {};
  const put = (name: string, id: string) => (sets[name] ??= new Set()).add(id);
  for (const n of CASE_FIGURES) sets[n] = new Set();

  const kpi = { ...zero(), preventedCriminalCases: 0, preventedCriminalPeople: 0, preventedPetitionCases: 0, preventedPetitionPeople: 0 };
  const by = {
    category: new Map(),
    reportingType: new Map(),
    source: new Map(),
    tier: new Map(),
    status: new Map(),
    outcome: new Map(),
  } as Oracle['by'];
  const tier = new Map<string, { successful: number; atTier: number }>();
  const trend = new Map<string, { received: number; mediated: number; successful: number }>();
  const keyCases = {
    overdue: new Set<string>(),
    near: new Set<string>(),
    escalated: new Set<string>(),
    repeat: new Set<string>(),
    all: new Set<string>(),
  };
  const month = (m: string) => {
    let e = trend.get(m);
    if (!e) trend.set(m, (e = { received: 0, mediated: 0, successful: 0 }));
    return e;
  };

  if (!future) {
    for (const c of cases) {
      const outcome = c.outcome === 'ended' ? 'failed' : c.outcome;
      const received = within(c.registered_at);
      const accepted = within(c.accepted_at);
      const mediated = (outcome === 'agreement' || outcome === 'failed') && within(c.outcome_at);
      const successful = outcome === 'agreement' && within(c.outcome_at);
      const open = openAt(c);
      const overdue = open && c.deadline !== null && c.deadline < cut;
      const amount = successful ? (c.agreed_amount_fen ?? 0) : 0;
      const keys = {
        category: c.category,
        reportingType: REPORTING.get(c.category) ?? 'other',
        source: DISTRICT_SOURCES.includes(c.source) ? c.source : 'other',
        tier: c.tier,
        status: c.status,
        outcome: outcome ?? 'none',
      };
      for (const [dim, key] of Object.entries(keys) as [keyof Oracle['by'], string][]) {
        if (!(received || accepted || mediated || overdue)) continue;
        const m = by[dim];
        const e = m.get(key) ?? zero();
        e.received += received ? 1 : 0;
        e.accepted += accepted ? 1 : 0;
        e.mediated += mediated ? 1 : 0;
        e.successful += successful ? 1 : 0;
        e.amountFen += amount;
        e.overdue += overdue ? 1 : 0;
        m.set(key, e);
      }
      if (received) {
        put('received', c.id);
        kpi.received++;
        month(c.registered_at.slice(0, 7)).received++;
      }
      if (accepted) {
        put('accepted', c.id);
        kpi.accepted++;
      }
      if (mediated) {
        put('mediated', c.id);
        kpi.mediated++;
        month(c.outcome_at!.slice(0, 7)).mediated++;
      }
      if (successful) {
        put('successful', c.id);
        kpi.successful++;
        kpi.amountFen += amount;
        month(c.outcome_at!.slice(0, 7)).successful++;
        const t = tier.get(c.origin_tier) ?? { successful: 0, atTier: 0 };
        t.successful++;
        if (c.tier === c.origin_tier) {
          t.atTier++;
          put('resolvedAtTier', c.id);
        }
        tier.set(c.origin_tier, t);
        if (c.prevented_criminal_people > 0) {
          put('preventedCriminal', c.id);
          kpi.preventedCriminalCases++;
          kpi.preventedCriminalPeople += c.prevented_criminal_people;
        }
        if (c.prevented_petition_people > 0) {
          put('preventedPetition', c.id);
          kpi.preventedPetitionCases++;
          kpi.preventedPetitionPeople += c.prevented_petition_people;
        }
      }
      if (overdue) {
        put('overdue', c.id);
        kpi.overdue++;
      }
      if (open) {
        const near = c.deadline !== null && c.deadline >= cut && c.deadline <= addDays(cut, nearDays);
        const escalated = c.escalated_at !== null && day(c.escalated_at)! <= cut;
        const repeat = repeatPetition(c);
        if (overdue) keyCases.overdue.add(c.id);
        if (near) keyCases.near.add(c.id);
        if (escalated) keyCases.escalated.add(c.id);
        if (repeat) keyCases.repeat.add(c.id);
        if (overdue || near || escalated || repeat) {
          keyCases.all.add(c.id);
          put('keyCases', c.id);
        }
      }
    }
  }

  const referrals = new Map<string, { referred: number; results: Map<string, number>; days: number; timed: number }>();
  const confirmations = { applied: 0, granted: 0, dismissed: 0 };
  const performance = { performed: 0, partly: 0, notPerformed: 0, visits: 0 };
  const intake = { total: 0, byDay: new Map<string, number>(), byStatus: new Map<string, number>() };
  const queue = { total: 0, byStatus: new Map<string, number>() };
  if (!future) {
    for (const r of db.prepare('SELECT * FROM court_referrals').all() as Row[]) {
      const c = byId.get(r.case_id as string);
      if (!c || !within(r.referred_at)) continue;
      put('courtReferrals', c.id);
      const e = referrals.get(r.mode as string) ?? { referred: 0, results: new Map(), days: 0, timed: 0 };
      e.referred++;
      const result = (r.result as string | null) ?? 'pending';
      e.results.set(result, (e.results.get(result) ?? 0) + 1);
      if (r.result !== null && r.materials_signed_at && c.outcome_at) {
        e.timed++;
        e.days += (Date.parse(`${day(c.outcome_at)}T00:00:00Z`) - Date.parse(`${day(r.materials_signed_at)}T00:00:00Z`)) / 86_400_000;
      }
      referrals.set(r.mode as string, e);
    }
    for (const f of db.prepare('SELECT * FROM confirmations').all() as Row[]) {
      if (f.deleted !== 0 || !byId.has(f.case_id as string)) continue;
      if (within(f.applied_at)) {
        confirmations.applied++;
        put('confirmationsApplied', f.case_id as string);
      }
      if (f.ruling === 'confirmed' && within(f.ruled_at)) {
        confirmations.granted++;
        put('confirmationsGranted', f.case_id as string);
      }
      if (f.ruling === 'dismissed' && within(f.ruled_at)) confirmations.dismissed++;
    }
    const perf = { performed: new Set<string>(), partly: new Set<string>(), not_performed: new Set<string>() };
    for (const u of db.prepare('SELECT * FROM followups').all() as Row[]) {
      if (u.deleted !== 0 || !byId.has(u.case_id as string) || !within(u.done_at)) continue;
      performance.visits++;
      const p = u.performance as keyof typeof perf | null;
      if (p && perf[p]) perf[p].add(u.case_id as string);
    }
    performance.performed = perf.performed.size;
    performance.partly = perf.partly.size;
    performance.notPerformed = perf.not_performed.size;
    for (const id of perf.performed) put('agreementsPerformed', id);
    for (const i of db.prepare('SELECT * FROM intakes').all() as Row[]) {
      if (!within(i.created_at)) continue;
      intake.total++;
      const d = day(i.created_at)!;
      intake.byDay.set(d, (intake.byDay.get(d) ?? 0) + 1);
      intake.byStatus.set(i.status as string, (intake.byStatus.get(i.status as string) ?? 0) + 1);
    }
    for (const q of db.prepare('SELECT * FROM queue_tickets').all() as Row[]) {
      if (!within(q.day)) continue;
      queue.total++;
      queue.byStatus.set(q.status as string, (queue.byStatus.get(q.status as string) ?? 0) + 1);
    }
  }
  return { sets, kpi, by, tier, referrals, confirmations, performance, intake, queue, trend, keyCases };
}
