/**
 * How a document names each party. In people's mediation they are 申请人 / 被申请人; in a case the
 * court entrusted to mediation after filing (委托调解, 诉中: 特邀调解规定 法释〔2016〕14号) the lawsuit
 * is pending and its papers go back into the court's file, so the parties keep the names the
 * lawsuit gives them: 原告 / 被告 (民事诉讼法 Art. 51, 59). A case delegated before filing (委派,
 * 诉前) has no lawsuit yet and keeps the mediation names.
 */
import type { CourtReferralMode } from './deadlines';

export type DocPartyRole = 'applicant' | 'respondent' | 'third_party' | 'agent';

export const MEDIATION_ROLE_LABELS: Readonly<Record<DocPartyRole, string>> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '委托代理人',
};

export const LAWSUIT_ROLE_LABELS: Readonly<Record<DocPartyRole, string>> = {
  applicant: '原告',
  respondent: '被告',
  third_party: '第三人',
  agent: '委托代理人',
};

/** True when the case's parties are litigants: the court entrusted it after filing (委托, 诉中). */
export function isInLawsuit(mode: CourtReferralMode | null | undefined): boolean {
  return mode === 'entrusted';
}

/** The labels a document of a case uses for its parties. */
export function documentRoleLabels(mode: CourtReferralMode | null | undefined): Readonly<Record<DocPartyRole, string>> {
  return isInLawsuit(mode) ? LAWSUIT_ROLE_LABELS : MEDIATION_ROLE_LABELS;
}
