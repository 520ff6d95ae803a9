/**
 * Case numbers on 人民调解 documents: `（2026）牧调字第0001号` — the year in full-width brackets, the
 * committee's abbreviation, 字第, a serial per year (4 digits, zero-padded; wider when a year runs
 * past 9999), 号 (司法部 人民调解文书格式, 2010; see documents.md).
 *
 * `abbr` is the abbreviation without 字 ('牧调'); an abbreviation given with a trailing 字 is
 * taken without it, so formatting never writes 字字.
 */
import { AppError } from '../errors';

export interface CaseNumberParts {
  year: number;
  /** The committee's abbreviation, e.g. '牧调' (no trailing 字). */
  abbr: string;
  serial: number;
}

const ABBR_FORBIDDEN = /[\d\s（）()〔〕[\]【】第号]/;
const MAX_SERIAL = 999_999;

function cleanAbbr(abbr: string): string {
  const a = abbr.trim();
  return a.endsWith('字') ? a.slice(0, -1) : a;
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  const { year, serial } = parts;
  const abbr = cleanAbbr(parts.abbr ?? '');
  if (!Number.isInteger(year) || year < 1949 || year > 2999) throw new AppError('VALIDATION', `案号年份无效：${String(year)}`);
  if (abbr === '' || ABBR_FORBIDDEN.test(abbr)) {
    throw new AppError('VALIDATION', `案号代字无效：“${parts.abbr}”（不能为空，不能含数字、空格、括号、“第”或“号”）`);
  }
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw new AppError('VALIDATION', `案号序号应为1至${MAX_SERIAL}的整数：${String(serial)}`);
  }
  return `（${year}）${abbr}字第${String(serial).padStart(4, '0')}号`;
}

/** Full-width digits, brackets and dashes to their ASCII forms; spaces removed. */
function normalize(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[（〔【［]/g, '(')
    .replace(/[）〕】］]/g, ')')
    .replace(/[－—–／]/g, '-')
    .replace(/\s+/g, '');
}

const FULL = /^\((\d{4})\)([^\d()第号]+?)字第(\d+)号$/;

/** Parse a full case number (either bracket style, 〔〕 too); null if it is not one. */
export function parseCaseNumber(s: string): CaseNumberParts | null {
  const m = FULL.exec(normalize(s ?? ''));
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const year = Number(m[1]);
  const serial = Number(m[3]);
  if (serial < 1 || serial > MAX_SERIAL) return null;
  return { year, abbr: m[2], serial };
}

function serialOf(digits: string | undefined): number | undefined {
  if (!digits || digits.length > 6) return undefined;
  const n = Number(digits);
  return n >= 1 ? n : undefined;
}

/**
 * Turn a search text into the case-number parts it names, or null when it does not look like a
 * case number (search the text some other way then). Rules, after full-width digits and brackets
 * are made ASCII and spaces dropped:
 * 1. a full number `（2026）牧调字第0001号` → {year, serial};
 * 2. a bracketed year, alone or followed by a serial in any form: `(2026)`, `(2026)12`,
 *    `(2026)牧调字第12号` → {year} or {year, serial};
 * 3. a 4-digit year, a separator (- / . 年) and a serial, 第 and 号 optional: `2026-1`,
 *    `2026/0001`, `2026年第12号` → {year, serial}; `2026-` or `2026年` alone → {year};
 * 4. a serial with 第 or 号, and before it an optional abbreviation: `牧调字第12号`, `牧调第12号`,
 *    `牧调字12号`, `牧调字12`, `第12号`, `12号` → {serial}; `2026牧调字1号` → {year, serial};
 * 5. bare digits, 1 to 6 of them: `0001`, `12` → {serial}. A bare `2026` is a serial, not a year:
 *    write `2026-` or `(2026)` for a year.
 * Serials are 1–999999; 0 or longer digit runs (phone and ID numbers) are not case numbers.
 */
export function matchCaseNumberQuery(query: string): { year?: number; serial?: number } | null {
  const q = normalize(query ?? '');
  if (q === '') return null;

  const full = parseCaseNumber(q);
  if (full) return { year: full.year, serial: full.serial };

  const bracketed = /^\((\d{4})\)(.*)$/.exec(q);
  if (bracketed?.[1] !== undefined) {
    const year = Number(bracketed[1]);
    const rest = bracketed[2] ?? '';
    if (rest === '') return { year };
    const inner = matchSerialOnly(rest);
    return inner === undefined ? null : { year, serial: inner };
  }

  // 2026牧调字1号, 2026年牧调字第1号: the year written before the abbreviation, without brackets.
  const yearAbbr = /^(\d{4})年?([^\d()第号-]+)(第)?(\d+)(号)?$/.exec(q);
  if (yearAbbr?.[1] !== undefined && (yearAbbr[2]!.endsWith('字') || yearAbbr[3] || yearAbbr[5])) {
    const year = Number(yearAbbr[1]);
    const serial = serialOf(yearAbbr[4]);
    if (year >= 1949 && year <= 2999 && serial !== undefined) return { year, serial };
  }

  const yearSerial = /^(\d{4})(?:-|\/|\.|年)(?:第?(\d+)号?)?$/.exec(q);
  if (yearSerial?.[1] !== undefined) {
    const year = Number(yearSerial[1]);
    if (year < 1949 || year > 2999) return null;
    if (yearSerial[2] === undefined) return { year };
    const serial = serialOf(yearSerial[2]);
    return serial === undefined ? null : { year, serial };
  }

  const serial = matchSerialOnly(q);
  return serial === undefined ? null : { serial };
}

/** Rules 4 and 5: `[abbr[字]]第N[号]`, `N号`, `N`. An abbreviation needs 第 after it. */
function matchSerialOnly(q: string): number | undefined {
  const m = /^([^\d()第号]+)?(第)?(\d+)(号)?$/.exec(q);
  if (!m) return undefined;
  // "牧调字1号" and "牧调字12" are how people say it; "张三12" is not a case number.
  if (m[1] && !m[2] && !m[4] && !m[1].endsWith('字')) return undefined;
  return serialOf(m[3]);
}
