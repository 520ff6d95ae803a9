/**
 * Chinese personal names for demo data. Surnames are weighted by their share of the population
 * (公安部 户籍 statistics, rounded; Henan has more 王/李/张/刘 than the national mix, and names
 * such as 郭, 牛, 申, 靳 are common around Xinxiang), so a search for 王 returns as many hits as it
 * would in a real Muye centre. A few names carry rare characters (䶮, and one outside the BMP)
 * and ethnic-minority names use the middle dot, because both have broken real systems.
 */
import { Rng, weighted } from './prng';

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 900],
  ['李', 820],
  ['张', 800],
  ['刘', 620],
  ['陈', 380],
  ['杨', 300],
  ['赵', 260],
  ['黄', 150],
  ['周', 170],
  ['吴', 140],
  ['徐', 150],
  ['孙', 180],
  ['胡', 120],
  ['朱', 120],
  ['高', 160],
  ['林', 70],
  ['何', 90],
  ['郭', 200],
  ['马', 150],
  ['罗', 60],
  ['梁', 80],
  ['宋', 110],
  ['郑', 90],
  ['谢', 60],
  ['韩', 90],
  ['唐', 60],
  ['冯', 90],
  ['于', 70],
  ['董', 80],
  ['肖', 50],
  ['程', 70],
  ['曹', 70],
  ['袁', 60],
  ['邓', 50],
  ['许', 70],
  ['傅', 30],
  ['沈', 40],
  ['曾', 30],
  ['彭', 40],
  ['吕', 60],
  ['苏', 50],
  ['卢', 50],
  ['蒋', 40],
  ['蔡', 50],
  ['贾', 70],
  ['丁', 50],
  ['魏', 60],
  ['薛', 40],
  ['叶', 30],
  ['阎', 40],
  ['余', 30],
  ['潘', 30],
  ['杜', 50],
  ['戴', 30],
  ['夏', 30],
  ['钟', 20],
  ['汪', 20],
  ['田', 50],
  ['任', 50],
  ['姜', 40],
  ['范', 40],
  ['方', 30],
  ['石', 40],
  ['姚', 40],
  ['谭', 20],
  ['廖', 15],
  ['邹', 20],
  ['熊', 20],
  ['金', 25],
  ['陆', 20],
  ['郝', 40],
  ['孔', 30],
  ['白', 40],
  ['崔', 40],
  ['康', 30],
  ['毛', 30],
  ['邱', 20],
  ['秦', 30],
  ['江', 20],
  ['史', 40],
  ['顾', 15],
  ['侯', 40],
  ['邵', 20],
  ['孟', 40],
  ['龙', 10],
  ['万', 20],
  ['段', 30],
  ['雷', 20],
  ['钱', 15],
  ['汤', 15],
  ['尹', 20],
  ['黎', 10],
  ['易', 10],
  ['常', 40],
  ['武', 40],
  ['乔', 30],
  ['贺', 20],
  ['赖', 5],
  ['龚', 10],
  ['文', 15],
  ['牛', 45],
  ['申', 35],
  ['靳', 30],
  ['耿', 20],
  ['岳', 20],
  ['原', 15],
  ['卫', 15],
  ['司', 10],
  ['禹', 5],
  ['和', 5],
  // Two-character surnames are rare but must work everywhere a name does.
  ['欧阳', 4],
  ['司马', 3],
  ['诸葛', 2],
  ['上官', 2],
  ['皇甫', 1],
];

/** First characters of two-character given names, by sex; older and younger generations mixed. */
const MALE_FIRST = '建志国文永海春明德晓俊子浩宇伟家红卫新振天金庆玉立长保东学中少占红军'.split('');
const MALE_SECOND = '国军强平华明伟勇刚涛磊斌辉杰超鹏飞龙波林峰亮成东海生民山江涛鑫宇浩凯旭阳帆博然轩睿'.split('');
const FEMALE_FIRST = '秀桂玉凤淑丽美春雪晓彩雅子梦欣佳思静海小红金翠素月'.split('');
const FEMALE_SECOND = '英兰芳珍霞梅娟敏燕丽萍琴红华云玲洁婷颖慧雪琳倩悦涵怡彤萱'.split('');
const MALE_SINGLE = '伟强磊军勇涛斌刚杰超鹏飞峰亮明辉波浩宇凯帅鑫森旭晨'.split('');
const FEMALE_SINGLE = '丽静敏燕艳娟霞芳玲婷雪慧红梅莉萍琳倩颖欣悦晶丹蕾'.split('');
/**
 * Characters that fonts, input methods and databases get wrong: 䶮 (CJK Extension A, in a famous
 * name), 𪚥 (Extension B: a surrogate pair in UTF-16), and name characters outside GB2312 that a
 * GBK-only printer path would mangle (喆, 堃, 犇, 淼, 燚, 垚, 玥, 珺, 赟, 旻, 昇).
 */
