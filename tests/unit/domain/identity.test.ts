import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import {
  ID_TYPES,
  creditCodeCheckChar,
  idTypeSchema,
  makeCreditCode,
  makeResidentId,
  maskIdNumber,
  maskPhone,
  residentIdCheckChar,
  validateCreditCode,
  validateIdNumber,
  validatePhone,
  validateResidentId,
} from '../../../electron/common/domain/identity';

// Independent re-statements of the two standards, to build test numbers with.
const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function gb11643Check(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * GB11643_WEIGHTS[i]!, 0);
  return '10X98765432'.charAt(sum % 11);
}
const GB32100_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const GB32100_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function gb32100Check(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + GB32100_CHARS.indexOf(c) * GB32100_WEIGHTS[i]!, 0);
  return GB32100_CHARS.charAt((31 - (sum % 31)) % 31);
}
const withCheck = (first17: string) => first17 + gb11643Check(first17);

const TODAY = '2026-06-01';

describe('resident ID (GB 11643-1999)', () => {
  it('accepts the standard’s own example, whose check is X', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    const r = validateResidentId(' 11010519491231002x ', TODAY);
    expect(r.ok && r.normalized).toBe('11010519491231002X');
  });

  it('computes a Muye district number by hand', () => {
    // 4·7+1·9+0·10+7·5+1·8+1·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 185; 185 mod 11 = 9 → '3'
    expect(residentIdCheckChar('41071119900101123')).toBe('3');
    expect(makeResidentId('410711', '1990-01-01', 123)).toBe('410711199001011233');
    expect(validateResidentId('410711199001011233', TODAY)).toEqual({
      ok: true,
      normalized: '410711199001011233',
      birthDate: '1990-01-01',
      sex: 'male',
    });
    // The masking example in reference.md is not a valid number: its check would be 3, not 4.
    const bad = validateResidentId('410711199001011234', TODAY);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('校验位');
  });

  it('handles a 29 February birth date and an even sequence (female)', () => {
    // 4·7+1·9+0+7·5+1·8+1·4+2·2+0+0+0+0+2·9+2·10+9·5+0+0+2·2 = 175; 175 mod 11 = 10 → '2'
    expect(makeResidentId('410711', '20000229', 2)).toBe('410711200002290022');
    const r = validateResidentId('410711200002290022', TODAY);
    expect(r).toEqual({ ok: true, normalized: '410711200002290022', birthDate: '2000-02-29', sex: 'female' });
  });

  it('agrees with an independent statement of the algorithm on many numbers', () => {
    for (let seq = 0; seq < 1000; seq += 37) {
      const id = makeResidentId('110105', '1985-07-15', seq);
      expect(id.slice(17)).toBe(gb11643Check(id.slice(0, 17)));
      expect(validateResidentId(id, TODAY).ok).toBe(true);
    }
  });

  it('refuses wrong lengths, characters, areas, dates and checks with Chinese reasons', () => {
    const cases: Array<[string, string]> = [
      ['', '请填写'],
      ['11010519491231002', '18位'],
      ['1101051949123100X2', '前17位'],
      ['11010519491231002Y', '前17位'],
      [withCheck('00123419900101123'), '地址码'],
      [withCheck('91123419900101123'), '地址码'],
      [withCheck('41071119900230123'), '不是有效日期'],
      [withCheck('41071119900001123'), '不是有效日期'],
      [withCheck('41071118991231123'), '早于1900年'],
      [withCheck('41071120260602123'), '晚于今天'],
      ['11010519491231002' + '1', '校验位'],
    ];
    for (const [id, reason] of cases) {
      const r = validateResidentId(id, TODAY);
      expect(r.ok, id).toBe(false);
      expect(!r.ok && r.message, id).toContain(reason);
    }
    expect(validateResidentId(withCheck('41071120260601123'), TODAY).ok).toBe(true);
    expect(validateResidentId(withCheck('41071119000101123'), TODAY).ok).toBe(true);
  });

  it('refuses bad generator inputs', () => {
    expect(() => makeResidentId('41071', '1990-01-01', 1)).toThrow(AppError);
    expect(() => makeResidentId('410711', '1990-02-30', 1)).toThrow(AppError);
    expect(() => makeResidentId('410711', '1990-01-01', 1000)).toThrow(AppError);
    expect(() => makeResidentId('410711', '1990-01-01', 1.5)).toThrow(AppError);
  });
});

