/**
 * Court docking (特邀调解, 法释〔2016〕14号): an extension of the court's time limit with both
 * parties' consent, the result reported back, and the referral row.
 */
import { COURT_RESULT_LABELS } from '../../../common/api/court';
import type { CourtProcedure, CourtReferralMode } from '../../../common/domain/deadlines';
import type { Status } from '../../../common/domain/lifecycle';
import { personName } from '../names';
import { COURT } from '../places';
import { day, dayStart, HOUR, MINUTE } from '../time';
import type { BuildEnv } from './env';
import type { Times } from './path';
import type { ReferralRegistration } from './register';
import { afterDays, type Timeline } from './timeline';

/** An extension agreed while the court's clock runs; returns how the parties consented, or null. */
export function extendCourtLimit(env: BuildEnv, timeline: Timeline, caseId: string, times: Times, actor: string): string | null {
  const { rng } = env;
  const { extensionDays, courtDueBefore, startMs, outMs, deadline } = times;
  if (extensionDays <= 0) return null;
  const limitNow = env.nowMs - MINUTE;
  const dueMs = dayStart(courtDueBefore!) + 17 * HOUR;
  const consentMs = Math.max(startMs! + MINUTE, Math.min(outMs ?? limitNow, dueMs, limitNow) - rng.int(1, 48) * HOUR);
  const consent = rng.pick(['双方当事人签署书面同意书', '双方当事人在调解笔录中签字同意', '双方当事人电话确认同意并录音']);
  timeline.add(
    consentMs,
    'court.extend',
    'case',
    caseId,
    `经双方当事人同意延长调解期限 ${extensionDays} 日（${consent}），期限由 ${courtDueBefore} 延至 ${deadline}`,
    actor,
    true,
    { extensionDays: 0, deadline: courtDueBefore },
    { extensionDays, deadline },
  );
  return `${day(consentMs)} 延长${extensionDays}日：${consent}`;
}

export interface CourtReport {
  result: 'agreement' | 'failed' | 'withdrawn' | null;
  reportedMs: number | null;
  /** 特邀调解规定: a failed 委派 mediation sends the court's materials back for filing. */
  materialsReturned: boolean;
}

/** The result reported to the court, for a referral that was accepted and reached an outcome. */
export function reportToCourt(
  env: BuildEnv,
  timeline: Timeline,
  caseId: string,
  mode: CourtReferralMode | null,
  accepted: boolean,
  effective: Status,
  outMs: number | null,
  outcomeNote: string | null,
  actor: string,
): CourtReport {
  const result =
    mode && accepted && outMs !== null && (effective === 'agreement' || effective === 'failed' || effective === 'withdrawn')
      ? effective
      : null;
  const reportedMs = result ? Math.min(afterDays(env.rng, outMs!, 0, 3), env.nowMs - MINUTE) : null;
  const materialsReturned = mode === 'delegated' && result === 'failed';
  if (result) {
    timeline.add(
      reportedMs!,
      'court.reportResult',
      'case',
      caseId,
      `${day(reportedMs!)} 向${COURT}报告调解结果：${COURT_RESULT_LABELS[result]}${result !== 'agreement' && outcomeNote ? `，原因：${outcomeNote}` : ''}${materialsReturned ? '；材料退回法院' : ''}`,
      actor,
      true,
    );
  }
  return { result, reportedMs, materialsReturned };
}

export function writeReferral(
  env: BuildEnv,
  caseId: string,
  mode: CourtReferralMode,
  procedure: CourtProcedure | null,
  registration: ReferralRegistration,
  times: Times,
  extensionConsent: string | null,
  report: CourtReport,
  outcomeNote: string | null,
): void {
  const { rng } = env;
  env.w.referral({
    caseId,
    mode,
    procedure,
    court: COURT,
    referenceNumber: registration.referenceNumber,
    referredAt: registration.referredOn,
    materialsSignedAt: times.signedOn,
    timeLimitDays: times.plannedLimit,
    extensionDays: times.extensionDays,
    extensionConsent,
    reportTo: `${personName(rng, rng.chance(0.6) ? 'male' : 'female').name}（${rng.pick(['立案庭法官', '民一庭法官', '法官助理', '诉调对接中心书记员'])}）`,
    result: report.result,
    resultReason: report.result && report.result !== 'agreement' ? outcomeNote : null,
    resultReportedAt: report.reportedMs === null ? null : day(report.reportedMs),
    materialsReturned: report.materialsReturned,
  });
  env.counts.referrals++;
}
