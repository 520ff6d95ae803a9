/**
 * Money: amounts are stored as integer fen (分) and written as yuan with two decimals, so sums are
 * exact. `yuanInWords` writes the capital form used on agreements and receipts
 * (会计基础工作规范 (财政部 1996) Art. 52: 零壹贰叁肆伍陆柒捌玖拾佰仟万亿, 元角分, 整 when there
 * are no 分, one 零 for a run of zeros inside the number, 零 after 元 when the 元 digit is 0 and 角 or 分 follow).
 */
import { z } from 'zod';
import { AppError } from '../errors';

/** Largest amount accepted: 1000亿元 (10^11 yuan). Anything larger is a typing error. */
export const MAX_FEN = 10_000_000_000_000;

export const fenSchema = z
  .number()
  .int({ message: '金额应以分为单位的整数' })
  .min(0, { message: '金额不能为负数' })
  .max(MAX_FEN, { message: '金额过大（不能超过1000亿元）' });

/**
 * Parse a yuan amount written by a person to fen: '1,234.5' → 123450. Accepts thousands commas
 * (ASCII or full-width), a leading ¥/￥ and a trailing 元, spaces. Refuses negatives, more than two
 * decimals, and amounts over MAX_FEN, with Chinese messages (AppError VALIDATION).
 */
export function parseYuan(input: string): number {
  if (typeof input !== 'string') throw new AppError('VALIDATION', '金额应为文字形式的数字');
  let v = input
    .replace(/[\s\u3000]/g, '')
    .replace(/，/g, ',')
    .replace(/．/g, '.')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (v === '') throw new AppError('VALIDATION', '请填写金额');
  if (/^[-−－]/.test(v)) throw new AppError('VALIDATION', '金额不能为负数');
  if (v.startsWith('+')) v = v.slice(1);
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(v)) {
    throw new AppError('VALIDATION', `金额格式不正确：“${input}”，应为数字，如 1,234.50`);
  }
  const [intPart = '', frac = ''] = v.replace(/,/g, '').split('.');
  if (frac.length > 2) throw new AppError('VALIDATION', '金额最多保留两位小数（精确到分）');
  const digits = intPart.replace(/^0+(?=\d)/, '');
  if (digits.length > 12) throw new AppError('VALIDATION', '金额过大（不能超过1000亿元）');
  const fen = Number(digits) * 100 + Number(frac.padEnd(2, '0'));
  if (fen > MAX_FEN) throw new AppError('VALIDATION', '金额过大（不能超过1000亿元）');
  return fen;
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new AppError('VALIDATION', `金额应为以分为单位的整数：${String(fen)}`);
}

/** 123450 → '1,234.50'; negative amounts (differences) get a leading '-'. */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${yuan}.${cents}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;
const GROUP_UNITS = ['', '万', '亿', '万亿'] as const;

function integerInWords(n: number): string {
  const s = String(n);
  let out = '';
  let zeroPending = false;
  for (let i = 0; i < s.length; i++) {
    const pos = s.length - 1 - i;
    const d = Number(s[i]);
    if (d === 0) {
      if (out !== '') zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += (DIGITS[d] ?? '') + SMALL_UNITS[pos % 4];
    }
    if (pos % 4 === 0 && pos > 0) {
      // End of a 万/亿 group: name it only when the group has a non-zero digit.
      const group = s.slice(Math.max(0, i - 3), i + 1);
      // A zero at the end of a named group is not read out: 107000 is 壹拾万柒仟, not 壹拾万零柒仟.
      if (/[1-9]/.test(group)) {
        out += GROUP_UNITS[pos / 4] ?? '';
        zeroPending = false;
      }
    }
  }
  return out;
}

/** 123450 → '壹仟贰佰叁拾肆元伍角整'; 0 → '零元整'. Non-negative fen up to MAX_FEN. */
export function yuanInWords(fen: number): string {
  assertFen(fen);
  if (fen < 0 || fen > MAX_FEN) throw new AppError('VALIDATION', '金额超出可写大写的范围');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cent = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerInWords(yuan)}元` : '';
  if (jiao === 0 && cent === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${DIGITS[jiao]}角`;
  } else if (yuan > 0) {
    out += '零';
  }
  return cent > 0 ? `${out}${DIGITS[cent]}分` : `${out}整`;
}
