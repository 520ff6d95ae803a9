/**
 * Realistic inputs for the document builders: a walk-in case with two parties and an agent, and a
 * court-delegated case with ten parties. Names carry XML/HTML specials (< & ") and a CJK
 * Extension B character (𠀀, U+20000) to prove they come out exact.
 */
import { makeResidentId } from '../../../electron/common/domain';
import type { AgreementInput, DocumentInput, PartyInput, SessionInput } from '../../../electron/services/documents/input';

export const TODAY = '2026-03-20';
export const RARE = '𠀀';

const centre = {
  name: '牧野区王村镇矛盾纠纷调处化解中心',
  committeeName: '牧野区王村镇人民调解委员会',
  committeeAbbr: '牧王',
  address: '河南省新乡市牧野区王村镇政府院内东楼一层',
  phone: '0373-5551234',
};

const TERM_SENTENCES = [
  '被申请人于2026年4月30日前一次性向申请人支付房屋漏水造成的财产损失赔偿款人民币18,600.00元（大写：壹万捌仟陆佰元整），以银行转账方式汇入申请人指定的中国农业银行新乡牧野支行账户（户名以申请人身份证件所载姓名为准），逾期未付的，每逾期一日按未付金额的万分之五另行支付违约金',
  '被申请人负责于2026年4月15日前聘请具备防水工程资质的施工单位，对其所有的牧野区王村镇幸福路18号院3号楼2单元502室卫生间及厨房地面重新进行防水处理，施工完毕后进行不少于四十八小时的闭水试验，并邀请申请人及社区网格员到场见证，试验结果以书面形式交申请人一份',
  '申请人应当在被申请人施工期间提供必要的配合，允许施工人员在每日上午八时至下午六时之间进入申请人所有的402室查看渗漏部位，施工人员进入前应提前一日电话告知申请人，申请人无正当理由不得拒绝，因施工造成申请人室内物品损坏的，由被申请人照价赔偿',
  '被申请人完成防水处理后六个月内，若402室再次出现因502室渗漏造成的墙面、吊顶受损，被申请人应在接到申请人通知后七日内负责维修恢复原状，并承担由此产生的全部费用；双方对渗漏原因有争议的，共同委托有资质的鉴定机构鉴定，鉴定费用先由被申请人垫付，最终由责任方承担',
  '委托代理人李明远代为签收与本协议履行有关的通知及款项凭证，申请人对其在代理权限范围内实施的行为予以认可；双方确认本协议所载联系电话及地址为各自的送达地址，一方变更的，应在变更之日起三日内书面通知对方及人民调解委员会，否则按原地址送达即视为已经送达',
  '双方就本纠纷再无其他争议，申请人不再就同一事实向被申请人主张本协议约定以外的任何权利，亦不再就此事向有关部门信访或者投诉；任何一方不履行或者不完全履行本协议的，另一方可以请求人民调解委员会督促履行，也可以依法向人民法院申请强制执行或者提起诉讼',
  '本协议履行过程中如遇不可抗力等特殊情况导致无法按期履行的，受影响一方应及时通知对方并提供相应证明，双方可在人民调解委员会主持下协商变更履行期限，但变更须以书面形式作出并经双方签名确认，口头约定的变更不发生效力',
];

/** Twelve terms, well over 2,000 characters together. */
function terms(prefix: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.join('').length < 2100; i++) out.push(`${prefix}${TERM_SENTENCES[i % TERM_SENTENCES.length]!}。`);
  return out;
}

function agreement(prefix = ''): AgreementInput {
  return {
    responsibility:
      '经查明，502室卫生间防水层老化破损系造成402室墙面、吊顶渗漏受损的直接原因，被申请人作为502室所有人应承担主要责任；申请人发现渗漏后未及时通知被申请人，致使损失有所扩大，应承担次要责任。',
    terms: terms(prefix),
    performanceMethod: '赔偿款以银行转账方式一次性支付；防水施工由被申请人委托有资质的施工单位完成。',
    performancePlace: '牧野区王村镇幸福路18号院3号楼2单元402室、502室',
    performanceDeadline: '2026年4月30日前全部履行完毕。',
  };
}

