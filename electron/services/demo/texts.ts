/**
 * What demo cases say, and the shape it must keep: people train on demo data (issue #14), so each
 * dispute is written as one piece — facts, the claim, the facts both sides accept, the points
 * still in dispute, why mediation may fail, and the ways it is settled — and the terms pay the same
 * kind of money the claim asks for, in one term. The disputes themselves are in disputes.ts.
 *
 * Placeholders: {甲} applicant, {乙} respondent, {地} village or community, {额} the amount (the
 * claimed one in facts and claims, the agreed one in terms), {付} in a term: when and how the
 * agreed amount is paid (one sum, or instalments that add up to it), written by the builder.
 */
import type { OrgKind } from './places';

export interface Settlement {
  /** The terms, in order; at most one holds {额}{付}. */
  terms: readonly string[];
  /** Days from the agreement by which the terms other than the payment are done. */
  days: number;
  /** The terms hand over goods (实物交付), not money. */
  goods?: boolean;
  /** A periodic payment (赡养费 each month), written out in the term: no lump sum. */
  periodic?: boolean;
  /** The sum is paid only once the other terms are done (返修, then the balance). */
  payAfter?: boolean;
}

/** A matter that is not a civil dispute: refused, or handed to the body that decides it. */
export interface Outside {
  reject: string;
  transferTo: string;
  transferReason: string;
}

export interface Dispute {
  titles: readonly string[];
  facts: string;
  claim: string;
  /** Amount in dispute, yuan: [min, max]; null when the claim asks for an act, not a sum. */
  amount: readonly [number, number] | null;
  /** Who answers the claim: a person, or an organisation of these kinds (default: the category's mix). */
  respondent?: 'person' | readonly OrgKind[];
  /** The organisation brings the claim (物业 asking an owner for fees). */
  orgApplicant?: boolean;
  /** Each party's responsibility (人民调解法 第二十九条), when the dispute says more than the usual words. */
  responsibility?: string;
  /** Ways it is settled; empty for a matter outside 人民调解. */
  settlements: readonly Settlement[];
  /** What the sides say in a session (调解记录). */
  statements: readonly string[];
  /** Facts both sides accept (无争议事实记载), never a concession made to reach a deal. */
  undisputed: readonly string[];
  /** Points still in dispute when mediation fails. */
  disputed: readonly string[];
  failure: readonly string[];
  outside?: Outside;
}

export interface CategoryTexts {
  disputes: readonly Dispute[];
}

/** Refusals for civil disputes the committee may not take up (matters outside 人民调解 give their own). */
export const REJECT_REASONS = [
  '纠纷已由人民法院受理，不属于人民调解受理范围',
  '一方当事人明确拒绝调解，已告知其他救济途径',
  '纠纷已经仲裁裁决，不再受理',
  '申请人无法提供对方当事人联系方式，暂不受理',
] as const;

export const WITHDRAW_REASONS = [
  '申请人撤回调解申请',
  '双方已自行和解',
  '申请人决定直接向人民法院起诉',
  '当事人长期联系不上，申请人撤回',
] as const;

/** Where a case may be handed on, and why: any dispute, or only disputes of these categories. */
export const TRANSFER_TARGETS: readonly (readonly [target: string, reason: string, categories?: readonly string[]])[] = [
  ['王村镇司法所', '属地管辖'],
  ['牧野镇人民调解委员会', '属地管辖'],
  ['新乡市牧野区人民法院', '当事人坚持诉讼，引导至法院立案'],
  ['新乡市公安局牧野分局', '涉嫌违法犯罪，移送公安机关', ['neighbor', 'damages', 'marriage_family', 'other']],
  ['牧野区劳动人事争议仲裁委员会', '属劳动争议仲裁事项', ['labor', 'insolvency']],
  ['牧野区市场监督管理局', '属消费投诉，移交市场监管部门处理', ['consumer']],
  ['牧野区医疗纠纷人民调解委员会', '属医疗纠纷专业调解', ['medical']],
  ['牧野区道路交通事故纠纷人民调解委员会', '属道路交通事故纠纷专业调解', ['traffic_accident']],
];

export const ESCALATE_REASONS = [
  '涉及多个村组，村级难以协调',
  '争议金额较大，需上级统筹',
  '群体性纠纷苗头，需提级化解',
  '当事人对村级调解不信任，申请上级调解',
] as const;

export const DISMISS_NOTES = ['调解协议内容违反法律强制性规定', '调解协议内容不明确，无法确认', '损害第三人合法权益'] as const;

/** What a follow-up visit finds, by how far the agreement was performed and whether it pays money. */
export const FOLLOWUP_NOTES: Readonly<
  Record<'performed' | 'partly' | 'not_performed', { money: readonly string[]; act: readonly string[] }>
> = {
  performed: {
    money: ['款项已按期支付，当事人满意', '当事人表示协议已全部履行，双方关系缓和'],
    act: ['协议约定事项已履行完毕', '当事人表示协议已全部履行，双方关系缓和'],
  },
  partly: {
    money: ['已支付部分款项，余款承诺月底前付清', '已按期支付首期款项，调解员继续督促'],
    act: ['部分条款已履行，调解员继续督促'],
  },
  not_performed: {
    money: ['被申请人未按期付款，调解员督促履行，并告知申请人可依法向人民法院起诉', '一方反悔，调解员再次组织沟通'],
    act: ['被申请人未按期履行，调解员督促履行，并告知申请人可依法向人民法院起诉', '一方反悔，调解员再次组织沟通'],
  },
};
