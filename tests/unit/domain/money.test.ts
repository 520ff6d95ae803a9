import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../electron/common/errors';
import { MAX_FEN, fenSchema, formatYuan, parseYuan, yuanInWords } from '../../../electron/common/domain/money';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') return e.message;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

describe('parseYuan', () => {
  it.each([
    ['1,234.5', 123450],
    ['1234.56', 123456],
    ['0.01', 1],
    ['0.1', 10],
    ['0', 0],
    ['007', 700],
    ['12.', NaN],
    ['¥1,000,000', 100_000_000],
    ['￥ 2,500 元', 250_000],
    ['3，000.00', 300_000],
    ['+8', 800],
    ['100000000000', MAX_FEN],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 in floating point
    ['1.15', 115],
  ])('%s → %i fen', (input, fen) => {
    if (Number.isNaN(fen)) expect(() => parseYuan(input)).toThrow(AppError);
    else expect(parseYuan(input)).toBe(fen);
  });

  it('refuses negatives, too many decimals, absurd sizes and garbage in Chinese', () => {
    expect(message(() => parseYuan('-5'))).toContain('负数');
    expect(message(() => parseYuan('－5'))).toContain('负数');
    expect(message(() => parseYuan('1.234'))).toContain('两位小数');
    expect(message(() => parseYuan('100000000000.01'))).toContain('过大');
    expect(message(() => parseYuan('1000000000000'))).toContain('过大');
    expect(message(() => parseYuan('99999999999999999999'))).toContain('过大');
    expect(message(() => parseYuan(''))).toContain('请填写');
    expect(message(() => parseYuan('  '))).toContain('请填写');
    for (const bad of ['1,23.4', '12,34', '1e5', 'abc', '.5', '1.2.3', '１２', '1 2 3a']) {
      expect(
        message(() => parseYuan(bad)),
        bad,
      ).toMatch(/格式不正确/);
    }
    expect(message(() => parseYuan(12 as unknown as string))).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('formatYuan', () => {
  it.each([
    [123450, '1,234.50'],
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [100_000_000, '1,000,000.00'],
    [123_456_789, '1,234,567.89'],
    [MAX_FEN, '100,000,000,000.00'],
    [-150, '-1.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('round-trips with parseYuan', () => {
    for (const fen of [1, 29, 115, 123450, 99_999_999]) expect(parseYuan(formatYuan(fen))).toBe(fen);
  });

  it('refuses non-integers', () => {
    expect(() => formatYuan(1.5)).toThrow(AppError);
    expect(() => formatYuan(Number.NaN)).toThrow(AppError);
  });
});

describe('yuanInWords (会计基础工作规范 Art. 52)', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [10, '壹角整'],
    [105, '壹元零伍分'],
    [150, '壹元伍角整'],
    [1000, '壹拾元整'],
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    // The examples of the rules themselves:
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [100_700_00, '壹拾万零柒佰元整'],
    [100_000_000, '壹佰万元整'],
    [100_000_001, '壹佰万元零壹分'],
    [100_700_000, '壹佰万柒仟元整'],
    [100_070_000, '壹佰万零柒佰元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [120_000_000_00, '壹亿贰仟万元整'],
    [100_000_070_000, '壹拾亿零柒佰元整'],
    [MAX_FEN, '壹仟亿元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });

  it('refuses negatives and non-integers', () => {
    expect(() => yuanInWords(-1)).toThrow(AppError);
    expect(() => yuanInWords(0.5)).toThrow(AppError);
    expect(() => yuanInWords(MAX_FEN + 1)).toThrow(AppError);
  });
});

describe('fenSchema', () => {
  it('accepts non-negative integer fen up to the cap', () => {
    expect(fenSchema.safeParse(0).success).toBe(true);
    expect(fenSchema.safeParse(MAX_FEN).success).toBe(true);
    expect(fenSchema.safeParse(MAX_FEN + 1).success).toBe(false);
    expect(fenSchema.safeParse(-1).success).toBe(false);
    expect(fenSchema.safeParse(1.5).success).toBe(false);
  });
});

describe('yuanInWords — agreement amounts and properties', () => {
  it.each([
    [9_990_000, '玖万玖仟玖佰元整'],
    [10_000_500, '壹拾万零伍元整'],
    [1_050, '壹拾元零伍角整'],
    [1_000_000_000, '壹仟万元整'],
    [100_000_000_00, '壹亿元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });

  it('writes only capital digits and units, one 零 per gap, and ends in 整 or 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_FEN }), (fen) => {
        const w = yuanInWords(fen);
        expect(w).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
        expect(w).not.toMatch(/零零|零[万亿元]|^零/);
        expect(w.endsWith('整') || w.endsWith('分')).toBe(true);
        expect(w.endsWith('分')).toBe(fen % 10 !== 0);
      }),
      { numRuns: 500 },
    );
  });
});