const sessions: SessionInput[] = [
  {
    heldAt: '2026-03-10T09:30',
    place: '王村镇人民调解委员会调解室',
    participants: '申请人王𠀀及其委托代理人李明远；被申请人法定代表人赵卫东；人民调解员陈秀兰；记录人刘洋',
    record:
      '调解员核实双方身份，告知当事人在调解中的权利和义务。\n申请人陈述：自2025年11月起402室卫生间吊顶及客厅墙面多次渗水，要求赔偿损失并彻底维修。\n被申请人陈述：同意维修，但认为赔偿数额过高。',
    recorder: '刘洋',
  },
  {
    heldAt: '2026-03-17T14:00',
    place: '王村镇人民调解委员会调解室',
    participants: '同上',
    record: '调解员组织双方查看现场照片及维修报价单，释明相关法律规定。\n经反复协商，双方就赔偿数额及维修方案达成一致意见。',
    recorder: '刘洋',
  },
];

/** What the mediator found before the sessions: the site, and a neighbour asked (人民调解法 Art. 22). */
const investigations: SessionInput[] = [
  {
    heldAt: '2026-03-06T10:00',
    place: '牧野区王村镇幸福路18号院3号楼2单元402室、502室',
    participants: `申请人王${RARE}；被申请人法定代表人赵卫东；人民调解员陈秀兰；记录人刘洋`,
    record:
      '调解员在双方在场的情况下查看402室卫生间吊顶及客厅墙面，吊顶石膏板有水渍及霉斑，面积约3平方米。\n502室卫生间地面瓷砖有裂缝，地漏周边防水层破损。',
    recorder: '刘洋',
  },
  {
    heldAt: '2026-03-08T15:30',
    place: '幸福路18号院物业服务中心',
    participants: '物业服务中心工作人员孙立新；人民调解员陈秀兰；记录人刘洋',
    record: '孙立新陈述：2025年11月接到402室报修，经查看认为渗水来自502室卫生间，已书面通知502室业主，未见维修。',
    recorder: '刘洋',
  },
];

const applicant: PartyInput = {
  role: 'applicant',
  kind: 'person',
  name: `王${RARE}`,
  sex: 'female',
  birthDate: '1968-05-21',
  ethnicity: '汉族',
  occupation: '退休职工',
  idType: 'resident_id',
  idNumber: makeResidentId('410711', '1968-05-21', 42),
  phone: '13903731234',
  address: '河南省新乡市牧野区王村镇幸福路18号院3号楼2单元402室',
};

const respondentOrg: PartyInput = {
  role: 'respondent',
  kind: 'org',
  name: '新乡市"牧野"<建材>&装饰有限公司',
  creditCode: '91410711MA44ABCD1X',
  legalRepresentative: '赵卫东',
  phone: '0373-5678901',
  address: '河南省新乡市牧野区王村镇幸福路18号院3号楼2单元502室',
};

const agent: PartyInput = {
  role: 'agent',
  kind: 'person',
  name: '李明远',
  sex: 'male',
  occupation: '河南牧野律师事务所律师',
  idType: 'resident_id',
  idNumber: makeResidentId('410702', '1985-11-03', 117),
  phone: '13837301122',
  address: '河南省新乡市红旗区平原路100号',
  representsName: `王${RARE}`,
  authority: 'special',
};

