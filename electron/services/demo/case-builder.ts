/**
 * One demo case, end to end: who the parties are, how the case moved through its life cycle and
 * when, and every row that history leaves behind (parties, mediators, sessions, court referral,
 * 司法确认, follow-ups, audit events). Each step lives in case/, in the order the history is drawn;
 * the order matters, because every step draws from the same seeded rng and the same seed must give
 * the same centre.
 */
import { courtModeOf } from '../../common/domain/sources';
import { NO_FORCE, type Force } from './coverage';
import { drawKind } from './case/kind';
import { extendCourtLimit, reportToCourt, writeReferral } from './case/court';
import type { BuildEnv } from './case/env';
import { drawFigures } from './case/figures';
import { confirmation, followups } from './case/followthrough';
import { writeParties } from './case/parties';
import { decideEnding } from './case/outcome';
import { drawPath, drawTimes } from './case/path';
import { drawReporter, register, registerReferral } from './case/register';
import { orderEvents, writeAudit, writeCaseRow } from './case/rows';
import { holdSessions } from './case/sessions';
import { drawStory } from './case/story';
import { drawEscalation, drawTeam, recordSteps } from './case/team';
import { at, DAY } from './time';

export { RosterIndex, YearSerials, type BuildEnv, type Counts } from './case/env';

export function buildCase(env: BuildEnv, registeredMs: number, f: Force = NO_FORCE): void {
  const R = registeredMs;
  const { category, source, originTier, procedure, dispute } = drawKind(env, f);
  const outside = dispute.outside !== undefined;
  const mode = courtModeOf(source);

  const path = drawPath(env, (env.nowMs - R) / DAY, f, outside);
  const times = drawTimes(env, R, path, source, mode, procedure, f);
  const story = drawStory(env, category, dispute, f);

  const reg = register(env, R, story.title, category, source);
  const { caseId, timeline } = reg;
  const reporter = drawReporter(env, R, reg.year, source, story.area, story.unit);
  const referral = mode ? registerReferral(env, reg, R, category, mode, procedure, times) : null;

  const team = drawTeam(env, category, mode !== null, path.accepted, times.assignMs);
  const actor = team.lead?.name ?? team.leader;
  recordSteps(timeline, caseId, times, team, mode !== null);
  const { tier, escalatedMs } = drawEscalation(
    env,
    timeline,
    caseId,
    R,
    originTier,
    path.status,
    times.outMs,
    team.lead?.name ?? reg.clerk,
    outside,
    f,
  );
  const sessionPlaceName = holdSessions(env, timeline, caseId, story, team, path.effective, times, dispute);
  const extensionConsent = extendCourtLimit(env, timeline, caseId, times, team.lead?.name ?? '');

  const ending = decideEnding(env, timeline, caseId, path, times, story, team, category, dispute, sessionPlaceName, f);
  const report = reportToCourt(env, timeline, caseId, mode, path.accepted, path.effective, times.outMs, ending.outcomeNote, actor);
  const figures = drawFigures(env, category, source, originTier, story.area, path.effective, story.applicants.length, f);

  if (path.effective === 'agreement' && ending.agreementEffectiveAt !== null && times.outMs !== null) {
    const paysMoney = ending.agreement?.terms.some((t) => /\d元/.test(t)) ?? false;
    confirmation(env, timeline, caseId, times.outMs, ending.agreementEffectiveAt, f.confirmation, actor);
    followups(env, timeline, caseId, times.outMs, ending.agreementEffectiveAt, ending.performanceDeadline, paysMoney, f.followup, actor);
  }

  const { events, changes, lastChange } = orderEvents(timeline.events, R);
  const closedAt = times.closeMs ?? times.rejectMs;
  writeCaseRow(env, {
    id: caseId,
    version: 1 + changes,
    updatedAt: at(lastChange),
    caseNumber: reg.caseNumber,
    year: reg.year,
    serial: reg.serial,
    title: story.title,
    category,
    source,
    tier,
    originTier,
    status: path.status,
    summary: story.summary,
    claims: story.claims,
    amountFen: story.amount,
    agreedAmountFen: ending.agreedAmountFen,
    reporter,
    registeredAt: at(R),
    acceptedAt: times.acceptMs === null ? null : at(times.acceptMs),
    deadline: times.deadline,
    deadlineNominal: times.deadlineNominal,
    closedAt: closedAt === null ? null : at(closedAt),
    outcome: ending.outcome,
    outcomeAt: times.outMs === null ? null : at(times.outMs),
    outcomeNote: ending.outcomeNote,
    rejectReason: ending.rejectReason,
    ...figures,
    escalatedAt: escalatedMs === null ? null : at(escalatedMs),
    transferredTo: ending.transferredTo,
    agreement: ending.agreement,
    agreementEffectiveAt: ending.agreementEffectiveAt,
    undisputed: ending.undisputed,
  });
  writeParties(env, caseId, R, story.drafts);
  for (let k = 0; k < team.members.length; k++)
    env.w.caseMediator({
      caseId,
      mediatorId: team.members[k]!.id,
      role: k === 0 ? 'lead' : 'assistant',
      assignedAt: at(times.assignMs! + k * 1000),
      chosenBy: k === 0 ? team.chosenBy : 'assigned',
    });
  if (mode && referral) writeReferral(env, caseId, mode, procedure, referral, times, extensionConsent, report, ending.outcomeNote);
  writeAudit(env, caseId, events);
}
