/**
 * Registration: the case number, who brought the dispute in (网格员, 信访局, 12345 …), and for a
 * court referral (委派 / 委托) the court's reference, registered with the case.
 */
import type { Reporter } from '../../../common/api/case-details';
import { categoryLabel, type CategoryCode } from '../../../common/domain/categories';
import type { CourtProcedure, CourtReferralMode } from '../../../common/domain/deadlines';
import { sourceLabel, type SourceCode } from '../../../common/domain/sources';
import { idAt } from '../ids';
import { personName } from '../names';
import { COURT, COURT_CODE, gridName, POLICE_STATIONS, type Area } from '../places';
import { DAY, day, MINUTE, officeTime } from '../time';
import type { BuildEnv } from './env';
import type { Times } from './path';
import { Timeline } from './timeline';

export interface Registration {
  caseId: string;
  year: number;
  serial: number;
  caseNumber: string;
  timeline: Timeline;
  /** the intake clerk who registered it */
  clerk: string;
}

export function register(env: BuildEnv, R: number, title: string, category: CategoryCode, source: SourceCode): Registration {
  const year = new Date(R).getFullYear();
  const { serial, caseNumber } = env.drawNumber(year);
  const caseId = idAt(R);
  const timeline = new Timeline();
  const clerk = env.rng.pick(env.clerks);
  timeline.add(
    R,
    'cases.register',
    'case',
    caseId,
    `登记案件 ${caseNumber}：${title}（${categoryLabel(category)}，${sourceLabel(source)}）`,
    clerk,
    false,
  );
  return { caseId, year, serial, caseNumber, timeline, clerk };
}

/** Who reported the dispute, for the sources where someone other than a party brought it in. */
export function drawReporter(env: BuildEnv, R: number, year: number, source: SourceCode, a: Area, unit: string): Reporter | null {
  const { rng, people } = env;
  switch (source) {
    case 'grid_report':
      return { name: personName(rng, rng.chance(0.5) ? 'male' : 'female').name, grid: gridName(rng, a, unit), phone: people.phone() };
    case 'informant_report':
      return {
        name: personName(rng, rng.chance(0.5) ? 'male' : 'female').name,
        organisation: rng.pick(['牧野区平安志愿者协会', `${unit}信息员`, '牧野区老党员调解工作室', '牧野区退役军人调解工作室']),
        phone: people.phone(),
      };
    case 'petition_referral':
      return { reference: `牧信转〔${year}〕${env.serials.next('petition', year, 20)}号`, organisation: '牧野区信访局' };
    case 'agency_referral':
      return {
        organisation: rng.chance(0.6)
          ? `新乡市公安局牧野分局${rng.pick(POLICE_STATIONS)}`
          : rng.pick(['牧野区市场监督管理局', '牧野区人力资源和社会保障局', '新乡市公安局交通管理支队三大队']),
        name: personName(rng, 'male').name,
      };
    case 'hotline':
      return {
        organisation: '12345政务服务便民热线',
        reference: `${day(R).replace(/-/g, '')}${String(env.serials.next('hotline', year, 500)).padStart(5, '0')}`,
      };
    default:
      return null;
  }
}

export interface ReferralRegistration {
  referenceNumber: string;
  referredOn: string;
}

/** The court's referral, registered with the case (court/referrals.ts registerReferral). */
export function registerReferral(
  env: BuildEnv,
  reg: Registration,
  R: number,
  category: CategoryCode,
  mode: CourtReferralMode,
  procedure: CourtProcedure | null,
  times: Times,
): ReferralRegistration {
  const { rng } = env;
  const referredMs = Math.min(R - rng.int(10, 60) * MINUTE, officeTime(rng, R - rng.int(0, 2) * DAY));
  const referredOn = day(referredMs);
  const ryear = new Date(referredMs).getFullYear();
  const referenceNumber =
    mode === 'delegated'
      ? `（${ryear}）${COURT_CODE}民诉前调${env.serials.next('court:delegated', ryear, 300)}号`
      : `（${ryear}）${COURT_CODE}民初${env.serials.next('court:entrusted', ryear, 200)}号`;
  reg.timeline.add(
    R,
    'court.registerReferral',
    'case',
    reg.caseId,
    `登记${COURT}${mode === 'delegated' ? '委派' : '委托'}调解案件 ${referenceNumber}（${categoryLabel(category)}）` +
      `${procedure ? `，${procedure === 'ordinary' ? '普通程序' : '简易程序'}` : ''}，${times.signedOn} 签收材料，期限 ${times.plannedLimit} 日，至 ${times.courtDueBefore}`,
    reg.clerk,
    true,
    null,
    {
      mode,
      procedure,
      court: COURT,
      referenceNumber,
      referredAt: referredOn,
      materialsSignedAt: times.signedOn,
      timeLimitDays: times.plannedLimit,
      deadline: times.courtDueBefore,
    },
  );
  return { referenceNumber, referredOn };
}
