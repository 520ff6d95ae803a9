/**
 * The legal calendar: which days are working days, and where a period ends.
 *
 * 民事诉讼法 (2023) Art. 85: "期间开始的时和日，不计算在期间内" — the start day is not counted;
 * "期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期". 法定休假日 covers
 * the statutory holidays of the State Council's yearly schedule and ordinary weekends, except the
 * weekends the schedule turns into working days (调休上班), which count as working days.
 *
 * The schedule is data, year by year (HolidayYear): the built-in years come from the chinese-days
 * package, and the centre's admin adds or corrects a year when the State Council publishes it.
 * A year without a schedule is never guessed: only its weekends are rest days, and every result
 * that touched it says so (`missingYears`), so a screen can warn rather than pretend.
 *
 * Pure: the renderer builds the same calendar from the years the API hands it, to explain dates.
 */
import dayjs from 'dayjs';
import { AppError } from '../errors';
import { formatIsoDate, isIsoDate, parseIsoDate } from './dates';

export interface HolidayYear {
  year: number;
  /** Rest days of the schedule (法定节假日 and the days moved next to them): date → festival name. */
  holidays: Record<string, string>;
  /** Weekend days the schedule makes working days (调休上班): date → festival name. */
  workdays: Record<string, string>;
  /** Where the schedule comes from: the State Council notice, the data package, an import. */
  source: string;
}

export interface LegalCalendar {
  readonly years: ReadonlyMap<number, HolidayYear>;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export const DAY_KIND_LABELS: Readonly<Record<DayKind, string>> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '法定节假日',
  adjusted_workday: '调休上班日',
};

export interface DayInfo {
  date: string;
  kind: DayKind;
  working: boolean;
  /** The festival the day belongs to (holidays and 调休 working days), else null. */
  festival: string | null;
  /** False when the day's year has no schedule: only weekends are known to be rest days. */
  scheduleKnown: boolean;
}

