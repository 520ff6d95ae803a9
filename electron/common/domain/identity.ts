/**
 * Identity documents, organisation codes and phone numbers: validation, masking, and generators
 * for valid test data.
 *
 * - 公民身份号码, GB 11643-1999: 6-digit address code (GB/T 2260), birth date YYYYMMDD, 3-digit
 *   sequence (odd = male, even = female), check character: Σ(digit × weight) mod 11 over the first
 *   17 digits with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mapped by "10X98765432".
 * - 外国人永久居留身份证: the 2023 card has 18 characters starting with 9 and the same check as a
 *   resident ID (9, province code, 3-digit nationality code, birth date, sequence, check); the
 *   older card's 15 characters (3 letters + 12 digits) are accepted by pattern only.
 * - 统一社会信用代码, GB 32100-2015: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I O Z S
 *   V); characters 3–8 are the registering authority's division code; check = 31 − Σ(value ×
 *   weight) mod 31 (31 → 0) with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 * - Phones: mainland mobile 1[3-9] + 9 digits; landline 0 + 2–3 digit area code + 7–8 digits.
 *
 * ID numbers and phones are personal information (个人信息保护法; GB/T 35273-2020 counts 身份证件号码
 * as sensitive): lists show them masked.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { isIsoDate } from './dates';

export type Sex = 'male' | 'female';

export type ResidentIdCheck = { ok: true; normalized: string; birthDate: string; sex: Sex } | { ok: false; message: string };

export type IdCheck = { ok: true; normalized: string; birthDate?: string; sex?: Sex } | { ok: false; message: string };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes (the first two digits); 81/82/83 are used by HK/Macao/Taiwan residence permits. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Check character of a resident ID from its first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new AppError('VALIDATION', '计算校验码需要17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

function birthDateOf(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function checkBirthDate(yyyymmdd: string, today: string, what: string): string | null {
  const date = birthDateOf(yyyymmdd);
  if (!isIsoDate(date)) return `${what}不是有效日期`;
  if (date < '1900-01-01') return `${what}早于1900年`;
  if (date > today) return `${what}晚于今天`;
  return null;
}

/**
 * Validate a 公民身份号码 (lower-case x accepted). `today` ('YYYY-MM-DD', the clock's local day, or
 * LAST_DAY in an input schema) bounds the birth date.
 */
