/**
 * Places, units and organisations of Muye District (牧野区, Xinxiang, 410711) for demo data.
 * 王村镇 and 牧野镇 are the district's real towns; the 街道, 社区 and 村 names below are invented
 * but shaped like the real ones (reference.md: 7 sub-districts, 57 villages, 36 communities), so
 * lists, addresses and grids read naturally in training.
 */
import { makeCreditCode } from '../../common/domain/identity';
import { Rng, weighted } from './prng';

export const CITY = '新乡市';
export const DISTRICT = '牧野区';
export const DISTRICT_CODE = '410711';

export interface Area {
  /** 街道 or 镇 */
  name: string;
  kind: 'street' | 'town';
  /** 社区 (streets) or 村 (towns) */
  units: readonly string[];
}

export const AREAS: readonly Area[] = [
  { name: '东干道街道', kind: 'street', units: ['东干道社区', '建设东路社区', '牧野湖社区', '金穗社区', '东同古社区'] },
  { name: '荣校路街道', kind: 'street', units: ['荣校路社区', '北干道社区', '自由路社区', '纺织社区', '阳光社区'] },
  { name: '卫北街道', kind: 'street', units: ['卫北社区', '北站社区', '关堤社区', '新荣社区'] },
  { name: '花园街道', kind: 'street', units: ['花园社区', '和平东社区', '牧野路社区', '人民公园社区', '花园新村社区'] },
  { name: '和平路街道', kind: 'street', units: ['和平路社区', '新中大道社区', '胜利路社区', '劳动路社区'] },
  { name: '新辉路街道', kind: 'street', units: ['新辉路社区', '化工路社区', '向阳社区', '孟营社区'] },
  { name: '北干道街道', kind: 'street', units: ['北干道东社区', '北干道西社区', '宏力社区', '学院社区'] },
  {
    name: '王村镇',
    kind: 'town',
    units: [
      '王村',
      '小店村',
      '西辛庄村',
      '东辛庄村',
      '大张庄村',
      '孟营村',
      '任小屯村',
      '杨九屯村',
      '刘八庄村',
      '南永康村',
      '北永康村',
      '郭庄村',
      '赵庄村',
      '后河头村',
    ],
  },
  {
    name: '牧野镇',
    kind: 'town',
    units: [
      '牧野村',
      '前辛庄村',
      '后辛庄村',
      '靳庄村',
      '东大块村',
      '西大块村',
      '卫河村',
      '高村',
      '杨屯村',
      '陈堡村',
      '石庄村',
      '姜庄村',
      '北马庄村',
    ],
  },
];

const ROADS = [
  '和平大道',
  '牧野大道',
  '新中大道',
  '东干道',
  '北干道',
  '荣校路',
  '化工路',
  '劳动北街',
  '自由路',
  '人民路',
  '金穗大道',
  '宏力大道',
  '建设东路',
];

const pickArea = weighted<Area>(AREAS.map((a) => [a, a.kind === 'town' ? 2.2 : 1] as const));

export function area(rng: Rng): Area {
  return pickArea(rng);
}

