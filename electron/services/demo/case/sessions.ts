/** 调解记录: the sessions held between the start of mediation and the outcome. */
import type { Status } from '../../../common/domain/lifecycle';
import { idAt } from '../ids';
import { sessionPlace } from '../places';
import type { Dispute } from '../texts';
import { at, day, HOUR, MINUTE, officeTime } from '../time';
import type { BuildEnv } from './env';
import { nameOf } from './parties';
import type { Times } from './path';
import type { Story } from './story';
import type { Team } from './team';
import type { Timeline } from './timeline';
import { pickSessionCount } from './weights';
import { fill } from './wording';

/** Holds the sessions and returns where the case was mediated (the agreement's place). */
export function holdSessions(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  story: Story,
  team: Team,
  effective: Status,
  times: Times,
  dispute: Dispute,
): string {
  const { rng, w } = env;
  const { startMs, outMs } = times;
  const lead = team.lead;
  const participants = [
    ...story.applicants.map((p) => `申请人${nameOf(p)}`),
    ...story.respondents.map((p) => (p.org ? `被申请人${p.org.name}（委托代表）` : `被申请人${nameOf(p)}`)),
    ...story.drafts.filter((p) => p.role === 'agent').map((p) => `代理人${nameOf(p)}`),
    ...team.members.map((m) => `调解员${m.name}`),
  ].join('、');
  const sessionsHeld: number[] = [];
  if (startMs !== null) {
    let k: number;
    if (effective === 'agreement' || effective === 'failed') k = pickSessionCount(rng);
    else if (effective === 'mediating') k = rng.int(0, 3);
    else k = rng.int(0, 2);
    const end = outMs ?? env.nowMs - MINUTE;
    for (let s = 0; s < k; s++) {
      const raw = Math.floor(startMs + (end - startMs) * (0.05 + 0.9 * rng.next()));
      // Sessions happen in office hours unless the window is too short to find one.
      const office = officeTime(rng, raw);
      sessionsHeld.push(office > startMs && office < end ? office : raw);
    }
    sessionsHeld.sort((x, y) => x - y);
    // A window squeezed to a moment (a case registered minutes ago) has room for one session, not
    // three at the same minute: keep those at least an hour after the one before.
    for (let s = sessionsHeld.length - 1; s > 0; s--) if (sessionsHeld[s]! - sessionsHeld[s - 1]! < HOUR) sessionsHeld.splice(s, 1);
  }
  const sessionPlaceName = sessionPlace(rng, story.area, story.unit);
  investigate(env, timeline, caseId, story, team, dispute, startMs, sessionsHeld[0]);
  for (let k = 0; k < sessionsHeld.length; k++) {
    const ms = sessionsHeld[k]!;
    const id = idAt(ms);
    const isLast = k === sessionsHeld.length - 1;
    const closing =
      isLast && effective === 'agreement'
        ? '经调解员耐心疏导，双方互谅互让，自愿达成调解协议。'
        : isLast && effective === 'failed'
          ? '双方分歧较大，本次调解未能达成一致。'
          : '双方同意回去考虑后再次协商，调解员约定下次调解时间。';
    const record =
      `${day(ms)}在${sessionPlaceName}进行第${k + 1}次调解。调解员${lead!.name}向各方告知了人民调解的性质、原则和当事人的权利义务，各方表示不申请回避。` +
      `${rng.sample(dispute.statements, 2).join('')}${closing}`;
    const recorder = team.members[1]?.name ?? rng.pick(env.clerks);
    // Mediation sessions (调解), each recorded in the 调解记录; the demo draws no investigations (调查).
    w.session({
      id,
      caseId,
      kind: 'mediation',
      heldAt: at(ms),
      place: sessionPlaceName,
      participants,
      record,
      recorder,
      mediatorId: lead!.id,
    });
    timeline.add(ms, 'sessions.add', 'session', id, `记录第 ${k + 1} 次调解（${day(ms)}，${sessionPlaceName}）`, recorder, false);
  }
  env.counts.sessions += sessionsHeld.length;
  return sessionPlaceName;
}

/**
 * 调查 (人民调解法 Art. 22): in about a third of the cases the mediator first sees the place or asks
 * the people around before the first session; what is found is what both sides later accept. One
 * investigation at most, at least an hour before the first session, in office hours.
 */
function investigate(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  story: Story,
  team: Team,
  dispute: Dispute,
  startMs: number | null,
  firstSessionMs: number | undefined,
): void {
  const { rng, w } = env;
  if (startMs === null || firstSessionMs === undefined || dispute.undisputed.length === 0 || !rng.chance(0.35)) return;
  const ms = officeTime(rng, Math.floor(startMs + (firstSessionMs - startMs) * 0.4));
  if (ms <= startMs || ms > firstSessionMs - HOUR) return;
  const lead = team.lead!;
  const recorder = team.members[1]?.name ?? rng.pick(env.clerks);
  const place = `${story.unit}（当事人住所及纠纷现场）`;
  const participants = `申请人${story.A}、被申请人${story.B}（分别询问）；${story.unit}村（居）民委员会工作人员`;
  const found = rng
    .sample(dispute.undisputed, Math.min(2, dispute.undisputed.length))
    .map((t) => fill(t, story.A, story.B, place, ''))
    .join('；');
  const record = `${day(ms)}，调解员${lead.name}到${story.unit}走访，分别听取双方陈述，并向村（居）民委员会工作人员了解情况。经了解：${found}。`;
  const id = idAt(ms);
  w.session({ id, caseId, kind: 'investigation', heldAt: at(ms), place, participants, record, recorder, mediatorId: lead.id });
  timeline.add(ms, 'sessions.add', 'session', id, `记录第 1 次调查（${day(ms)}，${place}）`, recorder, false);
  env.counts.sessions += 1;
}