export function validateResidentId(s: string, today: string): ResidentIdCheck {
  const v = (s ?? '').trim().toUpperCase();
  if (v === '') return { ok: false, message: '请填写身份证号码' };
  if (v.length !== 18) return { ok: false, message: `身份证号码应为18位，现为${v.length}位` };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, message: '身份证号码前17位应为数字，末位为数字或X' };
  if (!PROVINCES.has(v.slice(0, 2))) return { ok: false, message: '身份证号码的地址码（前6位）无效' };
  const bad = checkBirthDate(v.slice(6, 14), today, '身份证号码中的出生日期（第7至14位）');
  if (bad) return { ok: false, message: bad };
  if (residentIdCheckChar(v.slice(0, 17)) !== v[17]) return { ok: false, message: '身份证号码校验位不符，请核对号码' };
  return { ok: true, normalized: v, birthDate: birthDateOf(v.slice(6, 14)), sex: Number(v[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Make a valid resident ID: area 6 digits, birthDate 'YYYY-MM-DD' or 'YYYYMMDD', seq 0–999. */
export function makeResidentId(area: string, birthDate: string, seq: number): string {
  if (!/^\d{6}$/.test(area)) throw new AppError('VALIDATION', `地址码应为6位数字：${area}`);
  const compact = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(compact) || !isIsoDate(birthDateOf(compact))) {
    throw new AppError('VALIDATION', `出生日期无效：${birthDate}`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new AppError('VALIDATION', `顺序码应为0至999的整数：${seq}`);
  const first17 = `${area}${compact}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export const ID_TYPES = [
  { code: 'resident_id', label: '居民身份证' },
  { code: 'passport', label: '护照' },
  { code: 'hk_macao_permit', label: '港澳居民来往内地通行证' },
  { code: 'taiwan_permit', label: '台湾居民来往大陆通行证' },
  { code: 'foreign_permanent', label: '外国人永久居留身份证' },
  { code: 'other', label: '其他证件' },
] as const;
export type IdType = (typeof ID_TYPES)[number]['code'];
export const ID_TYPE_CODES = ID_TYPES.map((t) => t.code) as unknown as readonly [IdType, ...IdType[]];
export const idTypeSchema = z.enum(ID_TYPE_CODES);

export function idTypeLabel(t: string): string {
  return ID_TYPES.find((x) => x.code === t)?.label ?? t;
}

function validateForeignPermanent(v: string, today: string): IdCheck {
  if (/^[A-Z]{3}\d{12}$/.test(v)) return { ok: true, normalized: v };
  if (v.length === 18) {
    if (!/^9\d{16}[\dX]$/.test(v)) return { ok: false, message: '新版永久居留身份证号码应以9开头，前17位为数字，末位为数字或X' };
    const bad = checkBirthDate(v.slice(6, 14), today, '永久居留身份证号码中的出生日期（第7至14位）');
    if (bad) return { ok: false, message: bad };
    if (residentIdCheckChar(v.slice(0, 17)) !== v[17]) return { ok: false, message: '永久居留身份证号码校验位不符，请核对号码' };
    return { ok: true, normalized: v, birthDate: birthDateOf(v.slice(6, 14)) };
  }
  return { ok: false, message: '永久居留身份证号码应为18位（2023年版，以9开头）或15位（旧版：3位字母加12位数字）' };
}

/**
 * Validate an ID number of any type. Spaces are ignored and letters upper-cased (`normalized`).
 * Resident IDs and the 2023 permanent residence card are checked fully; the other documents by
 * pattern only, since their numbers carry no public check.
 */
export function validateIdNumber(type: IdType, s: string, today: string): IdCheck {
  const v = (s ?? '').replace(/\s+/g, '').toUpperCase();
  if (v === '') return { ok: false, message: '请填写证件号码' };
  switch (type) {
    case 'resident_id':
      return validateResidentId(v, today);
    case 'foreign_permanent':
      return validateForeignPermanent(v, today);
    case 'passport':
      return /^[A-Z0-9]{5,20}$/.test(v) ? { ok: true, normalized: v } : { ok: false, message: '护照号码应为5至20位字母或数字' };
    case 'hk_macao_permit':
      return /^[HM]\d{8}(\d{2})?$/.test(v)
        ? { ok: true, normalized: v }
        : { ok: false, message: '港澳居民来往内地通行证号码应为H或M加8位数字（旧版加10位数字）' };
    case 'taiwan_permit':
      return /^(\d{8}|\d{10}|\d{10}[A-Z]|\d{10}\([A-Z]\))$/.test(v)
        ? { ok: true, normalized: v }
        : { ok: false, message: '台湾居民来往大陆通行证号码应为8位数字（旧版为10位数字，可带字母）' };
    case 'other':
      return v.length <= 50 ? { ok: true, normalized: v } : { ok: false, message: '证件号码不能超过50个字符' };
    default:
      return { ok: false, message: `未知的证件类型：${String(type)}` };
  }
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Check character of a unified social credit code from its first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  const v = first17.toUpperCase();
  if (v.length !== 17 || [...v].some((c) => !CREDIT_CHARS.includes(c))) {
    throw new AppError('VALIDATION', '计算校验码需要17位代码字符（数字及除I、O、S、V、Z外的大写字母）');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(v[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] ?? '';
}

/** Validate a 统一社会信用代码 (lower case accepted). */
export function validateCreditCode(s: string): { ok: true; normalized: string } | { ok: false; message: string } {
  const v = (s ?? '').replace(/\s+/g, '').toUpperCase();
  if (v === '') return { ok: false, message: '请填写统一社会信用代码' };
  if (v.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，现为${v.length}位` };
  if ([...v].some((c) => !CREDIT_CHARS.includes(c))) {
    return { ok: false, message: '统一社会信用代码只含数字和大写字母，且不使用I、O、S、V、Z' };
  }
  if (!/^\d{6}$/.test(v.slice(2, 8))) return { ok: false, message: '统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字' };
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) return { ok: false, message: '统一社会信用代码校验位不符，请核对代码' };
  return { ok: true, normalized: v };
}

/** Make a valid credit code by appending the check character to 17 characters. */
export function makeCreditCode(base17: string): string {
  const v = base17.toUpperCase();
  const check = creditCodeCheckChar(v);
  if (!/^\d{6}$/.test(v.slice(2, 8))) throw new AppError('VALIDATION', '第3至8位（登记管理机关行政区划码）应为数字');
  return v + check;
}

export type PhoneCheck = { ok: true; kind: 'mobile' | 'landline'; normalized: string } | { ok: false; message: string };

/**
 * Validate a mainland phone number. Spaces are ignored; a mobile may carry +86/86; a landline may
 * be written with or without the dash after the area code. Normalized: 11 digits for a mobile,
 * "area-number" for a landline (010 and 02x are 3-digit area codes, all others 4).
 */
export function validatePhone(s: string): PhoneCheck {
  const v = (s ?? '').replace(/[\s()（）]/g, '');
  if (v === '') return { ok: false, message: '请填写联系电话' };
  const mobile = /^(?:\+?86-?)?(1[3-9]\d{9})$/.exec(v);
  if (mobile?.[1]) return { ok: true, kind: 'mobile', normalized: mobile[1] };
  const dashed = /^(0\d{2,3})-(\d{7,8})$/.exec(v);
  if (dashed?.[1] && dashed[2]) return { ok: true, kind: 'landline', normalized: `${dashed[1]}-${dashed[2]}` };
  if (/^0\d{9,11}$/.test(v)) {
    const areaLength = /^0(10|2\d)/.test(v) ? 3 : 4;
    const local = v.slice(areaLength);
    if (local.length >= 7 && local.length <= 8) return { ok: true, kind: 'landline', normalized: `${v.slice(0, areaLength)}-${local}` };
  }
  // What the digits look like decides which message helps: 11 digits not starting with 0 were
  // meant as a mobile ("99999999999"), 7–8 digits as a local landline without its area code.
  if (/^1\d*$/.test(v) || /^[2-9]\d{9,}$/.test(v)) return { ok: false, message: '手机号码应为11位，以13至19开头（如 13803734321）' };
  if (/^[2-9]\d{6,7}$/.test(v)) return { ok: false, message: '固定电话请加区号（如 0373-1234567）' };
  return { ok: false, message: '电话号码格式不正确：手机为11位数字，固定电话为区号加7至8位号码（如 0373-1234567）' };
}

/**
 * Mask an ID number for lists: keep the first and last k characters, k = min(4, ⌊length/4⌋),
 * so an 18-character ID keeps 4 + 4 ('4107**********1234') and short numbers keep less.
 */
export function maskIdNumber(id: string): string {
  const v = (id ?? '').trim();
  const k = Math.min(4, Math.floor(v.length / 4));
  if (v.length === 0) return '';
  return v.slice(0, k) + '*'.repeat(v.length - 2 * k) + v.slice(v.length - k);
}

/**
 * Mask a phone for lists: a mobile keeps its first 3 and last 4 digits ('138****5678'); a landline
 * keeps its area code and the last 4 digits ('0373-***4567'); anything else keeps its last 4.
 */
export function maskPhone(phone: string): string {
  const v = (phone ?? '').trim();
  const check = validatePhone(v);
  if (check.ok && check.kind === 'mobile') return `${check.normalized.slice(0, 3)}****${check.normalized.slice(7)}`;
  if (check.ok && check.kind === 'landline') {
    const [area = '', local = ''] = check.normalized.split('-');
    return `${area}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  if (v.length <= 4) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 4) + v.slice(-4);
}
