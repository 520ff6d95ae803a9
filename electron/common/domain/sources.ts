/**
 * Case sources (案件来源): how a dispute reached the centre.
 *
 * Codes are exactly those of district-api.md ("Case fields", `source`). reference.md also names
 * 主动调解 (the committee takes up a dispute on its own, 人民调解法 Art. 17: "人民调解委员会也可以主动调解"): the
 * district has no code for it, so it is recorded as `other` (see PROACTIVE_SOURCE); the label of
 * `other` says so.
 *
 * Default time limits: 人民调解法 sets none; 司法部《人民调解工作若干规定》(2002) asks that a
 * dispute be settled "一般在一个月内", hence 30 days. Court referrals follow 法释〔2016〕14号
 * (特邀调解规定: 委派 30 days; 委托 15 days under ordinary procedure, 7 under simple procedure — the
 * default here is the ordinary 15; see deadlines.ts for the exact court rule). Settings may
 * override any of them.
 */
import { z } from 'zod';

const TABLE = [
  { code: 'walk_in', label: '来访（当事人申请）' },
  { code: 'grid_report', label: '网格员上报' },
  { code: 'petition_referral', label: '信访转办（访调对接）' },
  { code: 'informant_report', label: '信息员/社会力量上报' },
  { code: 'court_delegated', label: '法院诉前委派' },
  { code: 'court_entrusted', label: '法院诉中委托' },
  { code: 'agency_referral', label: '行政机关/公安移送' },
  { code: 'hotline', label: '热线' },
  { code: 'other', label: '其他（含主动调解）' },
] as const;

export type SourceCode = (typeof TABLE)[number]['code'];

export interface Source {
  readonly code: SourceCode;
  readonly label: string;
}

export const SOURCES: readonly Source[] = TABLE;
export const SOURCE_CODES = TABLE.map((s) => s.code) as unknown as readonly [SourceCode, ...SourceCode[]];
export const sourceCodeSchema = z.enum(SOURCE_CODES);

/** 主动调解 has no district code: it is uploaded as `other`. */
export const PROACTIVE_SOURCE: SourceCode = 'other';

const LABELS = new Map<string, string>(TABLE.map((s) => [s.code, s.label]));

export function isSourceCode(code: unknown): code is SourceCode {
  return typeof code === 'string' && LABELS.has(code);
}

export function sourceLabel(code: string): string {
  return LABELS.get(code) ?? code;
}

/** Fields that name who reported a dispute, for the "reported" sources. */
export type ReporterField = 'reporterName' | 'reporterGrid' | 'petitionReference';

export const REPORTER_FIELD_LABELS: Record<ReporterField, string> = {
  reporterName: '上报人姓名',
  reporterGrid: '所属网格',
  petitionReference: '信访件编号',
};

const REPORTER_FIELDS: Record<SourceCode, readonly ReporterField[]> = {
  walk_in: [],
  grid_report: ['reporterName', 'reporterGrid'],
  petition_referral: ['petitionReference'],
  informant_report: ['reporterName'],
  court_delegated: [],
  court_entrusted: [],
  agency_referral: [],
  hotline: [],
  other: [],
};

/** The reporter fields a case from this source must have (empty for sources nobody reports). */
export function requiredReporterFields(source: SourceCode): readonly ReporterField[] {
  return REPORTER_FIELDS[source];
}

/** A "reported" source: someone other than a party brought the dispute in and must be named. */
export function isReportedSource(source: SourceCode): boolean {
  return REPORTER_FIELDS[source].length > 0;
}

/**
 * Which required reporter fields are blank: field → Chinese message, ready for AppError's
 * `fields`. Empty when nothing is missing.
 */
export function missingReporterFields(
  source: SourceCode,
  values: Partial<Record<ReporterField, string | null | undefined>>,
): Partial<Record<ReporterField, string>> {
  const missing: Partial<Record<ReporterField, string>> = {};
  for (const field of REPORTER_FIELDS[source]) {
    if (!values[field]?.trim()) missing[field] = `${sourceLabel(source)}的案件须填写${REPORTER_FIELD_LABELS[field]}`;
  }
  return missing;
}

/** Court referral mode of a court source (委派 before filing, 委托 after), else null. */
export function courtModeOf(source: SourceCode): 'delegated' | 'entrusted' | null {
  if (source === 'court_delegated') return 'delegated';
  if (source === 'court_entrusted') return 'entrusted';
  return null;
}

/** Days allowed to resolve a case, by source, before settings override them. */
export const DEFAULT_DEADLINE_DAYS: Readonly<Record<SourceCode, number>> = {
  walk_in: 30,
  grid_report: 30,
  petition_referral: 30,
  informant_report: 30,
  court_delegated: 30,
  court_entrusted: 15,
  agency_referral: 30,
  hotline: 30,
  other: 30,
};
