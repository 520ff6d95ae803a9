import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import { formatCaseNumber, matchCaseNumberQuery, parseCaseNumber } from '../../../electron/common/domain/caseNumber';

describe('case number format', () => {
  it('writes full-width brackets, 字第, a 4-digit serial and 号', () => {
    expect(formatCaseNumber({ year: 2026, abbr: '牧调', serial: 1 })).toBe('（2026）牧调字第0001号');
    expect(formatCaseNumber({ year: 2026, abbr: '牧调', serial: 123 })).toBe('（2026）牧调字第0123号');
    expect(formatCaseNumber({ year: 2027, abbr: '王村调', serial: 9999 })).toBe('（2027）王村调字第9999号');
  });

  it('allows wider serials and does not double 字', () => {
    expect(formatCaseNumber({ year: 2026, abbr: '牧调', serial: 12345 })).toBe('（2026）牧调字第12345号');
    expect(formatCaseNumber({ year: 2026, abbr: '牧调字', serial: 7 })).toBe('（2026）牧调字第0007号');
  });

  it('refuses bad parts', () => {
    for (const parts of [
      { year: 2026, abbr: '牧调', serial: 0 },
      { year: 2026, abbr: '牧调', serial: 1.5 },
      { year: 2026, abbr: '牧调', serial: 1_000_000 },
      { year: 26, abbr: '牧调', serial: 1 },
      { year: 2026, abbr: '', serial: 1 },
      { year: 2026, abbr: '字', serial: 1 },
      { year: 2026, abbr: '牧1调', serial: 1 },
      { year: 2026, abbr: '牧（调）', serial: 1 },
    ]) {
      expect(() => formatCaseNumber(parts), JSON.stringify(parts)).toThrow(AppError);
    }
  });
});

describe('parseCaseNumber', () => {
  it('reads back what format writes', () => {
    for (const parts of [
      { year: 2026, abbr: '牧调', serial: 1 },
      { year: 2030, abbr: '牧野区人民调', serial: 54321 },
    ]) {
      expect(parseCaseNumber(formatCaseNumber(parts))).toEqual(parts);
    }
  });

  it('accepts half-width and 〔〕 brackets, full-width digits and spaces', () => {
    expect(parseCaseNumber('(2026)牧调字第0012号')).toEqual({ year: 2026, abbr: '牧调', serial: 12 });
    expect(parseCaseNumber('〔2026〕牧调字第12号')).toEqual({ year: 2026, abbr: '牧调', serial: 12 });
    expect(parseCaseNumber(' （２０２６）牧调字第０００１号 ')).toEqual({ year: 2026, abbr: '牧调', serial: 1 });
  });

  it('returns null for anything else', () => {
    for (const s of ['', '牧调字第0001号', '（2026）牧调字第0000号', '（2026）牧调第0001号', '（26）牧调字第0001号', '张三']) {
      expect(parseCaseNumber(s), s).toBeNull();
    }
  });
});

describe('matchCaseNumberQuery', () => {
  it.each([
    ['（2026）牧调字第0001号', { year: 2026, serial: 1 }],
    ['(2026)牧调字第12号', { year: 2026, serial: 12 }],
    ['(2026)', { year: 2026 }],
    ['（2026）12', { year: 2026, serial: 12 }],
    ['（2026）第12号', { year: 2026, serial: 12 }],
    ['2026-1', { year: 2026, serial: 1 }],
    ['2026 - 0001', { year: 2026, serial: 1 }],
    ['2026/15', { year: 2026, serial: 15 }],
    ['2026年第12号', { year: 2026, serial: 12 }],
    ['2026年', { year: 2026 }],
    ['2026-', { year: 2026 }],
    ['牧调字第12号', { serial: 12 }],
    ['牧调第12号', { serial: 12 }],
    ['第12号', { serial: 12 }],
    ['第12', { serial: 12 }],
    ['12号', { serial: 12 }],
    ['0001', { serial: 1 }],
    ['０００１', { serial: 1 }],
    ['2026', { serial: 2026 }],
    ['123456', { serial: 123456 }],
    // The short forms people say and write (issue 19).
    ['牧调字1号', { serial: 1 }],
    ['牧调字12', { serial: 12 }],
    ['2026牧调字1号', { year: 2026, serial: 1 }],
    ['2026牧调字第1号', { year: 2026, serial: 1 }],
    ['2026年牧调字第0001号', { year: 2026, serial: 1 }],
    ['2026 牧调 字 1 号', { year: 2026, serial: 1 }],
    ['〔2026〕牧调字1号', { year: 2026, serial: 1 }],
  ])('%s → %o', (query, expected) => {
    expect(matchCaseNumberQuery(query)).toEqual(expected);
  });

  it.each([
    '',
    '张三',
    '房屋',
    '0000',
    '1234567',
    '13812345678',
    '张三12',
    '牧调12',
    '2026张三12',
    '2026牧调字0号',
    '2026-0',
    '1800-1',
    '(2026)张三',
    '-5',
  ])('%s is not a case number', (query) => {
    expect(matchCaseNumberQuery(query)).toBeNull();
  });
});
