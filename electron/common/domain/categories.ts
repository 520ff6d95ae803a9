/**
 * Dispute categories (纠纷类型).
 *
 * The first fifteen are the statistical types of 人民调解 reporting (司法部 人民调解 statistics);
 * the last three are named by district policy and are kept as categories of their own, each
 * counted under one of the fifteen in reports (`reportingType`). Codes are stable: they are stored,
 * uploaded (district-api.md "Case fields": `category`) and used in figures. Never rename a code;
 * add new ones at the end.
 */
import { z } from 'zod';

const TABLE = [
  { code: 'marriage_family', label: '婚姻家庭', reportingType: 'marriage_family' },
  { code: 'neighbor', label: '邻里', reportingType: 'neighbor' },
  { code: 'housing_homestead', label: '房屋宅基地', reportingType: 'housing_homestead' },
  { code: 'contract', label: '合同', reportingType: 'contract' },
  { code: 'business', label: '生产经营', reportingType: 'business' },
  { code: 'damages', label: '损害赔偿', reportingType: 'damages' },
  { code: 'forest_land', label: '山林土地', reportingType: 'forest_land' },
  { code: 'land_expropriation', label: '征地拆迁', reportingType: 'land_expropriation' },
  { code: 'environment', label: '环境污染', reportingType: 'environment' },
  { code: 'labor', label: '劳动争议', reportingType: 'labor' },
  { code: 'consumer', label: '消费', reportingType: 'consumer' },
  { code: 'medical', label: '医疗', reportingType: 'medical' },
  { code: 'traffic_accident', label: '道路交通事故', reportingType: 'traffic_accident' },
  { code: 'property_management', label: '物业', reportingType: 'property_management' },
  { code: 'other', label: '其他', reportingType: 'other' },
  // District policy categories. A long-standing petition case can be of any kind and an
  // administrative dispute lies outside 人民调解 (handled with the agency and the court): both are
  // reported as 其他. Insolvency disputes arise from running an enterprise: 生产经营.
  { code: 'petition_backlog', label: '信访积案', reportingType: 'other' },
  { code: 'administrative', label: '行政争议', reportingType: 'other' },
  { code: 'insolvency', label: '企业破产', reportingType: 'business' },
] as const;

export type CategoryCode = (typeof TABLE)[number]['code'];
/** One of the fifteen standard reporting types (a subset of CategoryCode). */
export type ReportingType = (typeof TABLE)[number]['reportingType'];

export interface Category {
  readonly code: CategoryCode;
  readonly label: string;
  readonly reportingType: ReportingType;
}

/** All categories in display order. */
export const CATEGORIES: readonly Category[] = TABLE;

/** The codes as a non-empty tuple, for `z.enum(CATEGORY_CODES)`. */
export const CATEGORY_CODES = TABLE.map((c) => c.code) as unknown as readonly [CategoryCode, ...CategoryCode[]];

/** The fifteen standard reporting types, in order. */
export const REPORTING_TYPES = TABLE.filter((c) => c.code === c.reportingType).map((c) => c.code) as unknown as readonly [
  ReportingType,
  ...ReportingType[],
];

export const categoryCodeSchema = z.enum(CATEGORY_CODES);

const BY_CODE = new Map<string, Category>(TABLE.map((c) => [c.code, c]));

export function isCategoryCode(code: unknown): code is CategoryCode {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** Chinese label of a category; an unknown code is shown as is (old data, a newer peer). */
export function categoryLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? code;
}

/** The kind of dispute in words people use: 邻里 → 邻里纠纷, 劳动争议 and 道路交通事故 stay as they are. */
export function disputeKindLabel(category: string): string {
  const label = categoryLabel(category);
  return /(纠纷|争议|事故|积案|破产|其他)$/.test(label) ? label : `${label}纠纷`;
}

/**
 * Categories that are not civil disputes between equal parties, so outside 人民调解 (人民调解法
 * 第二条: 民间纠纷). An administrative dispute (a penalty, a benefit decision, a registration) is
 * answered by the agency's own review, 行政复议 or 行政诉讼: a committee refuses it or hands it on
 * with those remedies named, and never mediates it. (A 信访积案 may be either: the demo decides per
 * dispute, and only a civil one is mediated.)
 */
const OUTSIDE_PEOPLE_MEDIATION: ReadonlySet<string> = new Set<CategoryCode>(['administrative']);

export function isOutsidePeopleMediation(code: string): boolean {
  return OUTSIDE_PEOPLE_MEDIATION.has(code);
}

/** The standard reporting type a category is counted under; a code of no category (older data) counts as other. */
export function reportingTypeOf(code: string): ReportingType {
  return BY_CODE.get(code)?.reportingType ?? 'other';
}
