/** Ticket content and line layout, decoded straight from the bytes (no network). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import {
  buildTestTicketBytes,
  buildTicketBytes,
  displayWidth,
  sanitizeText,
  wrapText,
  type Ticket,
} from '../../../electron/services/printing/ticket';
import { decodeEscpos } from '../../peers/escpos-listener';

const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  centreName: '朝阳区人民调解中心',
  queueCode: 'A023',
  issuedAt: new Date(2026, 0, 31, 9, 5),
  categoryLabel: '婚姻家庭纠纷',
  registrationNumber: '（2026）京0105民调00123号',
  queryCode: 'Q7K2-9XPM',
  qrPayload: 'https://tj.example.cn/q?c=Q7K2-9XPM',
  centrePhone: '010-12345678',
  privacyLine: '本票据含个人信息，请妥善保管，勿随意丢弃。调解中心依法保护您的隐私，不向无关人员提供。',
  width: 80,
  ...over,
});

function expectValidation(fn: () => unknown, field?: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('VALIDATION');
    if (field) expect((e as AppError).fields).toHaveProperty(field);
    return;
  }
  throw new Error('no error');
}

describe('display width and wrapping', () => {
  it('counts CJK and four-byte characters as two columns, ASCII as one', () => {
    expect(displayWidth('A023')).toBe(4);
    expect(displayWidth('调解')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('（2026）')).toBe(8);
  });

  it('wraps by columns and never splits a surrogate pair', () => {
    const rare = '𠀀'.repeat(20);
    const lines = wrapText(rare, 32);
    expect(lines).toEqual(['𠀀'.repeat(16), '𠀀'.repeat(4)]);
    for (const l of wrapText('a' + rare, 32))
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(wrapText('a' + rare, 32)[0]).toBe('a' + '𠀀'.repeat(15)); // 31 columns: the next one would need 33
  });

  it('moves an ASCII run whole to the next line when it fits there', () => {
    expect(wrapText('咨询电话：010-12345678', 16)).toEqual(['咨询电话：', '010-12345678']);
    // a run longer than a whole line cannot stay whole, so it fills the current line instead
    expect(wrapText('see https://example.cn/a/very/long/path ok', 16)).toEqual(['see https://exam', 'ple.cn/a/very/lo', 'ng/path ok']);
  });

  it('does not start a line with closing punctuation', () => {
    expect(wrapText('一二三四五六七。', 14)).toEqual(['一二三四五六', '七。']);
  });

  it('keeps explicit line breaks and drops control characters that the printer would execute', () => {
    expect(wrapText('第一行\n第二行', 32)).toEqual(['第一行', '第二行']);
    expect(sanitizeText('中心\u001b\u0040\u001d\u0056名')).toBe('中心@V名');
  });
});

describe('the intake ticket', () => {
  it('starts with ESC @ and FS &, and carries every field in GB18030', () => {
    const bytes = buildTicketBytes(ticket({ centreName: '朝阳区𠀀人民调解中心' }));
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    const d = decodeEscpos(bytes);
    expect(d.unknown).toEqual([]);
    expect(d.problems).toEqual([]);
    expect(d.initialised).toBe(true);
    expect(d.chineseMode).toBe(true);
    expect(d.cut).toBe(true);
    expect(d.lines).toEqual(
      expect.arrayContaining([
        '朝阳区𠀀人民调解中心',
        '排队号',
        'A023',
        '婚姻家庭纠纷',
        '取号时间：2026-01-31 09:05',
        '登记编号：（2026）京0105民调00123号',
        '查询码：Q7K2-9XPM',
        '咨询电话：010-12345678',
        '本票据含个人信息，请妥善保管，勿随意丢弃。调解中',
        '心依法保护您的隐私，不向无关人员提供。',
      ]),
    );
    expect(d.qrCodes).toEqual([{ payload: 'https://tj.example.cn/q?c=Q7K2-9XPM', model: 2, moduleSize: 6, errorCorrection: 'M' }]);
  });

  it('prints the queue number centred, bold and double size', () => {
    const d = decodeEscpos(buildTicketBytes(ticket()));
    expect(d.styledLines.find((l) => l.text === 'A023')).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
    expect(d.styledLines.find((l) => l.text === '朝阳区人民调解中心')).toMatchObject({ align: 'center', bold: true });
  });

  it.each([
    [58, 32],
    [80, 48],
  ] as const)('fits %i mm paper: no line wider than %i columns', (width, columns) => {
    const long = ticket({
      width,
      centreName: '某某省某某市某某区某某街道人民调解委员会矛盾纠纷多元化解中心',
      privacyLine: '温馨提示：'.repeat(12),
      qrPayload: 'https://tj.example.cn/q?c=' + 'X'.repeat(150),
    });
    const d = decodeEscpos(buildTicketBytes(long));
    for (const l of d.styledLines) expect(l.columns, l.text).toBeLessThanOrEqual(columns);
    const rules = d.lines.filter((l) => /^-+$/.test(l));
    expect(rules.length).toBe(2);
    for (const r of rules) expect(r.length).toBe(columns);
    // wrapped lines put back together give the original text
    const nameLines = d.styledLines.filter((l) => l.align === 'center' && l.height === 2 && l.width === 1).map((l) => l.text);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.join('')).toBe(long.centreName);
    expect(d.qr).toEqual([long.qrPayload]);
  });

  it('puts the registration number on its own line on 58 mm paper rather than break it', () => {
    const d = decodeEscpos(buildTicketBytes(ticket({ width: 58 })));
    const i = d.lines.indexOf('登记编号：');
    expect(i).toBeGreaterThan(-1);
    expect(d.lines[i + 1]).toBe('（2026）京0105民调00123号');
  });

  it('accepts an ISO string for the time and leaves out empty optional lines', () => {
    const d = decodeEscpos(
      buildTicketBytes(ticket({ issuedAt: '2026-02-01T08:30:00', categoryLabel: '', centrePhone: '  ', queryCode: '' })),
    );
    expect(d.lines).toContain('取号时间：2026-02-01 08:30');
    expect(d.lines.some((l) => l.startsWith('咨询电话'))).toBe(false);
    expect(d.lines.some((l) => l.startsWith('查询码'))).toBe(false);
  });

  it('cannot be steered by control characters in a field', () => {
    const d = decodeEscpos(buildTicketBytes(ticket({ centreName: '中心\u001dV\u0000\u001b@' })));
    expect(d.cuts).toBe(1);
    expect(d.lines[0]).toBe('中心V@');
  });

  it('refuses bad tickets with VALIDATION', () => {
    expectValidation(() => buildTicketBytes(ticket({ width: 76 as 80 })), 'width');
    expectValidation(() => buildTicketBytes(ticket({ centreName: ' ' })), 'centreName');
    expectValidation(() => buildTicketBytes(ticket({ queueCode: '' })), 'queueCode');
    expectValidation(() => buildTicketBytes(ticket({ qrPayload: '' })), 'qrPayload');
    expectValidation(() => buildTicketBytes(ticket({ issuedAt: 'yesterday' })), 'issuedAt');
    expectValidation(() => buildTicketBytes(ticket({ categoryLabel: 5 as unknown as string })), 'categoryLabel');
    expectValidation(() => buildTicketBytes(ticket({ qrPayload: 'x'.repeat(3000) })));
  });
});

describe('the test ticket', () => {
  it.each([58, 80] as const)('has the centre name, the sample line with 𠀀, a ruler and a QR code at %i mm', (width) => {
    const d = decodeEscpos(buildTestTicketBytes({ width, centreName: '调解工作台测试', now: new Date(2026, 4, 1, 14, 0) }));
    const columns = width === 58 ? 32 : 48;
    expect(d.lines).toEqual(
      expect.arrayContaining(['调解工作台测试', '打印测试', '中文测试：调解工作台 𠀀 人民调解', '打印时间：2026-05-01 14:00']),
    );
    expect(d.lines).toContain('1234567890'.repeat(5).slice(0, columns));
    expect(d.qr).toEqual([`mediation-desk:print-test:${width}mm`]);
    expect(d.cut && d.chineseMode && d.initialised).toBe(true);
    for (const l of d.styledLines) expect(l.columns).toBeLessThanOrEqual(columns);
  });
});
