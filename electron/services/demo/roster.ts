/**
 * The demo roster (名册): about 60 mediators — the centre's resident 人民调解员 in the towns and
 * streets, the court's invited mediators (特邀调解员, lawyers and retired judges) and a few invited
 * organisations — with specialties, and a few suspended or removed with a date and a reason, as
 * the roster service records them.
 */
import { CATEGORY_CODES, type CategoryCode } from '../../common/domain/categories';
import { personName } from './names';
import type { People } from './people';
import { AREAS } from './places';
import type { Rng } from './prng';
import { DAY, officeTime } from './time';

export interface DemoMediator {
  id: string;
  name: string;
  kind: 'resident' | 'invited' | 'invited_org';
  organisation: string;
  phone: string;
  idNumber: string | null;
  specialties: CategoryCode[];
  certificateNo: string;
  region: string;
  status: 'active' | 'suspended' | 'removed';
  /** ms: when the roster entry was made */
  createdMs: number;
  /** ms: the day of the last status change (joining, suspension, removal) */
  statusMs: number;
  statusReason: string | null;
}

const INVITED_ORGS = [
  { name: '牧野区道路交通事故纠纷人民调解委员会', specialties: ['traffic_accident', 'damages'] },
  { name: '牧野区医疗纠纷人民调解委员会', specialties: ['medical'] },
  { name: '河南牧野律师事务所', specialties: ['contract', 'business', 'labor', 'insolvency'] },
  { name: '牧野区物业纠纷人民调解委员会', specialties: ['property_management', 'neighbor'] },
  { name: '新乡市婚姻家庭纠纷人民调解委员会', specialties: ['marriage_family'] },
] as const satisfies readonly { name: string; specialties: readonly CategoryCode[] }[];

const LAW_FIRMS = ['河南牧野律师事务所', '河南卫河律师事务所', '河南新乡平原律师事务所', '河南豫北律师事务所'];
const SUSPEND_REASONS = ['因病休养，暂停接案', '借调参加专项工作，暂停接案', '被当事人投诉，暂停接案待核查'];
const REMOVE_REASONS = ['聘任期满未续聘', '工作调动，不再担任调解员', '违反调解纪律，经人民法院决定从名册中除名'];

export function buildRoster(rng: Rng, people: People, nowMs: number, newId: (ms: number) => string): DemoMediator[] {
  const out: DemoMediator[] = [];
  // The roster predates the oldest demo case: cases from two years back still have mediators.
  const start = nowMs - 3 * 365 * DAY;
  const add = (m: Omit<DemoMediator, 'id' | 'createdMs' | 'statusMs' | 'status' | 'statusReason'>) => {
    const createdMs = officeTime(rng, start + rng.int(0, 90) * DAY);
    out.push({ ...m, id: newId(createdMs), createdMs, statusMs: createdMs, status: 'active', statusReason: null });
  };
  let cert = rng.int(10, 60);
  const certificate = (year: number) => `牧司调证〔${year}〕${String(cert++).padStart(3, '0')}号`;
  const startYear = new Date(start).getFullYear();

  // Resident mediators: four or five per town or street, specialised in the disputes they see most.
  for (const a of AREAS) {
    const n = a.kind === 'town' ? 5 : 4;
    for (let i = 0; i < n; i++) {
      const sex = rng.chance(0.6) ? 'male' : 'female';
      const born = people.birthDate(1955, 1990);
      const name = personName(rng, sex).name;
      const base: CategoryCode[] =
        a.kind === 'town'
          ? ['neighbor', 'housing_homestead', 'forest_land', 'marriage_family']
          : ['neighbor', 'marriage_family', 'property_management', 'damages'];
      add({
        name,
        kind: 'resident',
        organisation: `${a.name}人民调解委员会`,
        phone: people.phone(),
        idNumber: people.idNumber(born, sex, '410711'),
        specialties: rng
          .sample(base, rng.int(1, 3))
          .concat(rng.chance(0.3) ? [rng.pick(CATEGORY_CODES)] : [])
          .filter((c, j, all) => all.indexOf(c) === j),
        certificateNo: certificate(startYear),
        region: a.name,
      });
    }
  }
  // Invited mediators of the court: lawyers, retired judges, experts.
  for (let i = 0; i < 16; i++) {
    const sex = rng.chance(0.65) ? 'male' : 'female';
    const born = people.birthDate(1950, 1988);
    const lawyer = rng.chance(0.6);
    add({
      name: personName(rng, sex).name,
      kind: 'invited',
      organisation: lawyer
        ? rng.pick(LAW_FIRMS)
        : rng.pick(['新乡市牧野区人民法院（退休法官）', '牧野区司法局', '新乡学院法学院', '牧野区总工会']),
      phone: people.phone(),
      idNumber: people.idNumber(born, sex),
      specialties: rng.sample(
        [
          'contract',
          'damages',
          'traffic_accident',
          'labor',
          'marriage_family',
          'business',
          'housing_homestead',
          'medical',
        ] as CategoryCode[],
        rng.int(2, 4),
      ),
      certificateNo: `牧法特邀〔${startYear}〕${rng.int(1, 99)}号`,
      region: '牧野区',
    });
  }
  for (const org of INVITED_ORGS) {
    add({
      name: org.name,
      kind: 'invited_org',
      organisation: org.name,
      phone: `0373-${rng.int(2, 7)}${String(rng.int(0, 999_999)).padStart(6, '0')}`,
      idNumber: null,
      specialties: [...org.specialties],
      certificateNo: `牧法特邀组织〔${startYear}〕${rng.int(1, 20)}号`,
      region: '牧野区',
    });
  }
  // The district centre's own staff mediators.
  for (let i = 0; i < 4; i++) {
    const sex = rng.chance(0.5) ? 'male' : 'female';
    const born = people.birthDate(1965, 1995);
    add({
      name: personName(rng, sex).name,
      kind: 'resident',
      organisation: '牧野区人民调解委员会',
      phone: people.phone(),
      idNumber: people.idNumber(born, sex, '410711'),
      specialties: rng.sample(
        ['petition_backlog', 'land_expropriation', 'administrative', 'environment', 'labor', 'insolvency', 'other'] as CategoryCode[],
        rng.int(2, 4),
      ),
      certificateNo: certificate(startYear),
      region: '牧野区',
    });
  }

  // A few leave the active roster during the two demo years; their earlier cases stay theirs.
  const candidates = rng.sample(
    out.map((_, i) => i),
    7,
  );
  candidates.forEach((idx, j) => {
    const m = out[idx]!;
    const removed = j >= 4;
    m.status = removed ? 'removed' : 'suspended';
    m.statusMs = officeTime(rng, nowMs - rng.int(20, 600) * DAY);
    m.statusReason = rng.pick(removed ? REMOVE_REASONS : SUSPEND_REASONS);
  });
  return out;
}
