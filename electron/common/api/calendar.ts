/**
 * The legal calendar: the holiday schedules every period is counted on (domain/calendar.ts), the
 * admin's years (entered, corrected, imported from .ics), and a due-date calculator for any screen.
 */
import { z } from 'zod';
import type { HolidayYear, LegalDue } from '../domain/calendar';
import { isIsoDate, isoDateSchema } from '../domain/dates';
import { op } from './contract';

export interface CalendarYearView {
  year: number;
  /** builtin: from the chinese-days package; corrected: the centre replaced a built-in year; entered: a year the package lacks. */
  origin: 'builtin' | 'corrected' | 'entered';
  source: string;
  festivals: string[];
  restDays: number;
  workingWeekends: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarInfo {
  today: string;
  /** Every year's schedule, for makeCalendar() in the renderer. */
  years: HolidayYear[];
  views: CalendarYearView[];
  /** From December while next year's schedule is missing (or this year's), else null. */
  warning: string | null;
}

export interface RecomputedDue {
  kind: 'deadline' | 'followup';
  caseId: string;
  caseNumber: string;
  from: string | null;
  to: string;
  reason: string | null;
}

export interface CalendarChange {
  years: number[];
  recomputed: RecomputedDue[];
}

export const ORIGIN_LABELS: Readonly<Record<CalendarYearView['origin'], string>> = {
  builtin: '内置',
  corrected: '本中心更正',
  entered: '本中心录入',
};

const festivalDays = z
  .record(
    z.string().refine(isIsoDate, { message: '日期应为有效的“年-月-日”' }),
    z.string().trim().min(1, '请填写节日名称').max(20, '节日名称不超过20字'),
  )
  .refine((r) => Object.keys(r).length <= 60, { message: '一年的放假或调休日期不超过60天' });

export const holidayYearInput = z.object({
  year: z.number().int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间'),
  holidays: festivalDays,
  workdays: festivalDays,
  source: z.string().trim().min(1, '请写明来源（如国务院办公厅通知的文号）').max(300, '来源不超过300字'),
});

export const importIcsInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  text: z.string().min(1, '文件为空').max(2_000_000, '文件过大（超过 2 MB），不像节假日日历'),
  /** Only these years of the file (all when empty). */
  years: z.array(z.number().int().min(2000).max(2100)).max(20).optional(),
});

export const dueInput = z.object({
  from: isoDateSchema,
  days: z.number().int().min(0, '天数不能为负').max(3660, '天数不超过3660'),
  working: z.boolean().default(false),
});

export type DueResult = LegalDue & { from: string; days: number; working: boolean };

export const calendarOps = {
  'calendar.get': op<CalendarInfo>()({ input: z.object({}).optional(), access: 'signed-in', title: '查看节假日安排' }),
  'calendar.saveYear': op<CalendarChange>()({ input: holidayYearInput, access: ['admin'], title: '录入或更正节假日安排' }),
  'calendar.importIcs': op<CalendarChange>()({ input: importIcsInput, access: ['admin'], title: '导入节假日日历' }),
  'calendar.removeYear': op<CalendarChange>()({
    input: z.object({ year: z.number().int() }),
    access: ['admin'],
    title: '删除本中心的节假日安排',
  }),
  'calendar.recompute': op<CalendarChange>()({ input: z.object({}).optional(), access: ['admin'], title: '按节假日安排重新计算期限' }),
  'calendar.due': op<DueResult>()({ input: dueInput, access: 'signed-in', title: '计算期限' }),
};
