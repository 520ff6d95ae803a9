/**
 * One demo case, end to end: who the parties are, how the case moved through its life cycle and
 * when, and every row that history leaves behind (parties, mediators, sessions, court referral,
 * 司法确认, follow-ups, audit events). Times come first and the rows follow from them, so every row
 * agrees with the case: registered ≤ accepted ≤ started ≤ sessions ≤ outcome ≤ closed ≤ now, the
 * deadline computed by the domain rules (from the day of acceptance, or the court's time limit for
 * a referral), outcomes consistent with the status (domain/lifecycle.ts outcomeFor), versions
 * counting the changes the app would have made.
 */
import { COURT_RESULT_LABELS, FOLLOWUP_METHOD_LABELS, PERFORMANCE_LABELS } from '../../common/api/court';
import { categoryLabel, type CategoryCode } from '../../common/domain/categories';
import { courtReferralLimitDays } from '../../common/domain/deadlines';
import { ACTIONS, STATUSES, statusLabel, type Outcome, type Status } from '../../common/domain/lifecycle';
import { formatYuan } from '../../common/domain/money';
import { courtModeOf, sourceLabel, type SourceCode } from '../../common/domain/sources';
import { nextTier, tierLabel, type Tier } from '../../common/domain/tiers';
import { NO_FORCE, type ConfirmationState, type Force } from './coverage';
import type { DomainDates } from './dates';
import { idAt } from './ids';
import { personName } from './names';
import type { People, Person } from './people';
import {
  area as pickArea,
  COURT,
  COURT_CODE,
  gridName,
  POLICE_STATIONS,
  sessionPlace,
  UNITS,
  type Area,
  type Organisation,
  type OrgKind,
} from './places';
import { weighted, type Rng } from './prng';
import type { DemoMediator } from './roster';
import {
  DISMISS_NOTES,
  ESCALATE_REASONS,
  FOLLOWUP_NOTES,
  PERFORMANCE_METHODS,
  REJECT_REASONS,
  TEXTS,
  TRANSFER_TARGETS,
  WITHDRAW_REASONS,
  type CategoryTexts,
} from './texts';
import { at, DAY, day, dayStart, HOUR, MINUTE, officeTime } from './time';
import type { AuditRowValues, DemoWriter } from './writer';

// ------------------------------------------------------------------------------------------------
// Weights. Roughly the mix of a district centre's 人民调解 statistics: neighbours and families
// first, then homesteads, damages and contracts; court referrals about one case in seven.
// ------------------------------------------------------------------------------------------------

const pickCategory = weighted<CategoryCode>([
  ['neighbor', 18],
  ['marriage_family', 14],
  ['housing_homestead', 9],
  ['contract', 8],
  ['damages', 9],
  ['traffic_accident', 7],
  ['labor', 7],
  ['property_management', 6],
  ['consumer', 4],
  ['business', 3],
  ['forest_land', 2],
  ['land_expropriation', 3],
  ['environment', 1.5],
  ['medical', 1.5],
  ['other', 5],
  ['petition_backlog', 1],
  ['administrative', 0.8],
  ['insolvency', 0.4],
]);

const SOURCE_BASE: Readonly<Record<SourceCode, number>> = {
  walk_in: 42,
  grid_report: 15,
  petition_referral: 5,
  informant_report: 5,
  court_delegated: 10,
  court_entrusted: 4,
  agency_referral: 7,
  hotline: 6,
  other: 6,
};
const SOURCE_BOOST: Partial<Record<CategoryCode, Partial<Record<SourceCode, number>>>> = {
  neighbor: { grid_report: 2.5, court_delegated: 0.3, court_entrusted: 0.2 },
  housing_homestead: { grid_report: 2, court_delegated: 0.8 },
  marriage_family: { court_delegated: 1.3, court_entrusted: 1.5, grid_report: 1.2 },
  contract: { court_delegated: 3, court_entrusted: 3, grid_report: 0.2 },
  business: { court_delegated: 2, court_entrusted: 2 },
  damages: { court_delegated: 1.8, court_entrusted: 1.5, agency_referral: 1.5 },
  traffic_accident: { court_delegated: 2.5, court_entrusted: 2.5, agency_referral: 3 },
  labor: { court_delegated: 1.5, hotline: 2, agency_referral: 1.5 },
  consumer: { hotline: 5, agency_referral: 2, court_delegated: 0.5 },
  property_management: { hotline: 3, court_delegated: 2 },
  medical: { court_delegated: 1.5 },
  land_expropriation: { petition_referral: 5, grid_report: 1.5, court_delegated: 0.2, court_entrusted: 0.1 },
  environment: { grid_report: 2.5, hotline: 2, petition_referral: 2, court_delegated: 0.2, court_entrusted: 0.1 },
  petition_backlog: { petition_referral: 30, walk_in: 0.3, grid_report: 0.3, court_delegated: 0, court_entrusted: 0 },
  administrative: { agency_referral: 4, petition_referral: 3, court_entrusted: 0.5, grid_report: 0.1 },
  insolvency: { court_entrusted: 4, court_delegated: 2 },
};
const sourcePickers = new Map<CategoryCode, (rng: Rng) => SourceCode>();
function pickSource(rng: Rng, category: CategoryCode): SourceCode {
  let picker = sourcePickers.get(category);
  if (!picker) {
    const boost = SOURCE_BOOST[category] ?? {};
    picker = weighted((Object.keys(SOURCE_BASE) as SourceCode[]).map((s) => [s, SOURCE_BASE[s] * (boost[s] ?? 1)] as const));
    sourcePickers.set(category, picker);
  }
  return picker(rng);
}

/** 小纠纷不出村、大纠纷不出镇、疑难纠纷不出区: most disputes arise in the village or the town. */
const tierVillage = weighted<Tier>([
  ['village', 55],
  ['town', 33],
  ['district', 12],
]);
const tierTown = weighted<Tier>([
  ['village', 20],
  ['town', 50],
  ['district', 30],
]);
const tierDistrict = weighted<Tier>([
  ['town', 30],
  ['district', 70],
]);
const tierCourt = weighted<Tier>([
  ['town', 15],
  ['district', 85],
]);
function pickTier(rng: Rng, category: CategoryCode, source: SourceCode): Tier {
  if (courtModeOf(source)) return tierCourt(rng);
  if (['petition_backlog', 'administrative', 'insolvency', 'medical'].includes(category)) return tierDistrict(rng);
  if (['land_expropriation', 'labor', 'environment'].includes(category)) return tierTown(rng);
  return tierVillage(rng);
}

/**
 * Status by age in days: new cases are still open; old ones are mostly closed, a few left open
 * past their deadline (the desk's overdue list: a few per cent of a year's cases, not half).
 */
