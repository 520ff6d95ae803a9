/**
 * The 人民调解委员会 a centre's case numbers and documents carry, suggested from the centre's name
 * so that a centre set up without them still numbers its cases with its place: "牧野区非诉讼服务中心"
 * → 牧野区人民调解委员会, （2026）牧调字第0001号. The setup screen and `cli init` both start from
 * this; an administrator may always write their own.
 */

/** The service-centre words a committee's name does not carry. */
const CENTRE_SUFFIX =
  /(?:非诉讼纠纷解决服务中心|非诉讼服务中心|矛盾纠纷多元化解中心|矛盾纠纷调处化解中心|矛盾纠纷调解中心|诉调对接中心|调解中心|服务中心|中心)$/;
/** The last place in the name: a district, county, town, township or street (最后一级行政区划). */
const PLACE = /([\p{Script=Han}]{1,6}?)(?:自治县|区|县|市|镇|乡|街道|办事处)/gu;

export interface CommitteeSuggestion {
  name: string;
  /** the case number's abbreviation, e.g. 牧调; 调 alone when no place can be read from the name */
  abbr: string;
}

export function suggestCommittee(centreName: string): CommitteeSuggestion {
  const centre = centreName.trim().replace(/\s+/g, '');
  const base = centre.replace(CENTRE_SUFFIX, '') || centre;
  const name = base.endsWith('人民调解委员会') ? base : `${base.replace(/人民调解$/, '')}人民调解委员会`;
  const places = [...base.matchAll(PLACE)].map((m) => m[1]!).filter((p) => p.length > 0);
  const place = places.at(-1);
  return { name, abbr: place ? `${[...place][0]}调` : '调' };
}
