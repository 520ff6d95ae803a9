/**
 * The definitions (口径) of every figure the district reviews (reference.md, "Outcomes and figures
 * the district reviews"): which cases count for a period and which date decides. Written once,
 * here, and shown in the UI beside the figures, printed under the quarterly report, and followed by
 * the SQL in electron/services/stats/predicates.ts — change a rule here and there together.
 *
 * A period is two calendar days, both inclusive. Times are stored as RFC 3339 in the centre's
 * local time (+08:00), so "in the period" means the local calendar day of the time falls between
 * the two days. Deleted (tombstoned) records never count.
 *
 * Pure: no Node, no database; the renderer imports it.
 */

export const FIGURE_KEYS = [
  'received',
  'accepted',
  'mediated',
  'successful',
  'successRate',
  'amountInvolved',
  'resolvedAtTier',
  'overdue',
  'courtReferrals',
  'confirmationsApplied',
  'confirmationsGranted',
  'agreementsPerformed',
  'preventedCriminal',
  'preventedPetition',
  'intake',
  'queue',
  'breakdowns',
  'trend',
  'keyCases',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface FigureDefinition {
  readonly key: FigureKey;
  /** The figure's name as printed in reports. */
  readonly label: string;
  /** The rule in one Chinese sentence: which records count and which date decides. */
  readonly rule: string;
}

export const DEFINITIONS: readonly FigureDefinition[] = [
  {
    key: 'received',
    label: '受理（登记）案件数',
    rule: '登记时间在统计期间内的案件，含其后不予受理、撤回或移交的案件；已删除的案件不计。',
  },
  {
    key: 'accepted',
    label: '受理调解案件数',
    rule: '受理时间在统计期间内的案件，不论其登记于何时。',
  },
  {
    key: 'mediated',
    label: '调解案件数',
    rule: '调解结果为“达成协议”或“调解不成”（含因其他原因终止调解，按区平台口径计为调解不成）且结果时间在统计期间内的案件；撤回、移交不计。',
  },
  {
    key: 'successful',
    label: '调解成功数',
    rule: '调解结果为“达成协议”（含口头协议）且结果时间在统计期间内的案件。',
  },
  {
    key: 'successRate',
    label: '调解成功率',
    rule: '调解成功数 ÷ 调解案件数；调解案件数为0时不计算，显示为“—”。',
  },
  {
    key: 'amountInvolved',
    label: '协议涉及金额',
    rule: '调解成功案件的协议涉及金额之和，以分为单位精确累加，按元显示。',
  },
  {
    key: 'resolvedAtTier',
    label: '就地化解率',
    rule: '调解成功的案件中，结案时所在层级与纠纷发生层级相同、未上报上级的案件所占比例，按发生层级分列：小纠纷不出村（村/社区）、大纠纷不出镇（镇/街道）、疑难纠纷不出区（区）。',
  },
  {
    key: 'overdue',
    label: '逾期案件数',
    rule: '截至期末（期末晚于今日时截至今日）已登记、仍未办结（尚无调解结果、未结案、未不予受理）且化解期限早于该日的案件，不论其登记于哪个期间。',
  },
  {
    key: 'courtReferrals',
    label: '法院委派/委托案件',
    rule: '法院移交时间在统计期间内的委派（诉前）、委托（诉中）案件，按方式分列其调解结果（以向法院报告的结果为准，尚未报告的计为“尚无结果”）；平均用时为签收材料日至调解结果日的天数平均值，只计已有结果且两日齐全的案件。',
  },
  {
    key: 'confirmationsApplied',
    label: '申请司法确认数',
    rule: '申请日期在统计期间内的司法确认申请。',
  },
  {
    key: 'confirmationsGranted',
    label: '司法确认有效数',
    rule: '法院裁定确认调解协议有效且裁定日期在统计期间内的司法确认。',
  },
  {
    key: 'agreementsPerformed',
    label: '协议履行数',
    rule: '回访日期在统计期间内且回访结论为“已履行”的案件数（一案多次回访只计一次）；部分履行、未履行另列。',
  },
  {
    key: 'preventedCriminal',
    label: '防止民转刑',
    rule: '统计期间内调解成功的案件中，登记了防止民转刑人数大于0的案件数及其人数之和。',
  },
  {
    key: 'preventedPetition',
    label: '防止群体性上访',
    rule: '统计期间内调解成功的案件中，登记了防止群体性上访人数大于0的案件数及其人数之和。',
  },
  {
    key: 'intake',
    label: '窗口登记',
    rule: '提交时间在统计期间内的窗口与自助终端登记，按日分列，并按处理状态（待处理、已受理、已合并、不予受理）统计。',
  },
  {
    key: 'queue',
    label: '排队叫号',
    rule: '取号日期在统计期间内的排队号，按状态（等候、已叫号、办理中、已办结、过号）统计。',
  },
  {
    key: 'breakdowns',
    label: '分类统计',
    rule: '按纠纷类型、来源、层级、状态、结果分列的受理案件，以登记时间在统计期间内为准；类型、来源、结果使用区平台代码（与导出数据一致），状态、结果为统计时的当前值，层级为当前承办层级。',
  },
  {
    key: 'trend',
    label: '月度趋势',
    rule: '统计期间内逐月的受理数（按登记月）、调解数与成功数（按结果月）和当月成功率。',
  },
  {
    key: 'keyCases',
    label: '重点案件督办清单',
    rule: '截至期末（晚于今日时截至今日）仍未办结，且已逾期、距化解期限不超过提醒天数、已上报上级或属重复信访（登记时标为重复信访，或信访转办案件的当事人此前已有案件）的案件，列明牵头单位、包案领导和责任人。',
  },
];

const BY_KEY = new Map<string, FigureDefinition>(DEFINITIONS.map((d) => [d.key, d]));

export function definitionOf(key: FigureKey): FigureDefinition {
  const d = BY_KEY.get(key);
  if (!d) throw new Error(`no definition for figure ${key}`);
  return d;
}

/** The three tier slogans, by the tier where a dispute arose. */
export const TIER_SLOGANS = {
  village: '小纠纷不出村',
  town: '大纠纷不出镇',
  district: '疑难纠纷不出区',
} as const;

/**
 * successful / mediated, or null when nothing was mediated: a rate over zero cases is not 0 % and
 * never NaN. Shown as "—" (formatRate).
 */
export function rate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  return part / whole;
}

/** 0.8333 → '83.3%'; null → '—'. */
export function formatRate(r: number | null | undefined, digits = 1): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '—';
  return `${(r * 100).toFixed(digits)}%`;
}
