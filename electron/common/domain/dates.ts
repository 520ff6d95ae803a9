/**
 * Calendar dates as 'YYYY-MM-DD' strings: the one format the domain stores, compares and shows.
 * Strict: the string must be a real calendar day (no 2026-02-30, no time part). Dates carry no
 * time zone; they are the local calendar day at the centre (China has one zone and no DST).
 */
import dayjs, { type Dayjs } from 'dayjs';
import { z } from 'zod';
import { AppError } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (Date.UTC handles leap years).
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= last;
}

/** Parse a 'YYYY-MM-DD' string to a local-midnight dayjs; throws VALIDATION otherwise. */
export function parseIsoDate(s: string, what = '日期'): Dayjs {
  if (!isIsoDate(s)) throw new AppError('VALIDATION', `${what}无效：“${String(s)}”，应为有效的“年-月-日”（如 2026-01-31）`);
  return dayjs(s);
}

export function formatIsoDate(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/**
 * The local calendar day of `now`. There is no default on purpose: services pass `ctx.clock.now()`
 * (the injected clock), the renderer the machine's time. Never `toISOString().slice(0, 10)`: that
 * is the UTC day, yesterday between 00:00 and 08:00 in Beijing.
 */
export function todayIso(now: Date): string {
  return formatIsoDate(dayjs(now));
}

/**
 * A day after any date papers can hold. Input schemas check ID numbers against it and leave "not
 * after today" to the service, which knows the clock.
 */
export const LAST_DAY = '9999-12-31';

export const isoDateSchema = z.string().refine(isIsoDate, { message: '日期应为有效的“年-月-日”（如 2026-01-31）' });