/** A due date as the law counts it, and how it was reached. */
export interface LegalDue {
  /** The last day by plain counting (start day excluded), before any move. */
  nominal: string;
  /** The last day of the period: `nominal`, or the first working day after it. */
  due: string;
  /** The nominal day when it was moved, else null. */
  movedFrom: string | null;
  /** Why it moved ("原到期日 10-01 为国庆假期，顺延"), else null. */
  reason: string | null;
  /** Years whose schedule was missing while counting: the result may still move. */
  missingYears: number[];
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** A rest day never runs longer than this: the longest Spring Festival break is 9 days. */
const MAX_REST_RUN = 60;
const MAX_WORKING_DAYS = 2000;

export function makeCalendar(years: readonly HolidayYear[]): LegalCalendar {
  const map = new Map<number, HolidayYear>();
  for (const y of years) map.set(y.year, y);
  return { years: map };
}

/** The built-in years with the centre's years laid over them (a stored year replaces the built-in one). */
export function mergeYears(builtIn: readonly HolidayYear[], stored: readonly HolidayYear[]): HolidayYear[] {
  const map = new Map<number, HolidayYear>();
  for (const y of builtIn) map.set(y.year, y);
  for (const y of stored) map.set(y.year, y);
  return [...map.values()].sort((a, b) => a.year - b.year);
}

export function dayInfo(cal: LegalCalendar, date: string): DayInfo {
  const d = parseIsoDate(date);
  const year = cal.years.get(d.year());
  const weekend = d.day() === 0 || d.day() === 6;
  if (year) {
    const holiday = year.holidays[date];
    if (holiday !== undefined) return { date, kind: 'holiday', working: false, festival: holiday, scheduleKnown: true };
    const workday = year.workdays[date];
    if (workday !== undefined) return { date, kind: 'adjusted_workday', working: true, festival: workday, scheduleKnown: true };
  }
  return { date, kind: weekend ? 'weekend' : 'workday', working: !weekend, festival: null, scheduleKnown: year !== undefined };
}

export function isWorkingDay(cal: LegalCalendar, date: string): boolean {
  return dayInfo(cal, date).working;
}

function next(date: string): string {
  return formatIsoDate(dayjs(date).add(1, 'day'));
}

/** "国庆节" → "国庆假期", "春节" → "春节假期": how people name the break. */
export function holidayBreakName(festival: string): string {
  const name = festival.trim();
  if (name.endsWith('假期')) return name;
  if (name === '国庆节') return '国庆假期';
  return `${name}假期`;
}

function shortDate(date: string, relativeTo: string): string {
  return date.slice(0, 4) === relativeTo.slice(0, 4) ? date.slice(5) : date;
}

/** Why `info`'s day is not a working day, in the words a screen uses. */
function restReason(info: DayInfo): string {
  if (info.kind === 'holiday' && info.festival) return holidayBreakName(info.festival);
  return WEEKDAY_NAMES[parseIsoDate(info.date).day()] ?? '休息日';
}

/**
 * Apply Art. 85's move to a last day: a rest day moves the period's end to the first working day
 * after it. `nominal` must be a real date.
 */
export function legalDue(cal: LegalCalendar, nominal: string): LegalDue {
  const first = dayInfo(cal, nominal);
  const missing = new Set<number>();
  if (!first.scheduleKnown) missing.add(Number(nominal.slice(0, 4)));
  if (first.working) return { nominal, due: nominal, movedFrom: null, reason: null, missingYears: [...missing] };
  let day = nominal;
  for (let i = 0; i < MAX_REST_RUN; i++) {
    day = next(day);
    const info = dayInfo(cal, day);
    if (!info.scheduleKnown) missing.add(Number(day.slice(0, 4)));
    if (info.working) {
      return {
        nominal,
        due: day,
        movedFrom: nominal,
        reason: `原到期日 ${shortDate(nominal, day)} 为${restReason(first)}，顺延`,
        missingYears: [...missing],
      };
    }
  }
  throw new AppError('VALIDATION', `${nominal} 之后连续 ${MAX_REST_RUN} 天都不是工作日，节假日安排可能有误，请检查系统设置中的节假日安排`);
}

function assertCount(n: number, what: string, max: number): void {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new AppError('VALIDATION', `${what}应为 0 到 ${max} 的整数，收到：${String(n)}`);
}

/** A period of `days` calendar days from `from` (not counted), ending on a working day (Art. 85). */
export function periodDue(cal: LegalCalendar, from: string, days: number): LegalDue {
  assertCount(days, '期间天数', 3660);
  return legalDue(cal, formatIsoDate(parseIsoDate(from, '起算日期').add(days, 'day')));
}

/** A period of `n` working days (工作日) from `from` (not counted): the n-th working day after it. */
export function workingDaysDue(cal: LegalCalendar, from: string, n: number): LegalDue {
  assertCount(n, '工作日天数', MAX_WORKING_DAYS);
  parseIsoDate(from, '起算日期');
  const missing = new Set<number>();
  let day = from;
  let counted = 0;
  while (counted < n) {
    day = next(day);
    const info = dayInfo(cal, day);
    if (!info.scheduleKnown) missing.add(Number(day.slice(0, 4)));
    if (info.working) counted++;
  }
  // Zero working days from a rest day still ends on a working day.
  if (n === 0) return legalDue(cal, from);
  return { nominal: day, due: day, movedFrom: null, reason: null, missingYears: [...missing] };
}

/**
 * Working days left until `due`: those after `today` up to and including `due` (0 on the due day
 * and on a rest day just before it); negative once passed (the working days since `due`).
 * Counted arithmetically (weekdays, then the schedule's exceptions), not day by day: the desk's
 * lists show it for every row, and an old overdue case can be years behind.
 */
export function workingDaysLeft(cal: LegalCalendar, due: string, today: string): number {
  parseIsoDate(due, '期限');
  parseIsoDate(today, '当前日期');
  if (due === today) return 0;
  const [lo, hi, sign] = due > today ? [today, due, 1] : [due, today, -1];
  return sign * workingDaysBetween(cal, lo, hi);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' (UTC arithmetic: no time zone, no DST). */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** 1970-01-01 was a Thursday: day 0 of the week is Sunday. */
const isWeekendDay = (e: number) => {
  const dow = (((e + 4) % 7) + 7) % 7;
  return dow === 0 || dow === 6;
};

/** Working days in (lo, hi], lo < hi. */
export function workingDaysBetween(cal: LegalCalendar, lo: string, hi: string): number {
  const a = epochDay(lo);
  const b = epochDay(hi);
  const n = b - a;
  let count = Math.floor(n / 7) * 5;
  for (let e = a + Math.floor(n / 7) * 7 + 1; e <= b; e++) if (!isWeekendDay(e)) count++;
  for (let y = Number(lo.slice(0, 4)); y <= Number(hi.slice(0, 4)); y++) {
    const year = cal.years.get(y);
    if (!year) continue;
    for (const d of Object.keys(year.holidays)) {
      const e = epochDay(d);
      if (e > a && e <= b && !isWeekendDay(e)) count--;
    }
    for (const d of Object.keys(year.workdays)) {
      const e = epochDay(d);
      // A day listed both ways is a holiday (dayInfo's order); validateHolidayYear refuses it anyway.
      if (e > a && e <= b && isWeekendDay(e) && year.holidays[d] === undefined) count++;
    }
  }
  return count;
}

/** "2026-10-08（原到期日 10-01 为国庆假期，顺延）", or just the date when it did not move. */
export function describeDue(due: Pick<LegalDue, 'due' | 'reason'>): string {
  return due.reason ? `${due.due}（${due.reason}）` : due.due;
}

/** The reason a stored due date moved, recomputed from its nominal day (null when it did not). */
export function dueReason(cal: LegalCalendar, nominal: string | null | undefined, due: string | null | undefined): string | null {
  if (!nominal || !due || nominal === due) return null;
  const d = legalDue(cal, nominal);
  return d.due === due ? d.reason : null;
}

/** Years with a schedule, ascending. */
export function scheduledYears(cal: LegalCalendar): number[] {
  return [...cal.years.keys()].sort((a, b) => a - b);
}

/**
 * From December on, next year's schedule is due (the State Council publishes it in November or
 * December): say so while it is missing. Also warns when this year itself is missing.
 */
export function missingScheduleWarning(cal: LegalCalendar, today: string): string | null {
  const d = parseIsoDate(today, '当前日期');
  const year = d.year();
  const missing: number[] = [];
  if (!cal.years.has(year)) missing.push(year);
  if (d.month() === 11 && !cal.years.has(year + 1)) missing.push(year + 1);
  if (missing.length === 0) return null;
  const list = missing.map((y) => `${y} 年`).join('、');
  return `尚未录入${list}的节假日安排：涉及该年的期限只按周末顺延，可能不准。国务院办公厅公布安排后，请管理员在“系统设置 → 节假日安排”中录入或导入。`;
}

/** Checks a year's schedule: dates inside the year, no day both rest and work, 调休 only on weekends. */
export function validateHolidayYear(y: HolidayYear): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(y.year) || y.year < 2000 || y.year > 2100) problems.push(`年份无效：${String(y.year)}`);
  for (const [kind, days] of [
    ['放假', y.holidays],
    ['调休上班', y.workdays],
  ] as const) {
    for (const [date, name] of Object.entries(days)) {
      // isIsoDate narrows: past it `date` reads as never, though a bad string is exactly what lands here.
      if (!isIsoDate(date)) problems.push(`${kind}日期无效：${String(date)}`);
      else if (Number(date.slice(0, 4)) !== y.year) problems.push(`${kind}日期 ${date} 不在 ${String(y.year)} 年内`);
      if (!name.trim()) problems.push(`${kind}日期 ${date} 缺少节日名称`);
    }
  }
  for (const date of Object.keys(y.workdays)) {
    if (y.holidays[date] !== undefined) problems.push(`${date} 不能既放假又上班`);
    else if (isIsoDate(date)) {
      const wd = parseIsoDate(date).day();
      if (wd !== 0 && wd !== 6) problems.push(`调休上班日 ${date} 不是周末（本来就是工作日）`);
    }
  }
  return problems;
}