const RARE = ['䶮', '𪚥', '喆', '堃', '犇', '淼', '燚', '垚', '玥', '珺', '赟', '旻', '昇'] as const;

/** Uyghur and Kazakh names are written with the middle dot between given name and father's name. */
const MINORITY_GIVEN_MALE = ['买买提', '艾力', '阿不都', '热合曼', '努尔艾力', '吐尔逊', '艾山', '叶尔兰'];
const MINORITY_GIVEN_FEMALE = ['阿依古丽', '古丽娜尔', '迪丽娜尔', '古丽米拉', '帕提古丽', '阿依努尔'];
const MINORITY_FATHER = ['买买提', '艾力', '吐尔逊', '阿不都拉', '托合提', '艾山', '热合曼', '努尔兰'];

const pickSurname = weighted(SURNAMES);

export interface PersonName {
  name: string;
  ethnicity: string;
}

export function surname(rng: Rng): string {
  return pickSurname(rng);
}

/** A plausible full name for a person of this sex; mostly 汉族, some 回族 and a few minorities. */
export function personName(rng: Rng, sex: 'male' | 'female'): PersonName {
  const r = rng.next();
  if (r < 0.004) {
    const given = rng.pick(sex === 'male' ? MINORITY_GIVEN_MALE : MINORITY_GIVEN_FEMALE);
    return { name: `${given}·${rng.pick(MINORITY_FATHER)}`, ethnicity: rng.chance(0.8) ? '维吾尔族' : '哈萨克族' };
  }
  const family = pickSurname(rng);
  let given: string;
  const shape = rng.next();
  if (shape < 0.2) {
    given = rng.pick(sex === 'male' ? MALE_SINGLE : FEMALE_SINGLE);
  } else {
    const first = rng.pick(sex === 'male' ? MALE_FIRST : FEMALE_FIRST);
    const second = rng.pick(sex === 'male' ? MALE_SECOND : FEMALE_SECOND);
    given = first === second ? first : first + second;
  }
  if (rng.chance(0.003)) given = given.slice(0, given.length - 1) + rng.pick(RARE);
  // 回族 communities in Xinxiang use Han-style names; 满族 and 蒙古族 are rarer.
  const e = rng.next();
  const ethnicity = e < 0.025 ? '回族' : e < 0.03 ? '满族' : e < 0.032 ? '蒙古族' : '汉族';
  return { name: family + given, ethnicity };
}

/** Common occupations as people state them at the counter. */
export const OCCUPATIONS = [
  '农民',
  '农民',
  '农民',
  '务工',
  '务工',
  '个体工商户',
  '公司职员',
  '无业',
  '教师',
  '司机',
  '自由职业',
  '厨师',
  '保安',
  '建筑工人',
] as const;

/**
 * The characters of personal names, commonest first: surnames by their share, then the given-name
 * characters above. The kiosk's pinyin pad ranks its candidates by this (build/pinyin/generate-table.ts).
 */
export function nameCharactersByCommonness(): string[] {
  const surnames = [...SURNAMES].sort((a, b) => b[1] - a[1]).flatMap(([s]) => [...s]);
  const given = [FEMALE_FIRST, FEMALE_SECOND, MALE_FIRST, MALE_SECOND, FEMALE_SINGLE, MALE_SINGLE].flat();
  const minority = [...MINORITY_GIVEN_MALE, ...MINORITY_GIVEN_FEMALE, ...MINORITY_FATHER].flatMap((n) => [...n]);
  return [...new Set([...surnames, ...given, ...minority, ...RARE])];
}
