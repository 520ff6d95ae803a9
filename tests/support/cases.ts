/** Realistic case inputs for tests: Muye District people with valid ID numbers. */
import type { RegisterCaseInput } from '../../electron/common/api/cases';
import { makeResidentId } from '../../electron/common/domain/identity';

export const ZHANG_ID = makeResidentId('410711', '1968-03-12', 31); // male
export const LI_ID = makeResidentId('410711', '1975-11-02', 42); // female

type PartyInput = RegisterCaseInput['parties'][number];

/** 张建国, the applicant of most test cases. */
export const ZHANG: PartyInput = {
  role: 'applicant',
  kind: 'person',
  name: '张建国',
  idType: 'resident_id',
  idNumber: ZHANG_ID,
  phone: '13803731234',
  address: '新乡市牧野区王村镇王村1号',
};

/** 李秀英, his neighbour, the respondent. */
export const LI: PartyInput = {
  role: 'respondent',
  kind: 'person',
  name: '李秀英',
  idType: 'resident_id',
  idNumber: LI_ID,
  phone: '13903735678',
  address: '新乡市牧野区王村镇王村3号',
};

export function walkInCase(overrides: Partial<RegisterCaseInput> = {}): RegisterCaseInput {
  return {
    title: '宅基地边界纠纷',
    category: 'housing_homestead',
    source: 'walk_in',
    tier: 'village',
    summary: '申请人与被申请人系东西邻居，因院墙翻建占用宅基地边界约0.3米发生争执。',
    claims: '请求被申请人拆除越界部分院墙。',
    amountFen: 500000,
    parties: [
      { ...ZHANG, ethnicity: '汉族' },
      { ...LI, ethnicity: '汉族' },
    ],
    ...overrides,
  };
}

/** An agreement with every item 人民调解法 Art. 29 asks for: such a case can be printed and closed. */
export const COMPLETE_AGREEMENT = {
  responsibility: '被申请人翻建院墙越界，应承担全部责任。',
  terms: ['被申请人于2026年12月31日前拆除越界院墙'],
  performanceMethod: '被申请人自行拆除',
  performanceDeadline: '2026-12-31',
};
