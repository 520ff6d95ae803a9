/**
 * Statistics periods: two calendar days 'YYYY-MM-DD', both inclusive, in the centre's local
 * calendar. Presets (本月, 本季度, 本年), validation with Chinese messages, and the names printed on
 * reports. Pure (zod and dayjs only): the renderer uses the same rules as the service.
 */
import dayjs from 'dayjs';
import { z } from 'zod';
import { AppError } from '../errors';
import { isIsoDate, isoDateSchema } from '../domain/dates';

export interface Period {
  from: string;
  to: string;
}

/** Where a period lies against today: figures of a future period are empty, a current one is "to date". */
export type PeriodState = 'past' | 'current' | 'future';

export interface ResolvedPeriod extends Period {
  today: string;
  /** The last day whose state the figures can show: the period's end, or today if that is earlier. */
  cutoff: string;
  state: PeriodState;
  /** 2026年第三季度, 2026年11月, 2026年, or 2026-01-05 至 2026-02-10. */
  label: string;
}

export const PERIOD_END_BEFORE_START = '结束日期不能早于开始日期';
/** Ten years of months is already a long trend line; beyond that it is a typing error. */
export const MAX_PERIOD_YEARS = 10;

export const periodSchema = z
  .object({
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .superRefine((p, ctx) => {
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_END_BEFORE_START });
  });

/** The day after `date` ('YYYY-MM-DD'). */
export function nextDay(date: string): string {
  return dayjs(date).add(1, 'day').format('YYYY-MM-DD');
}

export function addDaysTo(date: string, n: number): string {
  return dayjs(date).add(n, 'day').format('YYYY-MM-DD');
}

/** Throws VALIDATION (Chinese) for a bad period; returns it resolved against today. */
export function resolvePeriod(p: Period, today: string): ResolvedPeriod {
  if (!isIsoDate(p.from))
    throw new AppError('VALIDATION', `开始日期无效：“${String(p.from)}”，应为“年-月-日”（如 2026-01-01）`, { from: '开始日期无效' });
  if (!isIsoDate(p.to))
    throw new AppError('VALIDATION', `结束日期无效：“${String(p.to)}”，应为“年-月-日”（如 2026-03-31）`, { to: '结束日期无效' });
  if (p.to < p.from) throw new AppError('VALIDATION', PERIOD_END_BEFORE_START, { to: PERIOD_END_BEFORE_START });
  if (dayjs(p.to).diff(dayjs(p.from), 'year', true) > MAX_PERIOD_YEARS) {
    throw new AppError('VALIDATION', `统计期间不能超过${MAX_PERIOD_YEARS}年`, { from: `统计期间不能超过${MAX_PERIOD_YEARS}年` });
  }
  const state: PeriodState = p.from > today ? 'future' : p.to >= today ? 'current' : 'past';
  const cutoff = p.to < today ? p.to : today;
  return { from: p.from, to: p.to, today, cutoff, state, label: periodLabel(p) };
}

export type PresetKind = 'month' | 'quarter' | 'year';

export const PRESET_LABELS: Readonly<Record<PresetKind, string>> = { month: '本月', quarter: '本季度', year: '本年' };

/** The whole calendar month, quarter or year that contains `today`. */
export function presetPeriod(kind: PresetKind, today: string): Period {
  const d = dayjs(today);
  if (kind === 'month') return { from: d.startOf('month').format('YYYY-MM-DD'), to: d.endOf('month').format('YYYY-MM-DD') };
  if (kind === 'year') return { from: d.startOf('year').format('YYYY-MM-DD'), to: d.endOf('year').format('YYYY-MM-DD') };
  const q = Math.floor(d.month() / 3);
  const start = d.startOf('year').add(q * 3, 'month');
  return { from: start.format('YYYY-MM-DD'), to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
}

/** This calendar year up to today (the CLI's default). */
export function yearToDate(today: string): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** A readable name: a whole year, quarter, month or half-month by name, else the two days. */
export function periodLabel(p: Period): string {
  const f = dayjs(p.from);
  const t = dayjs(p.to);
  const y = f.year();
  const wholeMonths = f.date() === 1 && t.isSame(t.endOf('month'), 'day');
  if (wholeMonths && f.year() === t.year()) {
    const months = t.month() - f.month() + 1;
    if (months === 12) return `${y}年`;
    if (months === 3 && f.month() % 3 === 0) return `${y}年${QUARTER_NAMES[f.month() / 3] ?? ''}`;
    if (months === 1) return `${y}年${f.month() + 1}月`;
  }
  if (f.isSame(t, 'month')) {
    if (f.date() === 1 && t.date() === 15) return `${y}年${f.month() + 1}月上半月`;
    if (f.date() === 16 && t.isSame(t.endOf('month'), 'day')) return `${y}年${f.month() + 1}月下半月`;
  }
  return `${p.from} 至 ${p.to}`;
}

/** 'YYYY-MM' of every month the period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let m = dayjs(p.from).startOf('month');
  const last = dayjs(p.to).startOf('month');
  while (!m.isAfter(last)) {
    out.push(m.format('YYYY-MM'));
    m = m.add(1, 'month');
  }
  return out;
}

/** '2026-03' → '2026年3月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** '2026-03-31' → '2026年3月31日'. */
export function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** China keeps one offset all year (no daylight saving): +08:00. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * An RFC 3339 time as people at the centre read it: '2026-12-03T06:55:13+00:00' →
 * '2026年12月3日 14:55' (Asia/Shanghai, whatever the offset it was written with). Unreadable text
 * is returned as it is rather than as a wrong time.
 */
export function chineseDateTime(time: string): string {
  const ms = Date.parse(time);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(time) || Number.isNaN(ms)) return time;
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