/** Two parties and an agent; agreement reached, effective 2026-03-17. */
export function twoParty(): DocumentInput {
  return {
    centre: { ...centre },
    case: {
      caseNumber: '（2026）牧王调字第0012号',
      title: '王𠀀与新乡市"牧野"<建材>&装饰有限公司房屋漏水赔偿纠纷',
      categoryLabel: '邻里',
      sourceLabel: '来访（当事人申请）',
      registeredAt: '2026-03-02T10:15',
      summary:
        '申请人王𠀀系402室所有人，被申请人系502室所有人。自2025年11月起，402室卫生间吊顶、客厅墙面多次出现渗水、霉变，申请人认为系502室卫生间防水层破损所致，要求被申请人赔偿损失并维修，被申请人认为赔偿数额过高，双方协商未果，申请人遂申请调解。',
      claims: '申请人请求被申请人赔偿财产损失人民币25,000.00元，并对502室卫生间、厨房重新进行防水处理。',
      amountFen: 2_500_000,
      agreement: agreement(),
      agreementEffectiveAt: '2026-03-17',
      outcome: 'agreement',
    },
    parties: [applicant, respondentOrg, agent],
    mediators: [{ name: '陈秀兰' }],
    recorder: '刘洋',
    sessions: sessions.map((s) => ({ ...s })),
    investigations: investigations.map((s) => ({ ...s })),
    confirmation: { court: '新乡市牧野区人民法院', appliedAt: '2026-03-25' },
    followup: {
      dueOn: '2026-04-01',
      doneAt: '2026-04-02',
      method: 'phone',
      performance: 'partly',
      notes: '电话回访申请人王𠀀，被申请人已完成防水施工及闭水试验，赔偿款尚未支付，承诺于4月30日前付清。调解员已督促被申请人按期履行。',
      visitor: '陈秀兰',
    },
    today: TODAY,
  };
}

/** The same dispute, failed; all parties consented to a record of the undisputed facts. */
export function twoPartyFailed(): DocumentInput {
  const i = twoParty();
  delete i.case.agreement;
  delete i.case.agreementEffectiveAt;
  i.case.outcome = 'failed';
  i.case.undisputed = {
    consent: '经人民调解员释明无争议事实记载的作用，各方当事人均同意将调解过程中没有争议的事实予以书面记载。',
    facts: [
      '申请人王𠀀系牧野区王村镇幸福路18号院3号楼2单元402室的所有人，被申请人系同单元502室的所有人。',
      '自2025年11月起，402室卫生间吊顶及客厅墙面出现渗水、霉变，双方于2026年3月10日共同查看了现场。',
      '502室卫生间防水层存在破损，被申请人已于2026年3月12日停止使用该卫生间。',
    ],
    disputedPoints: ['渗漏造成的财产损失数额。', '被申请人是否应承担重新装修客厅墙面的费用。'],
    failureReason: '双方对赔偿数额差距较大，经两次调解仍未能达成一致，申请人表示将向人民法院提起诉讼。',
    place: '王村镇人民调解委员会调解室',
    // The day of the last session, when the facts were recorded with the parties.
    recordedOn: '2026-03-17',
  };
  delete i.followup;
  delete i.confirmation;
  return i;
}

/** Two people and no agent: a signature block short enough to share its page with the content. */
function twoPersonsOf(i: DocumentInput): DocumentInput {
  const respondent: PartyInput = {
    ...applicant,
    role: 'respondent',
    name: '赵卫东',
    sex: 'male',
    birthDate: '1972-08-09',
    idNumber: makeResidentId('410711', '1972-08-09', 55),
    phone: '13903735678',
    address: '河南省新乡市牧野区王村镇幸福路18号院3号楼2单元502室',
  };
  return { ...i, parties: [applicant, respondent] };
}

export const twoPersons = (): DocumentInput => twoPersonsOf(twoParty());
export const twoPersonsFailed = (): DocumentInput => twoPersonsOf(twoPartyFailed());

const SURNAMES = ['张', '刘', '孙', '周', '吴', '郑', '冯', '朱', '胡'];
const GIVEN = ['建国', '桂芳', '志强', '秀英', '海涛', '丽娟', '国栋', '春梅', '文博'];