const STATUS_BY_AGE: readonly (readonly [number, (rng: Rng) => Status])[] = [
  [
    2,
    weighted<Status>([
      ['registered', 45],
      ['accepted', 20],
      ['mediating', 20],
      ['rejected', 5],
      ['transferred', 5],
      ['withdrawn', 2],
      ['agreement', 3],
    ]),
  ],
  [
    10,
    weighted<Status>([
      ['registered', 8],
      ['accepted', 15],
      ['mediating', 40],
      ['agreement', 15],
      ['failed', 5],
      ['withdrawn', 4],
      ['transferred', 4],
      ['rejected', 4],
      ['closed', 5],
    ]),
  ],
  [
    40,
    weighted<Status>([
      ['registered', 2],
      ['accepted', 5],
      ['mediating', 22],
      ['agreement', 20],
      ['failed', 7],
      ['withdrawn', 3],
      ['transferred', 3],
      ['rejected', 4],
      ['closed', 34],
    ]),
  ],
  [
    90,
    weighted<Status>([
      ['registered', 0.2],
      ['accepted', 0.5],
      ['mediating', 4],
      ['agreement', 8],
      ['failed', 2],
      ['withdrawn', 1],
      ['transferred', 1],
      ['rejected', 4],
      ['closed', 79.3],
    ]),
  ],
  [
    Infinity,
    weighted<Status>([
      ['registered', 0.05],
      ['accepted', 0.1],
      ['mediating', 0.4],
      ['agreement', 3],
      ['failed', 1],
      ['withdrawn', 0.5],
      ['transferred', 0.5],
      ['rejected', 4],
      ['closed', 90.45],
    ]),
  ],
];
const pickClosedOutcome = weighted<Outcome>([
  ['agreement', 68],
  ['failed', 20],
  ['withdrawn', 7],
  ['transferred', 5],
]);
const pickSessionCount = weighted<number>([
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 10],
]);
const pickPartyCount = weighted<number>([
  [2, 50],
  [3, 28],
  [4, 13],
  [5, 4],
  [6, 2],
  [7, 1.2],
  [8, 0.9],
  [10, 0.9],
]);
const pickPerformance = weighted<'performed' | 'partly' | 'not_performed'>([
  ['performed', 80],
  ['partly', 12],
  ['not_performed', 8],
]);
const pickMethod = weighted<'visit' | 'phone' | 'other'>([
  ['visit', 45],
  ['phone', 50],
  ['other', 5],
]);

/** Which side is an organisation, by category: workers against a company, owners against 物业 ... */
const ORG_SIDE: Partial<Record<CategoryCode, { p: number; kinds: readonly OrgKind[] }>> = {
  labor: { p: 0.85, kinds: ['company', 'company', 'factory'] },
  consumer: { p: 0.9, kinds: ['shop', 'shop', 'school'] },
  medical: { p: 0.95, kinds: ['hospital'] },
  property_management: { p: 0.9, kinds: ['property'] },
  environment: { p: 0.8, kinds: ['factory'] },
  insolvency: { p: 1, kinds: ['company'] },
  administrative: { p: 1, kinds: ['agency'] },
  petition_backlog: { p: 0.5, kinds: ['agency'] },
  land_expropriation: { p: 0.6, kinds: ['village', 'agency'] },
  contract: { p: 0.35, kinds: ['company', 'shop'] },
  business: { p: 0.3, kinds: ['company'] },
  forest_land: { p: 0.2, kinds: ['village'] },
  damages: { p: 0.08, kinds: ['company'] },
  other: { p: 0.03, kinds: ['company'] },
};
/** Group disputes: many applicants against one respondent. */
const GROUP: Partial<Record<CategoryCode, number>> = {
  labor: 0.25,
  land_expropriation: 0.3,
  environment: 0.4,
  insolvency: 0.4,
  petition_backlog: 0.1,
};
/** Disputes between people who live side by side. */
const SAME_PLACE = new Set<CategoryCode>(['neighbor', 'housing_homestead', 'marriage_family', 'forest_land']);
const CROSS_UNIT: Partial<Record<CategoryCode, number>> = {
  land_expropriation: 0.6,
  petition_backlog: 0.7,
  environment: 0.6,
  administrative: 0.5,
  insolvency: 0.6,
  labor: 0.25,
  housing_homestead: 0.12,
};
const LAW_FIRMS = ['河南牧野律师事务所', '河南卫河律师事务所', '河南新乡平原律师事务所', '河南豫北律师事务所', '牧野区法律援助中心'];

// ------------------------------------------------------------------------------------------------
// What the builder needs from the run
// ------------------------------------------------------------------------------------------------

export interface Counts {
  cases: number;
  parties: number;
  sessions: number;
  referrals: number;
  confirmations: number;
  followups: number;
  audit: number;
}

/** Yearly serials the demo invents for other bodies' numbers (court, 信访局, hotline). */
export class YearSerials {
  private readonly values = new Map<string, number>();
  constructor(private readonly rng: Rng) {}
  next(kind: string, year: number, firstMax = 80): number {
    const key = `${kind}:${year}`;
    const v = (this.values.get(key) ?? this.rng.int(1, firstMax)) + this.rng.int(1, 3);
    this.values.set(key, v);
    return v;
  }
}

export class RosterIndex {
  private readonly residents: DemoMediator[];
  private readonly invited: DemoMediator[];
  private readonly inactive: DemoMediator[];
  private readonly bySpecialty = new Map<string, DemoMediator[]>();

  constructor(all: readonly DemoMediator[]) {
    const active = all.filter((m) => m.status === 'active');
    this.residents = active.filter((m) => m.kind === 'resident');
    this.invited = active.filter((m) => m.kind !== 'resident');
    this.inactive = all.filter((m) => m.status !== 'active');
    for (const m of this.residents) {
      for (const s of m.specialties) this.bySpecialty.set(s, [...(this.bySpecialty.get(s) ?? []), m]);
    }
  }

  /**
   * Lead and (sometimes) assistant for a case assigned at `ms`. Only mediators on the roster at
   * that moment: a since-suspended or removed mediator may have older cases, never newer ones.
   */
  pick(rng: Rng, category: CategoryCode, court: boolean, ms: number): DemoMediator[] {
    const special = this.bySpecialty.get(category);
    const pool = court && rng.chance(0.7) ? this.invited : special && rng.chance(0.75) ? special : this.residents;
    let lead = rng.pick(pool);
    if (rng.chance(0.05)) {
      const former = this.inactive.filter((m) => m.statusMs > ms + DAY && m.createdMs < ms);
      if (former.length > 0) lead = rng.pick(former);
    }
    if (!rng.chance(0.3)) return [lead];
    const assistant = rng.pick(this.residents);
    return assistant.id === lead.id ? [lead] : [lead, assistant];
  }
}