/** A home address: flats in the 街道, house numbers in the villages. */
export function homeAddress(rng: Rng, a: Area = pickArea(rng), unit: string = rng.pick(a.units)): string {
  if (a.kind === 'town') return `${CITY}${DISTRICT}${a.name}${unit}${rng.int(1, 320)}号`;
  return `${CITY}${DISTRICT}${a.name}${unit}${rng.int(1, 36)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
}

export function streetAddress(rng: Rng): string {
  return `${CITY}${DISTRICT}${rng.pick(ROADS)}${rng.int(1, 999)}号`;
}

/** Grid names as 网格员上报 uses them: 王村镇王村第3网格. */
export function gridName(rng: Rng, a: Area, unit: string): string {
  return `${a.name}${unit}第${rng.int(1, a.kind === 'town' ? 6 : 12)}网格`;
}

/**
 * Resident ID address codes (GB/T 2260): mostly Muye, then the rest of Xinxiang (红旗区 410702,
 * 卫滨区 410703, 凤泉区 410704, 新乡县 410721, 获嘉县 410724, 原阳县 410725, 延津县 410726,
 * 封丘县 410727, 卫辉市 410781, 辉县市 410782, 长垣市 410783), a few from elsewhere in Henan and beyond.
 */
export const pickIdArea = weighted<string>([
  ['410711', 60],
  ['410702', 8],
  ['410703', 6],
  ['410704', 3],
  ['410721', 5],
  ['410724', 2],
  ['410725', 2],
  ['410726', 2],
  ['410727', 2],
  ['410781', 3],
  ['410782', 3],
  ['410783', 2],
  ['410105', 1], // 郑州市金水区
  ['410305', 0.5], // 洛阳市涧西区
  ['411024', 0.5], // 许昌市鄢陵县
  ['130104', 0.3], // 石家庄市桥西区
  ['342201', 0.3], // 安徽宿州
  ['650102', 0.2], // 乌鲁木齐市天山区
]);

export const COURT = '新乡市牧野区人民法院';
/** 豫0711: the case-number code of 牧野区人民法院 (Henan 豫, Xinxiang 07, Muye 11). */
export const COURT_CODE = '豫0711';

/** Units that lead cross-unit cases (牵头单位) and help (协办单位). */
export const UNITS = [
  '王村镇人民政府',
  '牧野镇人民政府',
  '花园街道办事处',
  '东干道街道办事处',
  '荣校路街道办事处',
  '卫北街道办事处',
  '和平路街道办事处',
  '新辉路街道办事处',
  '牧野区司法局',
  '牧野区信访局',
  '牧野区人力资源和社会保障局',
  '牧野区住房和城乡建设局',
  '牧野区自然资源局',
  '牧野区市场监督管理局',
  '新乡市公安局牧野分局',
  '新乡市生态环境局牧野分局',
  '牧野区卫生健康委员会',
] as const;

export const POLICE_STATIONS = ['王村派出所', '牧野派出所', '花园派出所', '东干道派出所', '荣校路派出所', '卫北派出所'] as const;

/** The place a session is held. */
export function sessionPlace(rng: Rng, a: Area, unit: string): string {
  const r = rng.next();
  if (r < 0.55) return `牧野区非诉讼服务中心第${rng.int(1, 6)}调解室`;
  if (r < 0.8) return `${a.name}${a.kind === 'town' ? '司法所' : '人民调解委员会'}调解室`;
  if (r < 0.95) return a.kind === 'town' ? `${unit}村民委员会` : `${unit}居民委员会`;
  return '牧野区人民法院诉调对接中心';
}

// ------------------------------------------------------------------------------------------------
// Organisations (parties that are units), with valid unified social credit codes.
// ------------------------------------------------------------------------------------------------

export type OrgKind = 'company' | 'property' | 'shop' | 'hospital' | 'agency' | 'village' | 'factory' | 'insurer' | 'school';

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WORDS = [
  '鑫源',
  '华泰',
  '宏达',
  '恒通',
  '金穗',
  '瑞丰',
  '新科',
  '正源',
  '豫北',
  '牧野',
  '卫河',
  '中原',
  '博远',
  '嘉禾',
  '同创',
  '安居',
  '润泽',
  '德信',
  '天成',
  '兴业',
];

/**
 * Credit code (GB 32100): registration authority (9 市场监管, 1 机构编制, 5 民政, N 农业农村) and type,
 * the 6-digit division code, a 9-character organisation code (GB 11714, with its own check
 * character, so that the code looks real to anyone who checks), then the GB 32100 check.
 */
export function creditCode(rng: Rng, prefix: string, division = DISTRICT_CODE): string {
  let org = '';
  let sum = 0;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  for (let i = 0; i < 8; i++) {
    // GB 11714 body characters are digits and letters; keep them to the credit-code alphabet.
    const c = i < 2 && rng.chance(0.3) ? ORG_CHARS[rng.int(10, ORG_CHARS.length - 1)]! : String(rng.int(0, 9));
    org += c;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * weights[i]!;
  }
  const check = 11 - (sum % 11);
  org += check === 10 ? 'X' : check === 11 ? '0' : String(check);
  return makeCreditCode(`${prefix}${division}${org}`);
}

export interface Organisation {
  kind: OrgKind;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  address: string;
  phone: string;
}

export function organisationName(rng: Rng, kind: OrgKind): { name: string; prefix: string } {
  const w = rng.pick(ORG_WORDS);
  switch (kind) {
    case 'company':
      return {
        name: `新乡市${w}${rng.pick(['商贸', '建筑工程', '机械制造', '物流', '装饰工程', '电子科技', '食品'])}有限公司`,
        prefix: '91',
      };
    case 'property':
      return { name: `新乡市牧野区${w}物业服务有限公司`, prefix: '91' };
    case 'shop':
      return rng.chance(0.5)
        ? { name: `牧野区${w}${rng.pick(['超市', '家电商行', '建材店', '手机店', '家具城', '汽车维修部'])}`, prefix: '92' }
        : { name: `新乡${w}${rng.pick(['百货', '家居', '电器', '教育咨询'])}有限公司`, prefix: '91' };
    case 'hospital':
      return rng.chance(0.5)
        ? { name: rng.pick(['新乡市第二人民医院', '新乡市中心医院牧野院区', '牧野区人民医院', '新乡市第一人民医院']), prefix: '12' }
        : { name: `新乡${w}${rng.pick(['医院', '口腔门诊部', '中医诊所'])}`, prefix: '52' };
    case 'agency':
      return { name: rng.pick(UNITS), prefix: '11' };
    case 'village': {
      const a = AREAS.filter((x) => x.kind === 'town');
      const t = rng.pick(a);
      return { name: `${t.name}${rng.pick(t.units)}股份经济合作社`, prefix: 'N2' };
    }
    case 'factory':
      return { name: `新乡市${w}${rng.pick(['化工', '造纸', '铸造', '塑料制品', '建材'])}有限公司`, prefix: '91' };
    case 'insurer':
      return {
        name: rng.pick([
          '中国人民财产保险股份有限公司新乡市分公司',
          '中国平安财产保险股份有限公司新乡中心支公司',
          '中国太平洋财产保险股份有限公司新乡中心支公司',
        ]),
        prefix: '91',
      };
    case 'school':
      return { name: `新乡市牧野区${w}${rng.pick(['培训学校', '幼儿园'])}`, prefix: '52' };
  }
}
