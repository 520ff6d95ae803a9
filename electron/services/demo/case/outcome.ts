/**
 * How the case ended: refused, agreed (with an agreement that holds every item of 人民调解法
 * 第二十九条), failed (with, now and then, a record of the undisputed facts), withdrawn or
 * transferred; and closed.
 */
import type { AgreementDetails, UndisputedDetails } from '../../../common/api/case-details';
import { ACTIONS, statusLabel, type Outcome, type Status } from '../../../common/domain/lifecycle';
import type { Force } from '../coverage';
import type { CategoryCode } from '../../../common/domain/categories';
import { REJECT_REASONS, TRANSFER_TARGETS, WITHDRAW_REASONS, type Dispute } from '../texts';
import { day, MINUTE } from '../time';
import type { BuildEnv } from './env';
import type { Path, Times } from './path';
import type { Story } from './story';
import type { Team } from './team';
import { S_CLOSED, S_FAILED, S_MEDIATING, S_REGISTERED, S_WITHDRAWN, STATUS_JSON, type Timeline } from './timeline';
import { draftAgreement } from './settlement';
import { fill } from './wording';

export interface Ending {
  outcome: Outcome | null;
  outcomeNote: string | null;
  rejectReason: string | null;
  transferredTo: string | null;
  agreement: AgreementDetails | null;
  agreedAmountFen: number | null;
  agreementEffectiveAt: string | null;
  undisputed: UndisputedDetails | null;
  performanceDeadline: string | null;
}

export function decideEnding(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  path: Path,
  times: Times,
  story: Story,
  team: Team,
  category: CategoryCode,
  dispute: Dispute,
  sessionPlaceName: string,
  f: Force,
): Ending {
  const { rng } = env;
  const { accepted, effective } = path;
  const { startMs, outMs, rejectMs, closeMs } = times;
  const { A, B } = story;
  const place = story.unit;
  const { lead, leader } = team;
  const limitNow = env.nowMs - MINUTE;
  let outcome: Outcome | null = null;
  let outcomeNote: string | null = null;
  let rejectReason: string | null = null;
  let transferredTo: string | null = null;
  let agreement: AgreementDetails | null = null;
  let agreedAmountFen: number | null = null;
  let agreementEffectiveAt: string | null = null;
  let undisputed: UndisputedDetails | null = null;
  let performanceDeadline: string | null = null;
  const from: Status = startMs !== null ? 'mediating' : accepted ? 'accepted' : 'registered';
  if (rejectMs !== null) {
    rejectReason = dispute.outside ? dispute.outside.reject : rng.pick(REJECT_REASONS);
    timeline.add(
      rejectMs,
      'case.reject',
      'case',
      caseId,
      `${ACTIONS.reject.label}（已登记 → 不予受理），理由：${rejectReason}`,
      leader,
      true,
      S_REGISTERED,
      { status: 'rejected', rejectReason },
    );
  }
  if (outMs !== null) {
    outcome = effective as Outcome;
    const actor = lead?.name ?? leader;
    switch (effective) {
      case 'agreement': {
        agreementEffectiveAt = day(outMs);
        // Every demo agreement holds every 人民调解法 第二十九条 item, and its terms follow the claim.
        const drafted = draftAgreement(env, dispute, story, agreementEffectiveAt);
        agreedAmountFen = drafted.agreedAmountFen;
        performanceDeadline = drafted.performanceDeadline;
        agreement = {
          responsibility:
            drafted.responsibility ??
            (rng.chance(0.5) ? `经调解查明，${B}对纠纷的发生负主要责任，${A}负次要责任。` : `经调解查明，双方对纠纷的发生均负有一定责任。`),
          terms: drafted.terms,
          performanceMethod: drafted.performanceMethod,
          performanceDeadline,
          ...(rng.chance(0.3) ? { performancePlace: sessionPlaceName } : {}),
          ...(rng.chance(0.04) ? { oral: true } : {}),
        };
        // Only what falls due on the day can have been done on the spot.
        outcomeNote = performanceDeadline === agreementEffectiveAt && rng.chance(0.6) ? '当场履行完毕' : null;
        timeline.add(outMs, 'case.agree', 'case', caseId, `${ACTIONS.agree.label}（调解中 → 达成协议）`, actor, true, S_MEDIATING, {
          status: 'agreement',
          outcome: 'agreement',
          agreementEffectiveAt,
        });
        break;
      }
      case 'failed': {
        outcomeNote = rng.pick(dispute.failure);
        timeline.add(
          outMs,
          'case.fail',
          'case',
          caseId,
          `${ACTIONS.fail.label}（调解中 → 调解不成），理由：${outcomeNote}`,
          actor,
          true,
          S_MEDIATING,
          S_FAILED,
        );
        if (f.undisputed || rng.chance(0.35)) {
          // What both sides accepted in mediation, never a concession made to reach a deal (特邀调解规定 第二十二条).
          const facts = rng.sample(dispute.undisputed, rng.int(1, dispute.undisputed.length)).map((t) => fill(t, A, B, place, ''));
          const disputedPoints = rng.sample(dispute.disputed, rng.int(1, dispute.disputed.length)).map((t) => fill(t, A, B, place, ''));
          const recordedMs = Math.max(outMs + 1000, Math.min(outMs + 20 * MINUTE, limitNow));
          undisputed = {
            consent: true,
            facts,
            disputedPoints,
            failureReason: outcomeNote,
            place: sessionPlaceName,
            // The day it was recorded with the parties, as cases.setUndisputed stores it.
            recordedOn: day(recordedMs),
          };
          timeline.add(recordedMs, 'case.setUndisputed', 'case', caseId, `编辑无争议事实记载（${facts.length} 项事实）`, actor, true);
        }
        break;
      }
      case 'withdrawn':
        outcomeNote = rng.pick(WITHDRAW_REASONS);
        timeline.add(
          outMs,
          'case.withdraw',
          'case',
          caseId,
          `${ACTIONS.withdraw.label}（${statusLabel(from)} → 已撤回），理由：${outcomeNote}`,
          actor,
          true,
          STATUS_JSON[from],
          S_WITHDRAWN,
        );
        break;
      case 'transferred': {
        // A matter outside 人民调解 goes to the body that decides it; a civil dispute to one that fits.
        const [target, reason] = dispute.outside
          ? [dispute.outside.transferTo, dispute.outside.transferReason]
          : rng.pick(TRANSFER_TARGETS.filter(([, , only]) => !only || only.includes(category)));
        transferredTo = target;
        outcomeNote = reason;
        timeline.add(
          outMs,
          'case.transfer',
          'case',
          caseId,
          `${ACTIONS.transfer.label}（${statusLabel(from)} → 已移交）至 ${target}，理由：${reason}`,
          actor,
          true,
          STATUS_JSON[from],
          { status: 'transferred', outcome: 'transferred', transferredTo: target },
        );
        break;
      }
      default:
        break;
    }
  }
  if (closeMs !== null)
    timeline.add(
      closeMs,
      'case.close',
      'case',
      caseId,
      `${ACTIONS.close.label}（${statusLabel(effective)} → 已结案）`,
      lead?.name ?? leader,
      true,
      STATUS_JSON[effective],
      S_CLOSED,
    );
  return {
    outcome,
    outcomeNote,
    rejectReason,
    transferredTo,
    agreement,
    agreedAmountFen,
    agreementEffectiveAt,
    undisputed,
    performanceDeadline,
  };
}
