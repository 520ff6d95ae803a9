/** 生成于 and the like: a stored time as people at the centre read it (Asia/Shanghai, +08:00). */
import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../../electron/common/stats/definitions';
import { chineseDateTime } from '../../../electron/common/stats/period';

describe('chineseDateTime', () => {
  it('moves a UTC time to Shanghai time and writes it the Chinese way', () => {
    expect(chineseDateTime('2026-12-03T06:55:13+00:00')).toBe('2026年12月3日 14:55');
    expect(chineseDateTime('2026-12-03T06:55:13Z')).toBe('2026年12月3日 14:55');
    // Across midnight and the year's end.
    expect(chineseDateTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
    // Written at the centre (+08:00): printed as written.
    expect(chineseDateTime('2026-11-20T09:05:00+08:00')).toBe('2026年11月20日 09:05');
  });
  it('returns what it cannot read as it is, not a wrong time', () => {
    expect(chineseDateTime('2026-13-45T99:00')).toBe('2026-13-45T99:00');
    expect(chineseDateTime('昨天')).toBe('昨天');
  });
});

describe('统计口径', () => {
  it('every rule is in Chinese words: no field or code names', () => {
    for (const d of DEFINITIONS) expect(d.rule, d.label).not.toMatch(/[A-Za-z]{2,}|=/);
  });
});