/** Ten parties (3 applicants, 6 respondents incl. an organisation, 1 third party) and two agents; court-delegated. */
export function tenParty(): DocumentInput {
  const person = (role: PartyInput['role'], n: number): PartyInput => {
    const birth = `19${50 + n * 4}-0${(n % 9) + 1}-1${n % 10}`;
    return {
      role,
      kind: 'person',
      name: `${SURNAMES[n]!}${GIVEN[n]!}`,
      sex: n % 2 === 0 ? 'male' : 'female',
      birthDate: birth,
      ethnicity: n === 4 ? '回族' : '汉族',
      occupation: '农民',
      idType: 'resident_id',
      idNumber: makeResidentId('410711', birth, 100 + n * 2 + (n % 2 === 0 ? 1 : 0)),
      phone: `1390373${String(1000 + n * 111).padStart(4, '0')}`,
      address: `河南省新乡市牧野区王村镇东村${n + 1}组${20 + n}号`,
    };
  };
  const parties: PartyInput[] = [
    person('applicant', 0),
    person('applicant', 1),
    { ...person('applicant', 2), name: `欧阳${RARE}华` },
    person('respondent', 3),
    person('respondent', 4),
    person('respondent', 5),
    person('respondent', 6),
    person('respondent', 7),
    {
      role: 'respondent',
      kind: 'org',
      name: '新乡市牧野区王村镇东村股份经济合作社 <东村> & "集体"',
      creditCode: 'N2410711MF0000123A',
      legalRepresentative: '马振华',
      phone: '0373-5550000',
      address: '河南省新乡市牧野区王村镇东村村委会',
    },
    { ...person('third_party', 8), age: 71, birthDate: null },
    {
      role: 'agent',
      kind: 'person',
      name: '何律',
      sex: 'male',
      occupation: '律师',
      idType: 'resident_id',
      idNumber: makeResidentId('410702', '1980-01-01', 201),
      phone: '13700001111',
      address: '河南省新乡市红旗区金穗大道1号',
      representsName: '张建国',
      authority: 'general',
    },
    {
      role: 'agent',
      kind: 'person',
      name: '韩冰',
      sex: 'female',
      occupation: '法律服务工作者',
      idType: 'passport',
      idNumber: 'E12345678',
      phone: '13700002222',
      address: '河南省新乡市卫滨区胜利路8号',
      representsName: '新乡市牧野区王村镇东村股份经济合作社 <东村> & "集体"',
      authority: 'special',
    },
  ];
  const base = twoParty();
  return {
    ...base,
    case: {
      ...base.case,
      caseNumber: '（2026）牧王调字第0031号',
      title: '东村十户宅基地排水沟占用纠纷',
      categoryLabel: '房屋宅基地',
      sourceLabel: '法院诉前委派',
      summary:
        '东村三户申请人与五户相邻村民及村股份经济合作社之间，因村东排水沟改道占用宅基地、雨季积水倒灌发生纠纷，第三人系排水沟原址相邻户。',
      claims: '申请人请求恢复排水沟原走向，并由被申请人赔偿积水造成的损失。',
      amountFen: 8_640_050,
      agreement: agreement('【东村】'),
      courtReferral: { mode: 'delegated', court: '新乡市牧野区人民法院', referenceNumber: '（2026）豫0711民诉前调1234号' },
    },
    parties,
    mediators: [{ name: '陈秀兰' }, { name: '高志远' }],
  };
}

export function tenPartyFailed(): DocumentInput {
  const i = tenParty();
  const failed = twoPartyFailed();
  return {
    ...i,
    case: { ...i.case, agreement: null, agreementEffectiveAt: null, outcome: 'failed', undisputed: failed.case.undisputed ?? null },
    followup: null,
    confirmation: null,
  };
}

/** The two-party dispute entrusted by the court after filing (委托, 诉中): the parties are litigants. */
export function twoPartyEntrusted(): DocumentInput {
  const i = twoParty();
  i.case.sourceLabel = '法院诉中委托';
  i.case.courtReferral = { mode: 'entrusted', court: '新乡市牧野区人民法院', referenceNumber: '（2026）豫0711民初567号' };
  return i;
}