describe('other ID types', () => {
  it('lists the types with Chinese labels', () => {
    expect(ID_TYPES.map((t) => t.code)).toEqual([
      'resident_id',
      'passport',
      'hk_macao_permit',
      'taiwan_permit',
      'foreign_permanent',
      'other',
    ]);
    expect(ID_TYPES[0]?.label).toBe('居民身份证');
    expect(idTypeSchema.safeParse('foreign_permanent').success).toBe(true);
  });

  it('checks the 2023 permanent residence card with the resident-ID checksum', () => {
    // 9·7+1·9+1·10+8·5+4·8+0·4+1·2+9·1+8·6+5·3+0·7+3·9+1·10+5·5+0·8+0·4+1·2 = 292; 292 mod 11 = 6 → '6'
    expect(residentIdCheckChar('91184019850315001')).toBe('6');
    expect(validateIdNumber('foreign_permanent', '911840198503150016', TODAY)).toEqual({
      ok: true,
      normalized: '911840198503150016',
      birthDate: '1985-03-15',
    });
    const wrong = validateIdNumber('foreign_permanent', '911840198503150017', TODAY);
    expect(!wrong.ok && wrong.message).toContain('校验位');
    const notNine = validateIdNumber('foreign_permanent', withCheck('81184019850315001'), TODAY);
    expect(!notNine.ok && notNine.message).toContain('以9开头');
  });

  it('accepts the old 15-character permanent residence card by pattern', () => {
    expect(validateIdNumber('foreign_permanent', 'usa330085031501', TODAY)).toEqual({ ok: true, normalized: 'USA330085031501' });
    expect(validateIdNumber('foreign_permanent', 'US1330085031501', TODAY).ok).toBe(false);
  });

  it('checks passports and permits by pattern', () => {
    const ok: Array<[Parameters<typeof validateIdNumber>[0], string, string]> = [
      ['passport', 'E12345678', 'E12345678'],
      ['passport', 'ea 1234567', 'EA1234567'],
      ['hk_macao_permit', 'H12345678', 'H12345678'],
      ['hk_macao_permit', 'm1234567890', 'M1234567890'],
      ['taiwan_permit', '12345678', '12345678'],
      ['taiwan_permit', '1234567890(B)', '1234567890(B)'],
      ['other', '军官证字第001号', '军官证字第001号'],
      ['resident_id', '11010519491231002x', '11010519491231002X'],
    ];
    for (const [type, input, normalized] of ok) {
      expect(validateIdNumber(type, input, TODAY), input).toMatchObject({ ok: true, normalized });
    }
    const bad: Array<[Parameters<typeof validateIdNumber>[0], string]> = [
      ['passport', 'E123'],
      ['passport', '护照123456'],
      ['hk_macao_permit', 'H1234567'],
      ['hk_macao_permit', 'A12345678'],
      ['taiwan_permit', '1234567'],
      ['other', 'x'.repeat(51)],
      ['other', '   '],
      ['resident_id', '410711199001011234'],
    ];
    for (const [type, input] of bad) {
      const r = validateIdNumber(type, input, TODAY);
      expect(r.ok, input).toBe(false);
      expect(!r.ok && r.message, input).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the standard’s example', () => {
    // values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4; weighted sum = 9+3+27+135+26+420+8+900+112 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3 → '3'
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
    expect(validateCreditCode('91350100m000100y43')).toEqual({ ok: true, normalized: '91350100M000100Y43' });
  });

  it('makes codes, including one whose check is 0 (31 → 0)', () => {
    // 9·1+1·3+4·9+1·27+0+7·26+1·16+1·17+M21·20+A10·29 = 1000; 1000 mod 31 = 8; 31 − 8 = 23 → 'P'
    expect(makeCreditCode('91410711MA0000000')).toBe('91410711MA0000000P');
    // D = 13: 1000 + 13·28 = 1364 = 44·31 → remainder 0 → 31 → 0
    expect(makeCreditCode('91410711MA000000D')).toBe('91410711MA000000D0');
    expect(validateCreditCode('91410711MA000000D0').ok).toBe(true);
    expect(gb32100Check('91410711MA000000D')).toBe('0');
    for (const base of ['12410711MB1234567', '52410711MJ0000012', '93410711MA9XY1234']) {
      const code = makeCreditCode(base);
      expect(code.slice(17)).toBe(gb32100Check(base));
      expect(validateCreditCode(code).ok).toBe(true);
    }
  });

  it('refuses bad codes with Chinese reasons', () => {
    const cases: Array<[string, string]> = [
      ['', '请填写'],
      ['91350100M000100Y4', '18位'],
      ['91350100M000100I43', '不使用I、O、S、V、Z'],
      ['91350100M000100O43', '不使用I、O、S、V、Z'],
      [`91A50100M000100Y4${gb32100Check('91A50100M000100Y4')}`, '第3至8位'],
      ['91350100M000100Y44', '校验位'],
    ];
    for (const [code, reason] of cases) {
      const r = validateCreditCode(code);
      expect(r.ok, code).toBe(false);
      expect(!r.ok && r.message, code).toContain(reason);
    }
    expect(() => makeCreditCode('91410711MA00000')).toThrow(AppError);
    expect(() => makeCreditCode('91410711IA0000000')).toThrow(AppError);
  });
});

describe('phones', () => {
  it('accepts mainland mobiles, with or without +86 and spaces', () => {
    expect(validatePhone('13812345678')).toEqual({ ok: true, kind: 'mobile', normalized: '13812345678' });
    expect(validatePhone('199 1234 5678')).toEqual({ ok: true, kind: 'mobile', normalized: '19912345678' });
    expect(validatePhone('+86 138 1234 5678')).toEqual({ ok: true, kind: 'mobile', normalized: '13812345678' });
  });

  it('accepts landlines with or without the dash', () => {
    expect(validatePhone('0373-1234567')).toEqual({ ok: true, kind: 'landline', normalized: '0373-1234567' });
    expect(validatePhone('03731234567')).toEqual({ ok: true, kind: 'landline', normalized: '0373-1234567' });
    expect(validatePhone('010-12345678')).toEqual({ ok: true, kind: 'landline', normalized: '010-12345678' });
    expect(validatePhone('01012345678')).toEqual({ ok: true, kind: 'landline', normalized: '010-12345678' });
    expect(validatePhone('02112345678')).toEqual({ ok: true, kind: 'landline', normalized: '021-12345678' });
  });

  it('refuses other numbers with Chinese reasons', () => {
    for (const p of ['', '12812345678', '1381234567', '138123456789', '0373-123456', '373-1234567', 'abc']) {
      const r = validatePhone(p);
      expect(r.ok, p).toBe(false);
      expect(!r.ok && r.message, p).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers a mistyped mobile with the mobile rule and a landline without area code with the area-code rule', () => {
    // "99999999999" used to be told about fixed-line formats (#19).
    for (const p of ['99999999999', '23456789012', '1380373', '128 1234 5678'])
      expect(validatePhone(p), p).toEqual({ ok: false, message: '手机号码应为11位，以13至19开头（如 13803734321）' });
    for (const p of ['3731234', '23456789'])
      expect(validatePhone(p), p).toEqual({ ok: false, message: '固定电话请加区号（如 0373-1234567）' });
    expect(validatePhone('0373-123456')).toMatchObject({ ok: false, message: expect.stringContaining('固定电话为区号加7至8位号码') });
  });
});

describe('masking', () => {
  it('keeps the first and last four characters of an 18-character ID', () => {
    expect(maskIdNumber('410711199001011234')).toBe('4107**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('keeps less of short numbers', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('USA330085031501')).toBe('USA*********501');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0373-1234567')).toBe('0373-***4567');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('12345')).toBe('*2345');
  });
});
