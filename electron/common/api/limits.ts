/**
 * Length limits of the free-text fields people type long things into, in one place: the contract
 * refuses longer text with a message naming the field and the limit, and the forms show a counter
 * near the limit and refuse before saving (they never cut pasted text short).
 */
export const TEXT_LIMITS = {
  /** 事实经过, 调解情况 (records of a session) */
  longText: 20_000,
  /** 争议事项, 责任认定, one agreement term, one undisputed fact */
  mediumText: 5_000,
  /** 纠纷简述 */
  title: 100,
  /** 地点 of a session */
  place: 200,
  /** 参加人员 */
  participants: 1_000,
  /** 记录人 */
  recorder: 50,
  /** reasons given for a step */
  reason: 2_000,
  /** a party's 姓名或名称 */
  partyName: 100,
  /** 住址 / 住所地 */
  address: 200,
  /** 法定代表人, 职业或职务 */
  shortName: 50,
  /** 民族 */
  ethnicity: 20,
} as const;

/** The refusal for long text over its limit (short fields say it with requiredText/optionalText's words). */
export const tooLongMessage = (label: string, max: number) => `${label}不能超过 ${max} 字，请精简或作为附件材料提交`;