export interface BuildEnv {
  rng: Rng;
  people: People;
  w: DemoWriter;
  nowMs: number;
  today: string;
  /** the domain's date rules with the centre's deadline overrides */
  dates: DomainDates;
  /** days from acceptance to the deadline, per source, with the centre's overrides applied */
  limitDays: Readonly<Record<SourceCode, number>>;
  /** the centre's first follow-up, days after the agreement (settings) */
  followupDays: number;
  drawNumber(year: number): { serial: number; caseNumber: string };
  roster: RosterIndex;
  clerks: readonly string[];
  serials: YearSerials;
  counts: Counts;
}

// ------------------------------------------------------------------------------------------------
// Parties
// ------------------------------------------------------------------------------------------------

interface PartyDraft {
  role: 'applicant' | 'respondent' | 'third_party' | 'agent';
  person?: Person;
  org?: Organisation;
  /** agents: index of the party they act for */
  represents?: number;
  authority?: 'general' | 'special';
}

function nameOf(p: PartyDraft): string {
  return p.person ? p.person.name : p.org!.name;
}

/**
 * Someone in the case: now and then a returning party (never one already in this case);
 * neighbours for disputes between neighbours.
 */
function anyone(env: BuildEnv, category: CategoryCode, a: Area, unit: string, inCase: readonly PartyDraft[]): Person {
  const { rng, people } = env;
  const back = rng.chance(0.03) ? people.returning() : null;
  if (back && !inCase.some((p) => p.person?.idNumber === back.idNumber)) return back;
  return SAME_PLACE.has(category) && rng.chance(0.7) ? people.person({ area: a, unit }) : people.person();
}

