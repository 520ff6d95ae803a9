import type { courtOps } from '../../common/api/court';
import { extendReferral, getReferral, listReferrals, registerReferral, reportResult } from '../../services/court/referrals';
import { acceptConfirmation, applyConfirmation, confirmationState, ruleConfirmation } from '../../services/followthrough/confirmations';
import { caseFollowups, followupsDue, recordFollowup, scheduleFollowups } from '../../services/followthrough/followups';
import { setResponsibility, supervisionList } from '../../services/followthrough/supervision';
import { mediatorCandidates, mediatorPerformance } from '../../services/roster/performance';
import type { Handlers } from '../handler';

/** Court docking, the roster's record, supervision, 司法确认 and 回访. */
export const courtHandlers: Handlers<typeof courtOps> = {
  'court.registerReferral': (input, { app, actor }) => registerReferral(app.ctx, actor, input),
  'court.referrals': (input, { app }) => listReferrals(app.ctx, input.status),
  'court.referral': (input, { app }) => getReferral(app.ctx, input.caseId),
  'court.extend': (input, { app, actor }) => extendReferral(app.ctx, actor, input),
  'court.reportResult': (input, { app, actor }) => reportResult(app.ctx, actor, input),

  'roster.performance': (input, { app }) => mediatorPerformance(app.ctx, input),
  'roster.candidates': (input, { app }) => mediatorCandidates(app.ctx, input),

  'supervision.list': (input, { app }) => supervisionList(app.ctx, input.kinds),
  'supervision.setResponsibility': (input, { app, actor }) => setResponsibility(app.ctx, actor, input),

  'confirmations.get': (input, { app }) => confirmationState(app.ctx, input.caseId),
  'confirmations.apply': (input, { app, actor }) => applyConfirmation(app.ctx, actor, input),
  'confirmations.accept': (input, { app, actor }) => acceptConfirmation(app.ctx, actor, input),
  'confirmations.rule': (input, { app, actor }) => ruleConfirmation(app.ctx, actor, input),

  'followups.list': (input, { app }) => caseFollowups(app.ctx, input.caseId),
  'followups.schedule': (input, { app, actor }) => scheduleFollowups(app.ctx, actor, input),
  'followups.record': (input, { app, actor }) => recordFollowup(app.ctx, actor, input),
  'followups.due': (input, { app }) => followupsDue(app.ctx, input.withinDays),
};
