/**
 * What a written mediation agreement must hold (人民调解法 第二十九条): the parties' basic facts,
 * the main facts of the dispute and the matters in dispute, each party's responsibility, the agreed
 * terms, and how and by when they are performed. The one rule: the 达成协议 dialog asks for these
 * items, 结案 is refused without them, and every document that quotes the agreement (调解协议书,
 * 司法确认申请书) refuses to print without them, naming the same items.
 *
 * An oral agreement (第二十八条) is recorded in the 调解记录 with its content; only the content is
 * required of it.
 */

export type AgreementItem = 'parties' | 'facts' | 'responsibility' | 'terms' | 'performanceMethod' | 'performanceDeadline';

/** Each item's name as the law's words put it, and the form field where it is written. */
export const AGREEMENT_ITEMS: Readonly<Record<AgreementItem, { label: string; field: string }>> = {
  parties: { label: '当事人的基本情况（至少两方当事人）', field: 'parties' },
  facts: { label: '纠纷的主要事实', field: 'summary' },
  responsibility: { label: '各方当事人的责任', field: 'agreement.responsibility' },
  terms: { label: '协议内容（协议条款）', field: 'agreement.terms' },
  performanceMethod: { label: '履行方式', field: 'agreement.performanceMethod' },
  performanceDeadline: { label: '履行期限', field: 'agreement.performanceDeadline' },
};

export interface AgreementFacts {
  /** how many parties sign (agents do not count) */
  principals: number;
  /** the case's summary of the facts */
  summary: string | null | undefined;
  agreement:
    | {
        responsibility?: string | null | undefined;
        terms?: readonly string[] | null | undefined;
        performanceMethod?: string | null | undefined;
        performanceDeadline?: string | null | undefined;
        oral?: boolean | null | undefined;
      }
    | null
    | undefined;
}

const blank = (s: string | null | undefined) => (s ?? '').trim() === '';

/** The items still missing, in the law's order; [] when the agreement is complete. */
export function missingAgreementItems(f: AgreementFacts): AgreementItem[] {
  const a = f.agreement;
  const missing: AgreementItem[] = [];
  const noTerms = !a?.terms || a.terms.every(blank);
  if (a?.oral) return noTerms ? ['terms'] : [];
  if (f.principals < 2) missing.push('parties');
  if (blank(f.summary)) missing.push('facts');
  if (blank(a?.responsibility)) missing.push('responsibility');
  if (noTerms) missing.push('terms');
  if (blank(a?.performanceMethod)) missing.push('performanceMethod');
  if (blank(a?.performanceDeadline)) missing.push('performanceDeadline');
  return missing;
}

/** Why no 人民调解协议书 is printed for an oral agreement, and where it is recorded instead. */
export const ORAL_AGREEMENT_REASON =
  '本案达成的是口头调解协议，口头协议记入调解记录（人民调解法第二十八条），不制作书面人民调解协议书；请打印达成协议那次调解的调解记录，由当事人确认并签名';

/** "调解协议还缺：各方当事人的责任、履行期限（人民调解法第二十九条）", or null when nothing is missing. */
export function agreementMissingMessage(missing: readonly AgreementItem[], what = '调解协议'): string | null {
  if (missing.length === 0) return null;
  return `${what}还缺：${missing.map((m) => AGREEMENT_ITEMS[m].label).join('、')}（人民调解法第二十九条）`;
}

/** The form fields of the missing items, each with its message, for a form to mark. */
export function agreementMissingFields(missing: readonly AgreementItem[]): Record<string, string> {
  return Object.fromEntries(missing.map((m) => [AGREEMENT_ITEMS[m].field, `请填写${AGREEMENT_ITEMS[m].label}`]));
}

/**
 * A record of undisputed facts (无争议事实记载) is between the parties of the dispute: at least two.
 * Checked where the record is started (the form and cases.setUndisputed) as well as when it prints,
 * so a one-party case finds out while parties can still be added.
 */
export function undisputedPartiesProblem(principals: number): string | null {
  return principals < 2 ? '无争议事实记载需要至少两方当事人：请先在“当事人”中添加对方当事人' : null;
}
