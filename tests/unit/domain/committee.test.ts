import { describe, expect, it } from 'vitest';
import { suggestCommittee } from '../../../electron/common/domain/committee';
import { formatCaseNumber } from '../../../electron/common/domain/caseNumber';

describe('the committee suggested from a centre name', () => {
  it('names the place, not the service centre', () => {
    expect(suggestCommittee('牧野区非诉讼服务中心')).toEqual({ name: '牧野区人民调解委员会', abbr: '牧调' });
    expect(suggestCommittee('新乡市牧野区王村镇矛盾纠纷调解中心')).toEqual({ name: '新乡市牧野区王村镇人民调解委员会', abbr: '王调' });
    expect(suggestCommittee('长垣县诉调对接中心')).toEqual({ name: '长垣县人民调解委员会', abbr: '长调' });
    expect(suggestCommittee('东城街道非诉讼服务中心').abbr).toBe('东调');
  });

  it('keeps a name that already is a committee, and falls back to 调 without a place', () => {
    expect(suggestCommittee('牧野区人民调解委员会')).toEqual({ name: '牧野区人民调解委员会', abbr: '牧调' });
    expect(suggestCommittee('人民调解服务中心')).toEqual({ name: '人民调解委员会', abbr: '调' });
    expect(suggestCommittee('  ')).toEqual({ name: '人民调解委员会', abbr: '调' });
  });

  it('gives an abbreviation the case number accepts', () => {
    for (const centre of ['牧野区非诉讼服务中心', '红旗区矛盾纠纷多元化解中心', '某某中心'])
      expect(formatCaseNumber({ year: 2026, abbr: suggestCommittee(centre).abbr, serial: 1 })).toMatch(
        /^（2026）\p{Script=Han}{1,2}字第0001号$/u,
      );
  });
});
