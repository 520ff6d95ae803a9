/**
 * How often things happen in demo cases. Roughly the mix of a district centre's 人民调解
 * statistics: neighbours and families first, then homesteads, damages and contracts; court
 * referrals about one case in seven; most disputes arising in the village or the town.
 */
import type { CategoryCode } from '../../../common/domain/categories';
import type { Outcome, Status } from '../../../common/domain/lifecycle';
import { courtModeOf, type SourceCode } from '../../../common/domain/sources';
import type { Tier } from '../../../common/domain/tiers';
import type { OrgKind } from '../places';
import { weighted, type Rng } from '../prng';

export const pickCategory = weighted<CategoryCode>([
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
  // Courts refer civil disputes to 人民调解, never an administrative one.
  administrative: { agency_referral: 4, petition_referral: 3, court_delegated: 0, court_entrusted: 0, grid_report: 0.1 },
  insolvency: { court_entrusted: 4, court_delegated: 2 },
};
const sourcePickers = new Map<CategoryCode, (rng: Rng) => SourceCode>();
export function pickSource(rng: Rng, category: CategoryCode): SourceCode {
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
export function pickTier(rng: Rng, category: CategoryCode, source: SourceCode): Tier {
  if (courtModeOf(source)) return tierCourt(rng);
  if (['petition_backlog', 'administrative', 'insolvency', 'medical'].includes(category)) return tierDistrict(rng);
  if (['land_expropriation', 'labor', 'environment'].includes(category)) return tierTown(rng);
  return tierVillage(rng);
}

/**
 * Status by age in days: new cases are still open; old ones are mostly closed, a few left open
 * past their deadline (the desk's overdue list: a few per cent of a year's cases, not half).
 */
export const STATUS_BY_AGE: readonly (readonly [number, (rng: Rng) => Status])[] = [
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
export const pickClosedOutcome = weighted<Outcome>([
  ['agreement', 68],
  ['failed', 20],
  ['withdrawn', 7],
  ['transferred', 5],
]);
export const pickSessionCount = weighted<number>([
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 10],
]);
export const pickPartyCount = weighted<number>([
  [2, 50],
  [3, 28],
  [4, 13],
  [5, 4],
  [6, 2],
  [7, 1.2],
  [8, 0.9],
  [10, 0.9],
]);
export const pickPerformance = weighted<'performed' | 'partly' | 'not_performed'>([
  ['performed', 80],
  ['partly', 12],
  ['not_performed', 8],
]);
export const pickMethod = weighted<'visit' | 'phone' | 'other'>([
  ['visit', 45],
  ['phone', 50],
  ['other', 5],
]);

/** Which side is an organisation, by category: workers against a company, owners against 物业 ... */
export const ORG_SIDE: Partial<Record<CategoryCode, { p: number; kinds: readonly OrgKind[] }>> = {
  labor: { p: 0.85, kinds: ['company', 'company', 'factory'] },
  consumer: { p: 0.9, kinds: ['shop', 'shop', 'school'] },
  medical: { p: 0.95, kinds: ['hospital'] },
  property_management: { p: 0.9, kinds: ['property'] },
  environment: { p: 0.8, kinds: ['factory'] },
  insolvency: { p: 1, kinds: ['company'] },
  administrative: { p: 1, kinds: ['agency'] },
  petition_backlog: { p: 0.5, kinds: ['agency'] },
  // The village collective that shares out the compensation; a claim against the expropriating agency is administrative.
  land_expropriation: { p: 0.6, kinds: ['village'] },
  contract: { p: 0.35, kinds: ['company', 'shop'] },
  business: { p: 0.3, kinds: ['company'] },
  forest_land: { p: 0.2, kinds: ['village'] },
  damages: { p: 0.08, kinds: ['company'] },
  other: { p: 0.03, kinds: ['company'] },
};
/** Group disputes: many applicants against one respondent. */
export const GROUP: Partial<Record<CategoryCode, number>> = {
  labor: 0.25,
  land_expropriation: 0.3,
  environment: 0.4,
  insolvency: 0.4,
  petition_backlog: 0.1,
};
/** Disputes between people who live side by side. */
export const SAME_PLACE = new Set<CategoryCode>(['neighbor', 'housing_homestead', 'marriage_family', 'forest_land']);
export const CROSS_UNIT: Partial<Record<CategoryCode, number>> = {
  land_expropriation: 0.6,
  petition_backlog: 0.7,
  environment: 0.6,
  administrative: 0.5,
  insolvency: 0.6,
  labor: 0.25,
  housing_homestead: 0.12,
};
export const LAW_FIRMS = ['河南牧野律师事务所', '河南卫河律师事务所', '河南新乡平原律师事务所', '河南豫北律师事务所', '牧野区法律援助中心'];
