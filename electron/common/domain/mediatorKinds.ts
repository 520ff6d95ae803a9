/** The kinds of roster entries (调解员名册): the centre's own, the court's invited mediators, and invited organisations. */
export const MEDIATOR_KINDS = ['resident', 'invited', 'invited_org'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
export const MEDIATOR_KIND_LABELS: Record<MediatorKind, string> = {
  resident: '专职人民调解员',
  invited: '特邀调解员',
  invited_org: '特邀调解组织',
};
