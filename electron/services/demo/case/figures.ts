/**
 * What the district's figures count besides the outcome: cross-unit responsibility for the hard
 * cases (牵头单位, 包案领导), repeat petitions, and disputes kept from turning criminal or into a
 * group petition (防止民转刑, 防止群体性上访).
 */
import type { CategoryCode } from '../../../common/domain/categories';
import type { Status } from '../../../common/domain/lifecycle';
import type { SourceCode } from '../../../common/domain/sources';
import type { Tier } from '../../../common/domain/tiers';
import type { Force } from '../coverage';
import { personName } from '../names';
import { UNITS, type Area } from '../places';
import type { BuildEnv } from './env';
import { CROSS_UNIT } from './weights';

export interface Figures {
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  repeatPetition: boolean;
  preventedCriminalPeople: number;
  preventedPetitionPeople: number;
}

export function drawFigures(
  env: BuildEnv,
  category: CategoryCode,
  source: SourceCode,
  originTier: Tier,
  a: Area,
  effective: Status,
  applicantCount: number,
  f: Force,
): Figures {
  const { rng } = env;
  const crossUnit = f.crossUnit || rng.chance(CROSS_UNIT[category] ?? 0.1);
  const leadUnit = crossUnit
    ? originTier === 'district' || rng.chance(0.3)
      ? rng.pick(UNITS)
      : `${a.name}${a.kind === 'town' ? '人民政府' : '办事处'}`
    : null;
  const coUnits = crossUnit
    ? rng.sample(
        UNITS.filter((u) => u !== leadUnit),
        rng.int(1, 3),
      )
    : [];
  const responsibleLeader = crossUnit
    ? `${personName(rng, 'male').name}（${rng.pick(['副镇长', '街道办事处副主任', '区司法局副局长', '党委副书记', '区信访局副局长'])}）`
    : null;
  const responsiblePerson = crossUnit
    ? `${personName(rng, rng.chance(0.5) ? 'male' : 'female').name}（${rng.pick(['司法所所长', '综治中心主任', '信访专干', '村党支部书记'])}）`
    : null;
  const repeatPetition = f.repeatPetition || ((source === 'petition_referral' || category === 'petition_backlog') && rng.chance(0.3));
  const preventedCriminalPeople =
    effective === 'agreement' && ['neighbor', 'marriage_family', 'damages'].includes(category) && rng.chance(0.03) ? rng.int(1, 3) : 0;
  const preventedPetitionPeople = effective === 'agreement' && applicantCount > 2 && rng.chance(0.3) ? applicantCount * rng.int(1, 4) : 0;
  return { leadUnit, coUnits, responsibleLeader, responsiblePerson, repeatPetition, preventedCriminalPeople, preventedPetitionPeople };
}
