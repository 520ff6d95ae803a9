/**
 * The case-page panels of court docking and follow-through: 法院委派, 司法确认, 回访 and
 * 牵头单位与责任人. Listed in pages/cases/panels.ts, and shown on the court area's own case view.
 */
import type { CasePanel } from '../../cases/panelTypes';
import { ConfirmationPanel } from './ConfirmationPanel';
import { FollowupPanel } from './FollowupPanel';
import { isCourtCase, ReferralPanel } from './ReferralPanel';
import { ResponsibilityPanel } from './ResponsibilityPanel';

export const courtCasePanels: CasePanel[] = [
  { key: 'court-referral', title: '法院委派', applies: (d) => isCourtCase(d.source), Component: ReferralPanel },
  { key: 'confirmation', title: '司法确认', applies: (d) => d.outcome === 'agreement', Component: ConfirmationPanel },
  { key: 'followups', title: '回访', applies: (d) => d.outcome === 'agreement', Component: FollowupPanel },
  { key: 'responsibility', title: '牵头单位与责任人', applies: () => true, Component: ResponsibilityPanel },
];
