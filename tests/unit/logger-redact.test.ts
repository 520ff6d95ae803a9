import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../electron/common/domain/identity';
import { createLogger, redact } from '../../electron/services/core/logger';
import { tempDir } from '../support/tmp';

describe('log redaction', () => {
  it('masks resident ID numbers, phone numbers and secrets', () => {
    const line = redact('张三 身份证 41071119900101123X 电话 13812345678 座机 0373-1234567 Authorization: Bearer abc.def token=s3cr3t');
    expect(line).not.toContain('41071119900101123X');
    expect(line).toContain('4107**********123X');
    expect(line).toContain('138****5678');
    expect(line).not.toContain('1234567');
    expect(line).not.toContain('abc.def');
    expect(line).not.toContain('s3cr3t');
  });

  it('redacts metadata written to the rotating log file', async () => {
    const t = tempDir();
    const logger = createLogger({ logsDir: t.dir });
    logger.info('party added', { idNumber: '410711199001011234', phone: '13912345678', password: 'hunter2' });
    await logger.close();
    const text = fs
      .readdirSync(t.dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => fs.readFileSync(`${t.dir}/${f}`, 'utf8'))
      .join('');
    expect(text).toContain('party added');
    expect(text).not.toContain('410711199001011234');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('hunter2');
    t.cleanup();
  });
});

describe('log redaction, as people write numbers', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const sep = fc.constantFrom('', ' ', '-', '.');
  /** Chinese input methods type full-width digits, plus and minus. */
  const widen = (s: string) => s.replace(/[0-9+\-() ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  const maybeWide = (s: fc.Arbitrary<string>) => fc.tuple(s, fc.boolean()).map(([v, w]) => (w ? widen(v) : v));
  /** Text around a number never ends or starts with a digit or a Latin letter (that would make it a longer token). */
  const before = fc.constantFrom('', '电话', '联系方式：', '身份证号 ', '（', '，', 'tel: ', '张三 ');
  const after = fc.constantFrom('', '）', '，', ' 已核实', '。', '; ');

  const mobile = fc
    .tuple(
      fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '(+86)', '86 '),
      fc.integer({ min: 3, max: 9 }),
      digits(1),
      digits(4),
      digits(4),
      sep,
      sep,
    )
    .map(([cc, second, third, mid, end, s1, s2]) => ({ text: `${cc}1${second}${third}${s1}${mid}${s2}${end}`, secret: mid }));
  const residentId = fc
    .tuple(
      digits(6),
      fc.date({ min: new Date('1930-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
      sep,
      sep,
    )
    .map(([area, born, seq, s1, s2]) => {
      const id = makeResidentId(area, born.toISOString().slice(0, 10), seq);
      return { text: `${id.slice(0, 6)}${s1}${id.slice(6, 14)}${s2}${id.slice(14)}`, secret: id.slice(6, 14) };
    });
  const oldResidentId = fc
    .tuple(digits(6), fc.date({ min: new Date('1930-01-01'), max: new Date('1999-12-31'), noInvalidDate: true }), digits(3))
    .map(([area, born, seq]) => {
      const yymmdd = born.toISOString().slice(2, 10).replace(/-/g, '');
      return { text: `${area}${yymmdd}${seq}`, secret: yymmdd };
    });
  const travelDoc = fc
    .tuple(fc.constantFrom('E', 'G', 'C', 'H', 'M'), digits(8))
    .map(([letter, number]) => ({ text: `${letter}${number}`, secret: number }));
  const landline = fc
    .tuple(fc.constantFrom('0373', '010', '0371', '(0373)'), sep, digits(7))
    .map(([area, s, number]) => ({ text: `${area}${s}${number}`, secret: number }));

  const onlyDigits = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');

  it('never lets the private part of a phone, ID, passport or permit number through', () => {
    fc.assert(
      fc.property(before, fc.oneof(mobile, residentId, oldResidentId, travelDoc, landline), after, fc.boolean(), (pre, pii, post, wide) => {
        const text = wide ? widen(pii.text) : pii.text;
        const out = redact(`${pre}${text}${post}`);
        expect(onlyDigits(out)).not.toContain(pii.secret);
      }),
      { numRuns: 3000, seed: 1203 },
    );
  });

  it('leaves case numbers, dates, times, counts and record ids as they were', () => {
    const harmless = fc.oneof(
      fc.integer({ min: 1, max: 9999 }).map((n) => `（2026）牧调字第${String(n).padStart(4, '0')}号`),
      fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.integer({ min: 0, max: 9_999_999 }).map((n) => `已上传 ${n} 条记录`),
      fc.uuid().map((u) => `case ${u}`),
      maybeWide(fc.constant('2026-12-03')),
    );
    fc.assert(
      fc.property(harmless, (text) => {
        expect(redact(text)).toBe(text);
      }),
      { numRuns: 1000, seed: 1203 },
    );
  });

  it('masks the formats the review found leaking', () => {
    for (const [text, secret] of [
      ['+8613803731234', '0373'],
      ['138-0373-1234', '0373'],
      ['138 0373 1234', '0373'],
      ['１３８０３７３１２３４', '0373'],
      ['身份证 410711680312031', '680312'],
      ['护照 E12345678', '12345678'],
      ['港澳通行证 C87654321', '87654321'],
    ] as const) {
      expect(onlyDigits(redact(text)), text).not.toContain(secret);
    }
  });

  it('hides secrets inside nested JSON metadata, quoted values whole', () => {
    expect(redact('{"user":{"password":"hunter 2","name":"王"}}')).toBe('{"user":{"password":"[已隐藏]","name":"王"}}');
  });
});