function composeParties(env: BuildEnv, category: CategoryCode, a: Area, unit: string, f: Force): PartyDraft[] {
  const { rng, people } = env;
  const orgSide = ORG_SIDE[category];
  const orgRespondent = orgSide !== undefined && rng.chance(orgSide.p);
  const out: PartyDraft[] = [];

  const first = (f.returning || rng.chance(0.03) ? people.returning() : null) ?? people.person({ area: a, unit });
  const group = GROUP[category] !== undefined && rng.chance(GROUP[category]);
  const principals = group ? rng.int(4, 9) : pickPartyCount(rng);
  let applicants = 1;
  let respondents = 1;
  let thirds = 0;
  if (group) applicants = principals - 1;
  else {
    for (let k = 2; k < principals; k++) {
      const r = rng.next();
      if (r < 0.4) applicants++;
      else if (r < 0.75) respondents++;
      else thirds++;
    }
  }
  out.push({ role: 'applicant', person: first });
  for (let k = 1; k < applicants; k++)
    out.push({ role: 'applicant', person: group ? people.person({ area: a, unit }) : anyone(env, category, a, unit, out) });
  for (let k = 0; k < respondents; k++) {
    if (orgRespondent && k === 0) out.push({ role: 'respondent', org: people.org(rng.pick(orgSide.kinds)) });
    else out.push({ role: 'respondent', person: anyone(env, category, a, unit, out) });
  }
  for (let k = 0; k < thirds; k++) {
    if (category === 'traffic_accident' && k === 0 && rng.chance(0.8)) out.push({ role: 'third_party', org: people.org('insurer') });
    else out.push({ role: 'third_party', person: anyone(env, category, a, unit, out) });
  }
  // 物业 suing owners for fees is as common as owners complaining about 物业.
  if (category === 'property_management' && orgRespondent && rng.chance(0.5)) {
    const company = out.find((p) => p.org);
    const owner = out[0]!;
    if (company) {
      company.role = 'applicant';
      owner.role = 'respondent';
      out.sort((x, y) => (x.role === 'applicant' ? 0 : 1) - (y.role === 'applicant' ? 0 : 1));
    }
  }
  if (f.agent || rng.chance(0.09)) {
    const orgIndex = out.findIndex((p) => p.org);
    const represents = orgIndex >= 0 && rng.chance(0.4) ? orgIndex : 0;
    const lawyer = represents === orgIndex || rng.chance(0.6);
    const agent = people.person({ minYear: 1960, maxYear: 1998 });
    if (lawyer) {
      const firm = rng.pick(LAW_FIRMS);
      out.push({
        role: 'agent',
        person: { ...agent, occupation: firm === '牧野区法律援助中心' ? '法律援助律师' : `律师（${firm}）` },
        represents,
        authority: 'special',
      });
    } else {
      const principal = out[represents]!.person;
      out.push({
        role: 'agent',
        person: { ...agent, occupation: '近亲属', address: principal?.address ?? agent.address },
        represents,
        authority: 'general',
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Texts
// ------------------------------------------------------------------------------------------------

function fill(template: string, a: string, b: string, place: string, amount: string): string {
  return template.replace(/\{(甲|乙|地|额)\}/g, (_, k: string) => (k === '甲' ? a : k === '乙' ? b : k === '地' ? place : amount));
}

function yuanText(fen: number | null): string {
  return fen === null ? '相关款项' : `${formatYuan(fen).replace(/\.00$/, '')}元`;
}

/** Log-uniform amounts rounded to 100 yuan: small claims are common, large ones rare. */
function amountFen(rng: Rng, t: CategoryTexts, category: CategoryCode): number | null {
  if (!t.amount) return null;
  const nonMonetary = category === 'neighbor' || category === 'marriage_family' || category === 'other' || category === 'environment';
  if (nonMonetary && rng.chance(0.4)) return null;
  const [lo, hi] = t.amount;
  const yuan = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
  return Math.max(1, Math.round(yuan / 100)) * 100 * 100;
}

// ------------------------------------------------------------------------------------------------
// The case
// ------------------------------------------------------------------------------------------------

interface Ev {
  ms: number;
  op: string;
  kind: string;
  entityId: string;
  summary: string;
  actor: string;
  before: object | string | null;
  after: object | string | null;
  /** raises the case's version (the app's writeCase) */
  bumps: boolean;
}
/** A case's audit events, collected while its history is drawn and written in time order at the end. */
class Timeline {
  readonly events: Ev[] = [];
  add(
    ms: number,
    op: string,
    kind: string,
    entityId: string,
    summary: string,
    actor: string,
    bumps: boolean,
    before: object | string | null = null,
    after: object | string | null = null,
  ): void {
    this.events.push({ ms, op, kind, entityId, summary, actor, before, after, bumps });
  }
}

/** A moment `dmin`–`dmax` days after `t`, in office hours, and always after `t`. */
function afterDays(rng: Rng, t: number, dmin: number, dmax: number): number {
  const c = officeTime(rng, t + rng.int(dmin, dmax) * DAY);
  return c > t ? c : t + rng.int(5, 90) * MINUTE;
}

// Audit before/after values that never change, stringified once (JSON.stringify was 7% of the load).
const statusJson = (status: string, extra = '') => `{"status":"${status}"${extra}}`;
const S_REGISTERED = statusJson('registered');
const S_ACCEPTED = statusJson('accepted');
const S_MEDIATING = statusJson('mediating');
const S_CLOSED = statusJson('closed');
const S_FAILED = statusJson('failed', ',"outcome":"failed"');
const S_WITHDRAWN = statusJson('withdrawn', ',"outcome":"withdrawn"');
const STATUS_JSON = Object.fromEntries(STATUSES.map((x) => [x, statusJson(x)])) as Record<Status, string>;

export function buildCase(env: BuildEnv, registeredMs: number, f: Force = NO_FORCE): void {
  const { rng, people, w, nowMs, today } = env;
  const R = registeredMs;
  const limitNow = nowMs - MINUTE;
  const ageDays = (nowMs - R) / DAY;

  const category = f.category ?? pickCategory(rng);
  const source = f.source ?? pickSource(rng, category);
  const originTier = f.originTier ?? pickTier(rng, category, source);
  const mode = courtModeOf(source);
  const procedure = mode === 'entrusted' ? (f.procedure ?? (rng.chance(0.4) ? 'ordinary' : 'simple')) : null;
  const texts = TEXTS[category];

  // ---- status and path ------------------------------------------------------------------------
  const status: Status = f.status ?? STATUS_BY_AGE.find(([max]) => ageDays < max)![1](rng);
  const effective: Status = status === 'closed' ? (f.closedOutcome ?? pickClosedOutcome(rng)) : status;
  let accepted = false;
  let started = false;
  switch (effective) {
    case 'accepted':
      accepted = true;
      break;
    case 'mediating':
    case 'agreement':
    case 'failed':
      accepted = started = true;
      break;
    case 'withdrawn':
      accepted = true;
      started = rng.chance(0.6);
      break;
    case 'transferred': {
      const r = rng.next();
      accepted = r > 0.45;
      started = accepted && r > 0.7;
      break;
    }
    default:
      break;
  }
  const hasOutcome = effective === 'agreement' || effective === 'failed' || effective === 'withdrawn' || effective === 'transferred';

  // ---- times ----------------------------------------------------------------------------------
  let acceptMs: number | null = null;
  let assignMs: number | null = null;
  let startMs: number | null = null;
  let outMs: number | null = null;
  let rejectMs: number | null = null;
  let closeMs: number | null = null;

  const plannedLimit = mode ? courtReferralLimitDays(mode, procedure) : env.limitDays[source];
  if (status === 'rejected') rejectMs = afterDays(rng, R, 0, 3);
  if (accepted) {
    if (f.scenario === 'dueSoon') {
      // Accepted so that the deadline falls today or within the next three days.
      const acceptDay = env.dates.addDays(today, rng.int(0, 3) - plannedLimit);
      acceptMs = officeTime(rng, dayStart(acceptDay));
      if (acceptMs <= R) acceptMs = R + 30 * MINUTE;
    } else acceptMs = afterDays(rng, R, 0, mode ? 0 : rng.chance(0.7) ? 0 : 3);
    assignMs = acceptMs + rng.int(5, 240) * MINUTE;
    if (started) startMs = afterDays(rng, assignMs, 0, 4);
  }
  const extensionDays =
    mode && started && (f.extension || rng.chance(0.08))
      ? rng.pick(mode === 'entrusted' && procedure === 'simple' ? [3, 5, 7] : [7, 10, 15, 30])
      : 0;
  if (hasOutcome) {
    if (!accepted) outMs = afterDays(rng, R, 0, 5);
    else if (!started) outMs = afterDays(rng, acceptMs!, 1, 20);
    else {
      const limit = plannedLimit + extensionDays;
      const r = rng.next();
      const days =
        r < 0.75 ? rng.int(1, Math.max(1, limit - 1)) : r < 0.93 ? rng.int(limit, limit + 15) : rng.int(limit + 15, limit * 3 + 30);
      outMs = Math.max(afterDays(rng, acceptMs!, days, days), startMs! + rng.int(1, 5) * HOUR);
    }
  }
  if (status === 'closed') closeMs = afterDays(rng, outMs!, 0, 10);

  // Squeeze the history into the time since registration: a case registered last week and
  // already closed went through its steps faster, never into the future.
  const last = Math.max(acceptMs ?? 0, assignMs ?? 0, startMs ?? 0, outMs ?? 0, rejectMs ?? 0, closeMs ?? 0);
  if (last > limitNow && f.scenario !== 'dueSoon') {
    const k = (limitNow - R) / (last - R);
    if (acceptMs !== null) acceptMs = Math.floor(R + (acceptMs - R) * k);
    if (assignMs !== null) assignMs = Math.floor(R + (assignMs - R) * k);
    if (startMs !== null) startMs = Math.floor(R + (startMs - R) * k);
    if (outMs !== null) outMs = Math.floor(R + (outMs - R) * k);
    if (rejectMs !== null) rejectMs = Math.floor(R + (rejectMs - R) * k);
    if (closeMs !== null) closeMs = Math.floor(R + (closeMs - R) * k);
  }
  if (startMs !== null && startMs > limitNow) startMs = limitNow;

  // Court referrals: the mediator signs for the court's materials when the referral is registered,
  // and the court's time limit (not the centre's) is the case deadline from then on
  // (court/referrals.ts registerReferral); an extension with consent moves it.
  const signedOn = mode ? day(R) : null;
  // Stored as the app stores them: the plain-count day, and that day moved off a rest day.
  const courtDueBefore = mode ? env.dates.legal(env.dates.courtDue(mode, procedure, signedOn!, 0)) : null;
  const deadlineNominal = mode
    ? env.dates.courtDue(mode, procedure, signedOn!, extensionDays)
    : acceptMs === null
      ? null
      : env.dates.caseDeadline(day(acceptMs), source);
  const deadline = deadlineNominal === null ? null : env.dates.legal(deadlineNominal);

  // ---- people ---------------------------------------------------------------------------------
  const a = pickArea(rng);
  const unit = rng.pick(a.units);
  const drafts = composeParties(env, category, a, unit, f);
  const applicants = drafts.filter((p) => p.role === 'applicant');
  const respondents = drafts.filter((p) => p.role === 'respondent');
  const A = nameOf(applicants[0]!);
  const B = respondents.length ? nameOf(respondents[0]!) : '对方当事人';
  const amount = amountFen(rng, texts, category);
  const amountText = yuanText(amount);
  const place = unit;
  const baseTitle = rng.pick(texts.titles);
  const title =
    applicants.length > 2 ? `${A}等${applicants.length}人与${B}${baseTitle}` : rng.chance(0.6) ? `${A}与${B}${baseTitle}` : baseTitle;
  // Facts and claims are written in pairs (texts.ts): keep them about the same dispute.
  const factIndex = rng.int(0, texts.facts.length - 1);
  const summary = fill(texts.facts[factIndex]!, A, B, place, amountText);
  const claims = fill(texts.claims[factIndex % texts.claims.length]!, A, B, place, amountText);

  // ---- numbers and ids --------------------------------------------------------------------------
  const year = new Date(R).getFullYear();
  const { serial, caseNumber } = env.drawNumber(year);
  const caseId = idAt(R);
  const timeline = new Timeline();
  const clerk = rng.pick(env.clerks);
  timeline.add(
    R,
    'cases.register',
    'case',
    caseId,
    `登记案件 ${caseNumber}：${title}（${categoryLabel(category)}，${sourceLabel(source)}）`,
    clerk,
    false,
  );

  // ---- reporter -------------------------------------------------------------------------------
  let reporter: Record<string, string> | null = null;
  switch (source) {
    case 'grid_report':
      reporter = { name: personName(rng, rng.chance(0.5) ? 'male' : 'female').name, grid: gridName(rng, a, unit), phone: people.phone() };
      break;
    case 'informant_report':
      reporter = {
        name: personName(rng, rng.chance(0.5) ? 'male' : 'female').name,
        organisation: rng.pick(['牧野区平安志愿者协会', `${unit}信息员`, '牧野区老党员调解工作室', '牧野区退役军人调解工作室']),
        phone: people.phone(),
      };
      break;
    case 'petition_referral':
      reporter = { reference: `牧信转〔${year}〕${env.serials.next('petition', year, 20)}号`, organisation: '牧野区信访局' };
      break;
    case 'agency_referral':
      reporter = {
        organisation: rng.chance(0.6)
          ? `新乡市公安局牧野分局${rng.pick(POLICE_STATIONS)}`
          : rng.pick(['牧野区市场监督管理局', '牧野区人力资源和社会保障局', '新乡市公安局交通管理支队三大队']),
        name: personName(rng, 'male').name,
      };
      break;
    case 'hotline':
      reporter = {
        organisation: '12345政务服务便民热线',
        reference: `${day(R).replace(/-/g, '')}${String(env.serials.next('hotline', year, 500)).padStart(5, '0')}`,
      };
      break;
    default:
      break;
  }

  // ---- court referral (委派 / 委托), registered with the case ------------------------------------------
  let referenceNumber = '';
  let referredOn = '';
  if (mode) {
    const referredMs = Math.min(R - rng.int(10, 60) * MINUTE, officeTime(rng, R - rng.int(0, 2) * DAY));
    referredOn = day(referredMs);
    const ryear = new Date(referredMs).getFullYear();
    referenceNumber =
      mode === 'delegated'
        ? `（${ryear}）${COURT_CODE}民诉前调${env.serials.next('court:delegated', ryear, 300)}号`
        : `（${ryear}）${COURT_CODE}民初${env.serials.next('court:entrusted', ryear, 200)}号`;
    timeline.add(
      R,
      'court.registerReferral',
      'case',
      caseId,
      `登记${COURT}${mode === 'delegated' ? '委派' : '委托'}调解案件 ${referenceNumber}（${categoryLabel(category)}）` +
        `${procedure ? `，${procedure === 'ordinary' ? '普通程序' : '简易程序'}` : ''}，${signedOn} 签收材料，期限 ${plannedLimit} 日，至 ${courtDueBefore}`,
      clerk,
      true,
      null,
      {
        mode,
        procedure,
        court: COURT,
        referenceNumber,
        referredAt: referredOn,
        materialsSignedAt: signedOn,
        timeLimitDays: plannedLimit,
        deadline: courtDueBefore,
      },
    );
  }

  // ---- mediators ------------------------------------------------------------------------------
  const team = accepted ? env.roster.pick(rng, category, mode !== null, assignMs!) : [];
  const lead = team[0];
  const chosenBy: 'parties' | 'assigned' = rng.chance(mode ? 0.4 : 0.1) ? 'parties' : 'assigned';
  const leader = rng.pick(env.clerks);

  // ---- life-cycle events -------------------------------------------------------------------------
  if (acceptMs !== null) {
    // The app sets the centre's deadline on acceptance only when none is set (a court's is).
    const setsDeadline = !mode;
    timeline.add(
      acceptMs,
      'case.accept',
      'case',
      caseId,
      `受理（已登记 → 已受理）${setsDeadline && deadline ? `，化解期限 ${deadline}` : ''}`,
      leader,
      true,
      S_REGISTERED,
      {
        status: 'accepted',
        acceptedAt: at(acceptMs),
        ...(setsDeadline ? { deadline } : {}),
      },
    );
    for (let k = 0; k < team.length; k++) {
      timeline.add(
        assignMs! + k * 1000,
        'case.assignMediator',
        'case',
        caseId,
        `${chosenBy === 'parties' && k === 0 ? '当事人选定' : '指派'}调解员 ${team[k]!.name}${k === 0 ? '' : '（协助）'}`,
        leader,
        true,
      );
    }
  }
  if (startMs !== null)
    timeline.add(startMs, 'case.start', 'case', caseId, '开始调解（已受理 → 调解中）', lead!.name, true, S_ACCEPTED, S_MEDIATING);

  // Escalation happens while the case is open; it moves the tier, not the status.
  let tier: Tier = originTier;
  let escalatedMs: number | null = null;
  const up = nextTier(originTier);
  if (up && !f.noEscalation && status !== 'rejected' && (f.escalate || rng.chance(0.06))) {
    const openEnd = outMs ?? limitNow;
    escalatedMs = Math.floor(R + (openEnd - R) * rng.bell(0.15, 0.85));
    tier = up;
    timeline.add(
      escalatedMs,
      'case.escalate',
      'case',
      caseId,
      `由${tierLabel(originTier)}上报至${tierLabel(up)}，理由：${rng.pick(ESCALATE_REASONS)}`,
      lead?.name ?? clerk,
      true,
      { tier: originTier },
      { tier: up },
    );
  }

  // ---- sessions -------------------------------------------------------------------------------
  const participants = [
    ...applicants.map((p) => `申请人${nameOf(p)}`),
    ...respondents.map((p) => (p.org ? `被申请人${p.org.name}（委托代表）` : `被申请人${nameOf(p)}`)),
    ...drafts.filter((p) => p.role === 'agent').map((p) => `代理人${nameOf(p)}`),
    ...team.map((m) => `调解员${m.name}`),
  ].join('、');
  const sessionsHeld: number[] = [];
  if (startMs !== null) {
    let k: number;
    if (effective === 'agreement' || effective === 'failed') k = pickSessionCount(rng);
    else if (effective === 'mediating') k = rng.int(0, 3);
    else k = rng.int(0, 2);
    const end = outMs ?? limitNow;
    for (let s = 0; s < k; s++) {
      const raw = Math.floor(startMs + (end - startMs) * (0.05 + 0.9 * rng.next()));
      // Sessions happen in office hours unless the window is too short to find one.
      const office = officeTime(rng, raw);
      sessionsHeld.push(office > startMs && office < end ? office : raw);
    }
    sessionsHeld.sort((x, y) => x - y);
  }
  const sessionPlaceName = sessionPlace(rng, a, unit);
  for (let k = 0; k < sessionsHeld.length; k++) {
    const ms = sessionsHeld[k]!;
    const id = idAt(ms);
    const isLast = k === sessionsHeld.length - 1;
    const closing =
      isLast && effective === 'agreement'
        ? '经调解员耐心疏导，双方互谅互让，自愿达成调解协议。'
        : isLast && effective === 'failed'
          ? '双方分歧较大，本次调解未能达成一致。'
          : '双方同意回去考虑后再次协商，调解员约定下次调解时间。';
    const record =
      `${day(ms)}在${sessionPlaceName}进行第${k + 1}次调解。调解员${lead!.name}向各方告知了人民调解的性质、原则和当事人的权利义务，各方表示不申请回避。` +
      `${rng.sample(texts.statements, 2).join('')}${closing}`;
    const recorder = team[1]?.name ?? rng.pick(env.clerks);
    w.session({ id, caseId, heldAt: at(ms), place: sessionPlaceName, participants, record, recorder, mediatorId: lead!.id });
    timeline.add(ms, 'sessions.add', 'session', id, `记录第 ${k + 1} 次调解（${day(ms)}，${sessionPlaceName}）`, recorder, false);
  }
  env.counts.sessions += sessionsHeld.length;

  // ---- court extension, with both parties' consent, while the court's clock runs -------------------
  let extensionConsent: string | null = null;
  if (extensionDays > 0) {
    const dueMs = dayStart(courtDueBefore!) + 17 * HOUR;
    const consentMs = Math.max(startMs! + MINUTE, Math.min(outMs ?? limitNow, dueMs, limitNow) - rng.int(1, 48) * HOUR);
    const consent = rng.pick(['双方当事人签署书面同意书', '双方当事人在调解笔录中签字同意', '双方当事人电话确认同意并录音']);
    extensionConsent = `${day(consentMs)} 延长${extensionDays}日：${consent}`;
    timeline.add(
      consentMs,
      'court.extend',
      'case',
      caseId,
      `经双方当事人同意延长调解期限 ${extensionDays} 日（${consent}），期限由 ${courtDueBefore} 延至 ${deadline}`,
      lead!.name,
      true,
      { extensionDays: 0, deadline: courtDueBefore },
      { extensionDays, deadline },
    );
  }

  // ---- outcome --------------------------------------------------------------------------------
  let outcome: Outcome | null = null;
  let outcomeNote: string | null = null;
  let rejectReason: string | null = null;
  let transferredTo: string | null = null;
  let agreement: object | null = null;
  let agreedAmountFen: number | null = null;
  let agreementEffectiveAt: string | null = null;
  let undisputed: object | null = null;
  let performanceDeadline: string | null = null;
  const from: Status = startMs !== null ? 'mediating' : accepted ? 'accepted' : 'registered';
  if (rejectMs !== null) {
    rejectReason = rng.pick(REJECT_REASONS);
    timeline.add(
      rejectMs,
      'case.reject',
      'case',
      caseId,
      `${ACTIONS.reject.label}（已登记 → 不予受理），理由：${rejectReason}`,
      leader,
      true,
      S_REGISTERED,
      { status: 'rejected', rejectReason },
    );
  }
  if (outMs !== null) {
    outcome = effective as Outcome;
    const actor = lead?.name ?? leader;
    switch (effective) {
      case 'agreement': {
        const termCount = rng.int(1, 4);
        agreedAmountFen =
          amount !== null
            ? Math.round((amount * rng.bell(0.4, 1)) / 10000) * 10000 || amount
            : rng.chance(0.3)
              ? rng.int(5, 200) * 10000
              : null;
        const agreedText = yuanText(agreedAmountFen);
        agreementEffectiveAt = day(outMs);
        // Every demo agreement holds every 人民调解法 Art. 29 item (people train on demo data); the
        // rng draws stay as they were so the rest of the generated data does not shift.
        performanceDeadline = rng.chance(0.7)
          ? env.dates.addDays(agreementEffectiveAt, rng.pick([0, 7, 15, 30, 60, 90]))
          : env.dates.addDays(agreementEffectiveAt, 30);
        agreement = {
          responsibility: rng.chance(0.5)
            ? `经调解查明，${B}对纠纷的发生负主要责任，${A}负次要责任。`
            : `经调解查明，双方对纠纷的发生均负有一定责任。`,
          terms: rng.sample(texts.terms, termCount).map((t) => fill(t, A, B, place, agreedText)),
          performanceMethod: rng.pick(PERFORMANCE_METHODS),
          performanceDeadline,
          ...(rng.chance(0.3) ? { performancePlace: sessionPlaceName } : {}),
          ...(rng.chance(0.04) ? { oral: true } : {}),
        };
        outcomeNote = rng.chance(0.2) ? '当场履行完毕' : null;
        timeline.add(outMs, 'case.agree', 'case', caseId, `${ACTIONS.agree.label}（调解中 → 达成协议）`, actor, true, S_MEDIATING, {
          status: 'agreement',
          outcome: 'agreement',
          agreementEffectiveAt,
        });
        break;
      }
      case 'failed': {
        outcomeNote = rng.pick(texts.failure);
        timeline.add(
          outMs,
          'case.fail',
          'case',
          caseId,
          `${ACTIONS.fail.label}（调解中 → 调解不成），理由：${outcomeNote}`,
          actor,
          true,
          S_MEDIATING,
          S_FAILED,
        );
        if (f.undisputed || rng.chance(0.35)) {
          const facts = rng.sample(texts.facts_undisputed, 2).concat([`${A}与${B}之间的纠纷发生于${day(R).slice(0, 4)}年`]);
          const recordedMs = Math.max(outMs + 1000, Math.min(outMs + 20 * MINUTE, limitNow));
          undisputed = {
            consent: true,
            facts,
            disputedPoints: ['赔偿（给付）数额', ...(rng.chance(0.5) ? ['履行期限'] : [])],
            failureReason: outcomeNote,
            place: sessionPlaceName,
            // The day it was recorded with the parties, as cases.setUndisputed stores it.
            recordedOn: day(recordedMs),
          };
          timeline.add(recordedMs, 'case.setUndisputed', 'case', caseId, `编辑无争议事实记载（${facts.length} 项事实）`, actor, true);
        }
        break;
      }
      case 'withdrawn':
        outcomeNote = rng.pick(WITHDRAW_REASONS);
        timeline.add(
          outMs,
          'case.withdraw',
          'case',
          caseId,
          `${ACTIONS.withdraw.label}（${statusLabel(from)} → 已撤回），理由：${outcomeNote}`,
          actor,
          true,
          STATUS_JSON[from],
          S_WITHDRAWN,
        );
        break;
      case 'transferred': {
        const [target, reason] = rng.pick(TRANSFER_TARGETS);
        transferredTo = target;
        outcomeNote = reason;
        timeline.add(
          outMs,
          'case.transfer',
          'case',
          caseId,
          `${ACTIONS.transfer.label}（${statusLabel(from)} → 已移交）至 ${target}，理由：${reason}`,
          actor,
          true,
          STATUS_JSON[from],
          { status: 'transferred', outcome: 'transferred', transferredTo: target },
        );
        break;
      }
      default:
        break;
    }
  }
  if (closeMs !== null)
    timeline.add(
      closeMs,
      'case.close',
      'case',
      caseId,
      `${ACTIONS.close.label}（${statusLabel(effective)} → 已结案）`,
      lead?.name ?? leader,
      true,
      STATUS_JSON[effective],
      S_CLOSED,
    );

  // ---- result reported to the court ----------------------------------------------------------------
  const courtResult =
    mode && accepted && outMs !== null && (effective === 'agreement' || effective === 'failed' || effective === 'withdrawn')
      ? effective
      : null;
  const reportedMs = courtResult ? Math.min(afterDays(rng, outMs!, 0, 3), limitNow) : null;
  // 特邀调解规定: a failed 委派 mediation sends the court's materials back for filing.
  const materialsReturned = mode === 'delegated' && courtResult === 'failed';
  if (courtResult) {
    timeline.add(
      reportedMs!,
      'court.reportResult',
      'case',
      caseId,
      `${day(reportedMs!)} 向${COURT}报告调解结果：${COURT_RESULT_LABELS[courtResult]}${courtResult !== 'agreement' && outcomeNote ? `，原因：${outcomeNote}` : ''}${materialsReturned ? '；材料退回法院' : ''}`,
      lead?.name ?? leader,
      true,
    );
  }

  // ---- cross-unit, petitions, figures ---------------------------------------------------------------
  const crossUnit = f.crossUnit || rng.chance(CROSS_UNIT[category] ?? 0.1);
  const leadUnit = crossUnit
    ? originTier === 'district' || rng.chance(0.3)
      ? rng.pick(UNITS)
      : `${a.name}${a.kind === 'town' ? '人民政府' : '办事处'}`
    : null;
  const coUnits = crossUnit
    ? rng.sample(
        UNITS.filter((u) => u !== leadUnit),
        rng.int(1, 3),
      )
    : [];
  const responsibleLeader = crossUnit
    ? `${personName(rng, 'male').name}（${rng.pick(['副镇长', '街道办事处副主任', '区司法局副局长', '党委副书记', '区信访局副局长'])}）`
    : null;
  const responsiblePerson = crossUnit
    ? `${personName(rng, rng.chance(0.5) ? 'male' : 'female').name}（${rng.pick(['司法所所长', '综治中心主任', '信访专干', '村党支部书记'])}）`
    : null;
  const repeatPetition = f.repeatPetition || ((source === 'petition_referral' || category === 'petition_backlog') && rng.chance(0.3));
  const preventedCriminalPeople =
    effective === 'agreement' && ['neighbor', 'marriage_family', 'damages'].includes(category) && rng.chance(0.03) ? rng.int(1, 3) : 0;
  const preventedPetitionPeople =
    effective === 'agreement' && applicants.length > 2 && rng.chance(0.3) ? applicants.length * rng.int(1, 4) : 0;

  // ---- 司法确认 and follow-ups ----------------------------------------------------------------------
  if (effective === 'agreement' && agreementEffectiveAt !== null && outMs !== null) {
    const actor = lead?.name ?? leader;
    confirmation(env, timeline, caseId, outMs, agreementEffectiveAt, f.confirmation, actor);
    followups(env, timeline, caseId, outMs, agreementEffectiveAt, performanceDeadline, f.followup, actor);
  }

  // ---- the case row -------------------------------------------------------------------------------
  const events = timeline.events.sort((x, y) => x.ms - y.ms);
  let changes = 0;
  let lastChange = R;
  for (const e of events) {
    if (!e.bumps) continue;
    changes++;
    lastChange = e.ms;
  }
  const closedAt = closeMs ?? rejectMs;
  w.case({
    id: caseId,
    version: 1 + changes,
    updatedAt: at(lastChange),
    caseNumber,
    year,
    serial,
    title,
    category,
    source,
    tier,
    originTier,
    status,
    summary,
    claims,
    amountFen: amount,
    agreedAmountFen,
    reporter,
    registeredAt: at(R),
    acceptedAt: acceptMs === null ? null : at(acceptMs),
    deadline,
    deadlineNominal,
    closedAt: closedAt === null ? null : at(closedAt),
    outcome,
    outcomeAt: outMs === null ? null : at(outMs),
    outcomeNote,
    rejectReason,
    leadUnit,
    coUnits,
    responsibleLeader,
    responsiblePerson,
    escalatedAt: escalatedMs === null ? null : at(escalatedMs),
    transferredTo,
    repeatPetition,
    preventedCriminalPeople,
    preventedPetitionPeople,
    agreement,
    agreementEffectiveAt,
    undisputed,
  });
  env.counts.cases++;

  // ---- parties --------------------------------------------------------------------------------
  const partyIds = drafts.map(() => idAt(R));
  const registeredAt = at(R);
  for (let k = 0; k < drafts.length; k++) {
    const p = drafts[k]!;
    const person = p.person;
    w.party({
      id: partyIds[k]!,
      updatedAt: registeredAt,
      caseId,
      role: p.role,
      ordinal: k,
      kind: person ? 'person' : 'org',
      name: nameOf(p),
      sex: person ? person.sex : null,
      birthDate: person ? person.birthDate : null,
      ethnicity: person ? person.ethnicity : null,
      occupation: person ? person.occupation : null,
      idType: person ? 'resident_id' : null,
      idNumber: person ? person.idNumber : null,
      creditCode: p.org ? p.org.creditCode : null,
      legalRepresentative: p.org ? p.org.legalRepresentative : null,
      phone: person ? person.phone : p.org!.phone,
      address: person ? person.address : p.org!.address,
      representsId: p.represents === undefined ? null : partyIds[p.represents]!,
      authority: p.role === 'agent' ? (p.authority ?? 'general') : null,
    });
  }
  env.counts.parties += drafts.length;

  for (let k = 0; k < team.length; k++)
    w.caseMediator(caseId, team[k]!.id, k === 0 ? 'lead' : 'assistant', at(assignMs! + k * 1000), k === 0 ? chosenBy : 'assigned');

  if (mode) {
    w.referral({
      caseId,
      mode,
      procedure,
      court: COURT,
      referenceNumber,
      referredAt: referredOn,
      materialsSignedAt: signedOn,
      timeLimitDays: plannedLimit,
      extensionDays,
      extensionConsent,
      reportTo: `${personName(rng, rng.chance(0.6) ? 'male' : 'female').name}（${rng.pick(['立案庭法官', '民一庭法官', '法官助理', '诉调对接中心书记员'])}）`,
      result: courtResult,
      resultReason: courtResult && courtResult !== 'agreement' ? outcomeNote : null,
      resultReportedAt: reportedMs === null ? null : day(reportedMs),
      materialsReturned,
    });
    env.counts.referrals++;
  }

  // ---- audit, in time order with ids that sort the same way ------------------------------------
  let prevIdMs = -1;
  for (const e of events) {
    const idMs = e.ms > prevIdMs ? e.ms : prevIdMs + 1;
    prevIdMs = idMs;
    const row: AuditRowValues = {
      id: idAt(idMs),
      at: at(e.ms),
      actorName: e.actor,
      operation: e.op,
      entityKind: e.kind,
      entityId: e.entityId,
      caseId,
      summary: e.summary,
      before: e.before,
      after: e.after,
    };
    w.audit(row);
  }
  env.counts.audit += events.length;
}

/** A moment on `isoDay` in office hours, kept after `notBefore` and before now. */
function onDay(env: BuildEnv, isoDay: string, notBefore: number): number {
  return Math.max(notBefore + MINUTE, Math.min(officeTime(env.rng, dayStart(isoDay)), env.nowMs - MINUTE));
}

/**
 * 司法确认 for about 30% of agreements: applied within the 30-day window (人民调解法 Art. 33),
 * accepted within 3 days, ruled within 15 (法释〔2011〕5号), as far as the calendar has got.
 * Dates, as followthrough/confirmations.ts stores them. Returns the row writer: the row must
 * follow the case row.
 */
function confirmation(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  outMs: number,
  effectiveDay: string,
  forced: ConfirmationState | undefined,
  actor: string,
): void {
  const { rng, today } = env;
  if (!forced && !rng.chance(0.3)) return;
  let applied = env.dates.addDays(effectiveDay, rng.int(1, 25));
  if (applied > today) {
    if (!forced) return;
    applied = today;
  }
  let state: ConfirmationState = 'applied';
  let acceptedOn: string | null = env.dates.addDays(applied, rng.int(0, 3));
  let ruledOn: string | null = env.dates.addDays(acceptedOn, rng.int(3, 15));
  if (forced) state = forced;
  else if (acceptedOn <= today && !rng.chance(0.04))
    state = ruledOn <= today && !rng.chance(0.03) ? (rng.chance(0.92) ? 'confirmed' : 'dismissed') : 'accepted';
  if (state === 'applied') acceptedOn = ruledOn = null;
  else if (state === 'accepted') ruledOn = null;
  if (acceptedOn !== null && acceptedOn > today) acceptedOn = today;
  if (ruledOn !== null && ruledOn > today) ruledOn = today;

  const appliedMs = onDay(env, applied, outMs);
  const acceptedMs = acceptedOn === null ? null : onDay(env, acceptedOn, appliedMs);
  const ruledMs = ruledOn === null ? null : onDay(env, ruledOn, acceptedMs!);
  const id = idAt(appliedMs);
  const year = Number((acceptedOn ?? applied).slice(0, 4));
  const acceptanceNumber = acceptedOn ? `（${year}）${COURT_CODE}民特${env.serials.next('court:special', year, 30)}号` : null;
  const ruling = state === 'confirmed' || state === 'dismissed' ? state : null;
  const note = ruling === 'dismissed' ? rng.pick(DISMISS_NOTES) : '';
  timeline.add(
    appliedMs,
    'confirmations.apply',
    'confirmation',
    id,
    `${applied} 双方当事人共同向${COURT}申请司法确认`,
    actor,
    false,
    null,
    { court: COURT, appliedAt: applied },
  );
  if (acceptedMs !== null)
    timeline.add(
      acceptedMs,
      'confirmations.accept',
      'confirmation',
      id,
      `${COURT}于 ${acceptedOn} 受理司法确认申请，案号 ${acceptanceNumber}`,
      actor,
      false,
      null,
      { acceptedAt: acceptedOn, acceptanceNumber },
    );
  if (ruledMs !== null) {
    const label = ruling === 'confirmed' ? '裁定确认协议有效' : '裁定驳回申请';
    timeline.add(
      ruledMs,
      'confirmations.rule',
      'confirmation',
      id,
      `${COURT}于 ${ruledOn} ${label}（${acceptanceNumber}）${note ? `：${note}` : ''}`,
      actor,
      false,
      null,
      { ruling, ruledAt: ruledOn },
    );
  }
  env.counts.confirmations++;
  env.w.confirmation({
    id,
    version: 1 + (acceptedOn ? 1 : 0) + (ruledOn ? 1 : 0),
    updatedAt: at(ruledMs ?? acceptedMs ?? appliedMs),
    caseId,
    court: COURT,
    appliedAt: applied,
    acceptedAt: acceptedOn,
    acceptanceNumber,
    ruling,
    ruledAt: ruledOn,
    note,
  });
}

/**
 * 回访 (人民调解法 Art. 31), as followthrough/followups.ts schedules them: the centre's days after
 * the agreement, and 3 days after the performance deadline; past visits mostly done.
 */
function followups(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  outMs: number,
  effectiveDay: string,
  performanceDeadline: string | null,
  forced: 'done' | 'due' | undefined,
  visitor: string,
): void {
  const { rng, today } = env;
  if (!forced && !rng.chance(0.85)) return;
  const dates = [env.dates.addDays(effectiveDay, env.followupDays)];
  if (performanceDeadline && performanceDeadline >= effectiveDay) {
    const second = env.dates.afterPerformance(effectiveDay, performanceDeadline);
    if (second && !dates.includes(second)) dates.push(second);
  }
  dates.sort();
  const scheduledMs = Math.min(outMs + rng.int(10, 120) * MINUTE, env.nowMs - MINUTE);
  timeline.add(scheduledMs, 'followups.schedule', 'case', caseId, `安排回访：${dates.join('、')}`, visitor, false, null, { dates });
  for (const dueOn of dates) {
    const id = idAt(scheduledMs);
    const done = dueOn <= today && (forced === 'done' || (forced !== 'due' && rng.chance(0.88)));
    if (!done) {
      env.w.followup({
        id,
        version: 1,
        updatedAt: at(scheduledMs),
        caseId,
        dueOn,
        doneAt: null,
        method: null,
        performance: null,
        notes: '',
        visitor: '',
      });
      env.counts.followups++;
      continue;
    }
    const visitDay = env.dates.addDays(dueOn, rng.int(-2, 3));
    const doneMs = onDay(env, visitDay > today ? today : visitDay, scheduledMs);
    const performance = pickPerformance(rng);
    const method = pickMethod(rng);
    const notes = rng.pick(FOLLOWUP_NOTES[performance]);
    const doneAt = day(doneMs);
    env.w.followup({ id, version: 2, updatedAt: at(doneMs), caseId, dueOn, doneAt, method, performance, notes, visitor });
    env.counts.followups++;
    timeline.add(
      doneMs,
      'followups.record',
      'followup',
      id,
      `${doneAt} ${FOLLOWUP_METHOD_LABELS[method]}（回访人 ${visitor}）：${PERFORMANCE_LABELS[performance]}。${notes}`,
      visitor,
      false,
      null,
      { doneAt, method, performance },
    );
  }
}
