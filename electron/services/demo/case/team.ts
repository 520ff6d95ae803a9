/**
 * The mediators of a case and the steps they take before the outcome: acceptance (with the
 * centre's deadline), assignment, the start of mediation, and now and then an escalation to the
 * next tier.
 */
import type { CategoryCode } from '../../../common/domain/categories';
import type { Status } from '../../../common/domain/lifecycle';
import { nextTier, tierLabel, type Tier } from '../../../common/domain/tiers';
import type { Force } from '../coverage';
import type { DemoMediator } from '../roster';
import { ESCALATE_REASONS } from '../texts';
import { at, MINUTE } from '../time';
import type { BuildEnv } from './env';
import type { Times } from './path';
import { S_ACCEPTED, S_MEDIATING, S_REGISTERED, type Timeline } from './timeline';

export interface Team {
  /** lead first, then the assistant if any; empty until the case is accepted */
  members: DemoMediator[];
  lead: DemoMediator | undefined;
  chosenBy: 'parties' | 'assigned';
  /** the centre's staff member who accepts and decides (a clerk's name) */
  leader: string;
}

export function drawTeam(env: BuildEnv, category: CategoryCode, court: boolean, accepted: boolean, assignMs: number | null): Team {
  const { rng } = env;
  const members = accepted ? env.roster.pick(rng, category, court, assignMs!) : [];
  const chosenBy: 'parties' | 'assigned' = rng.chance(court ? 0.4 : 0.1) ? 'parties' : 'assigned';
  const leader = rng.pick(env.clerks);
  return { members, lead: members[0], chosenBy, leader };
}

/** Accepted, mediators assigned, mediation started: the events of the steps that happened. */
export function recordSteps(timeline: Timeline, caseId: string, times: Times, team: Team, court: boolean): void {
  const { acceptMs, assignMs, startMs, deadline } = times;
  if (acceptMs !== null) {
    // The app sets the centre's deadline on acceptance only when none is set (a court's is).
    const setsDeadline = !court;
    timeline.add(
      acceptMs,
      'case.accept',
      'case',
      caseId,
      `受理（已登记 → 已受理）${setsDeadline && deadline ? `，化解期限 ${deadline}` : ''}`,
      team.leader,
      true,
      S_REGISTERED,
      {
        status: 'accepted',
        acceptedAt: at(acceptMs),
        ...(setsDeadline ? { deadline } : {}),
      },
    );
    for (let k = 0; k < team.members.length; k++) {
      timeline.add(
        assignMs! + k * 1000,
        'case.assignMediator',
        'case',
        caseId,
        `${team.chosenBy === 'parties' && k === 0 ? '当事人选定' : '指派'}调解员 ${team.members[k]!.name}${k === 0 ? '' : '（协助）'}`,
        team.leader,
        true,
      );
    }
  }
  if (startMs !== null)
    timeline.add(startMs, 'case.start', 'case', caseId, '开始调解（已受理 → 调解中）', team.lead!.name, true, S_ACCEPTED, S_MEDIATING);
}

export interface Escalation {
  tier: Tier;
  escalatedMs: number | null;
}

/** Escalation happens while the case is open; it moves the tier, not the status. */
export function drawEscalation(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  R: number,
  originTier: Tier,
  status: Status,
  outMs: number | null,
  actor: string,
  outside: boolean,
  f: Force,
): Escalation {
  const { rng } = env;
  const up = nextTier(originTier);
  // A matter outside 人民调解 is handed on, not taken up the tiers.
  if (!up || outside || f.noEscalation || status === 'rejected' || !(f.escalate || rng.chance(0.06)))
    return { tier: originTier, escalatedMs: null };
  const openEnd = outMs ?? env.nowMs - MINUTE;
  const escalatedMs = Math.floor(R + (openEnd - R) * rng.bell(0.15, 0.85));
  timeline.add(
    escalatedMs,
    'case.escalate',
    'case',
    caseId,
    `由${tierLabel(originTier)}上报至${tierLabel(up)}，理由：${rng.pick(ESCALATE_REASONS)}`,
    actor,
    true,
    { tier: originTier },
    { tier: up },
  );
  return { tier: up, escalatedMs };
}
