/**
 * What follows an agreement: 司法确认 and 回访, as the app's follow-through services record them.
 */
import { FOLLOWUP_METHOD_LABELS, PERFORMANCE_LABELS } from '../../../common/api/court';
import type { ConfirmationState } from '../coverage';
import { idAt } from '../ids';
import { COURT, COURT_CODE } from '../places';
import { DISMISS_NOTES, FOLLOWUP_NOTES } from '../texts';
import { at, day, MINUTE } from '../time';
import type { BuildEnv } from './env';
import { onDay, type Timeline } from './timeline';
import { pickMethod, pickPerformance } from './weights';

/**
 * 司法确认 for about 30% of agreements: applied within the 30-day window (人民调解法 Art. 33),
 * accepted within 3 days, ruled within 15 (法释〔2011〕5号), as far as the calendar has got.
 * Dates, as followthrough/confirmations.ts stores them. The row is buffered: the writer puts
 * case rows in before the rows that refer to them.
 */
export function confirmation(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  outMs: number,
  effectiveDay: string,
  forced: ConfirmationState | undefined,
  actor: string,
): void {
  const { rng, today } = env;
  if (!forced && !rng.chance(0.3)) return;
  let applied = env.dates.addDays(effectiveDay, rng.int(1, 25));
  if (applied > today) {
    if (!forced) return;
    applied = today;
  }
  let state: ConfirmationState = 'applied';
  let acceptedOn: string | null = env.dates.addDays(applied, rng.int(0, 3));
  let ruledOn: string | null = env.dates.addDays(acceptedOn, rng.int(3, 15));
  if (forced) state = forced;
  else if (acceptedOn <= today && !rng.chance(0.04))
    state = ruledOn <= today && !rng.chance(0.03) ? (rng.chance(0.92) ? 'confirmed' : 'dismissed') : 'accepted';
  if (state === 'applied') acceptedOn = ruledOn = null;
  else if (state === 'accepted') ruledOn = null;
  if (acceptedOn !== null && acceptedOn > today) acceptedOn = today;
  if (ruledOn !== null && ruledOn > today) ruledOn = today;

  const appliedMs = onDay(env, applied, outMs);
  const acceptedMs = acceptedOn === null ? null : onDay(env, acceptedOn, appliedMs);
  const ruledMs = ruledOn === null ? null : onDay(env, ruledOn, acceptedMs!);
  const id = idAt(appliedMs);
  const year = Number((acceptedOn ?? applied).slice(0, 4));
  const acceptanceNumber = acceptedOn ? `（${year}）${COURT_CODE}民特${env.serials.next('court:special', year, 30)}号` : null;
  const ruling = state === 'confirmed' || state === 'dismissed' ? state : null;
  const note = ruling === 'dismissed' ? rng.pick(DISMISS_NOTES) : '';
  timeline.add(
    appliedMs,
    'confirmations.apply',
    'confirmation',
    id,
    `${applied} 双方当事人共同向${COURT}申请司法确认`,
    actor,
    false,
    null,
    { court: COURT, appliedAt: applied },
  );
  if (acceptedMs !== null)
    timeline.add(
      acceptedMs,
      'confirmations.accept',
      'confirmation',
      id,
      `${COURT}于 ${acceptedOn} 受理司法确认申请，案号 ${acceptanceNumber}`,
      actor,
      false,
      null,
      { acceptedAt: acceptedOn, acceptanceNumber },
    );
  if (ruledMs !== null) {
    const label = ruling === 'confirmed' ? '裁定确认协议有效' : '裁定驳回申请';
    timeline.add(
      ruledMs,
      'confirmations.rule',
      'confirmation',
      id,
      `${COURT}于 ${ruledOn} ${label}（${acceptanceNumber}）${note ? `：${note}` : ''}`,
      actor,
      false,
      null,
      { ruling, ruledAt: ruledOn },
    );
  }
  env.counts.confirmations++;
  env.w.confirmation({
    id,
    version: 1 + (acceptedOn ? 1 : 0) + (ruledOn ? 1 : 0),
    updatedAt: at(ruledMs ?? acceptedMs ?? appliedMs),
    caseId,
    court: COURT,
    appliedAt: applied,
    acceptedAt: acceptedOn,
    acceptanceNumber,
    ruling,
    ruledAt: ruledOn,
    note,
  });
}

/**
 * 回访 (人民调解法 Art. 31), as followthrough/followups.ts schedules them: the centre's days after
 * the agreement, and 3 days after the performance deadline; past visits mostly done.
 */
export function followups(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  outMs: number,
  effectiveDay: string,
  performanceDeadline: string | null,
  paysMoney: boolean,
  forced: 'done' | 'due' | undefined,
  visitor: string,
): void {
  const { rng, today } = env;
  if (!forced && !rng.chance(0.85)) return;
  const dates = [env.dates.addDays(effectiveDay, env.followupDays)];
  if (performanceDeadline && performanceDeadline >= effectiveDay) {
    const second = env.dates.afterPerformance(effectiveDay, performanceDeadline);
    if (second && !dates.includes(second)) dates.push(second);
  }
  dates.sort();
  const scheduledMs = Math.min(outMs + rng.int(10, 120) * MINUTE, env.nowMs - MINUTE);
  timeline.add(scheduledMs, 'followups.schedule', 'case', caseId, `安排回访：${dates.join('、')}`, visitor, false, null, { dates });
  for (const dueOn of dates) {
    const id = idAt(scheduledMs);
    const done = dueOn <= today && (forced === 'done' || (forced !== 'due' && rng.chance(0.88)));
    if (!done) {
      env.w.followup({
        id,
        version: 1,
        updatedAt: at(scheduledMs),
        caseId,
        dueOn,
        doneAt: null,
        method: null,
        performance: null,
        notes: '',
        visitor: '',
      });
      env.counts.followups++;
      continue;
    }
    const visitDay = env.dates.addDays(dueOn, rng.int(-2, 3));
    const doneMs = onDay(env, visitDay > today ? today : visitDay, scheduledMs);
    const performance = pickPerformance(rng);
    const method = pickMethod(rng);
    const notes = rng.pick(FOLLOWUP_NOTES[performance][paysMoney ? 'money' : 'act']);
    const doneAt = day(doneMs);
    env.w.followup({ id, version: 2, updatedAt: at(doneMs), caseId, dueOn, doneAt, method, performance, notes, visitor });
    env.counts.followups++;
    timeline.add(
      doneMs,
      'followups.record',
      'followup',
      id,
      `${doneAt} ${FOLLOWUP_METHOD_LABELS[method]}（回访人 ${visitor}）：${PERFORMANCE_LABELS[performance]}。${notes}`,
      visitor,
      false,
      null,
      { doneAt, method, performance },
    );
  }
}
