/**
 * Reading a holiday schedule from an iCalendar (.ics) file, as published by chinese-days
 * (`SUMMARY:国庆节(休)` / `SUMMARY:国庆节(班)`, all-day events, DTEND exclusive) and by the usual
 * calendar subscriptions (Apple's `X-APPLE-SPECIAL-DAY:WORK-HOLIDAY` / `ALTERNATE-WORKDAY`,
 * "休" / "班" in the summary). Pure text handling, so it runs in the renderer and in tests alike.
 */
import dayjs from 'dayjs';
import { AppError } from '../errors';
import type { HolidayYear } from './calendar';
import { formatIsoDate, isIsoDate } from './dates';

interface IcsEvent {
  start: string | null;
  end: string | null;
  summary: string;
  description: string;
  special: string;
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfold(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length > 0) out[out.length - 1] += raw.slice(1);
    else out.push(raw);
  }
  return out;
}

function icsDate(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

function events(text: string): IcsEvent[] {
  const out: IcsEvent[] = [];
  let cur: IcsEvent | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') cur = { start: null, end: null, summary: '', description: '', special: '' };
    else if (line === 'END:VEVENT') {
      if (cur) out.push(cur);
      cur = null;
    } else if (cur) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(';')[0]?.toUpperCase() ?? '';
      const value = line.slice(colon + 1);
      if (name === 'DTSTART') cur.start = icsDate(value);
      else if (name === 'DTEND') cur.end = icsDate(value);
      else if (name === 'SUMMARY') cur.summary = value.replace(/\\,/g, ',').trim();
      else if (name === 'DESCRIPTION') cur.description = value.trim();
      else if (name === 'X-APPLE-SPECIAL-DAY') cur.special = value.trim().toUpperCase();
    }
  }
  return out;
}

/** 'work' for a 调休 working day, 'rest' for a holiday, null for an event that is neither. */
function eventKind(e: IcsEvent): 'work' | 'rest' | null {
  if (e.special === 'ALTERNATE-WORKDAY') return 'work';
  if (e.special === 'WORK-HOLIDAY') return 'rest';
  const text = `${e.summary} ${e.description}`;
  if (/[（(]\s*班\s*[)）]|补班|上班|调休上班|\s班$/.test(text) || e.description === '班') return 'work';
  if (/[（(]\s*休\s*[)）]|放假|假期|\s休$/.test(text) || e.description === '休') return 'rest';
  return null;
}

function festivalName(summary: string): string {
  const name = summary
    .replace(/[（(]\s*[休班]\s*[)）]/g, '')
    .replace(/(补班|调休上班|上班|放假|\s[休班])$/u, '')
    .trim();
  return name || '节假日';
}

/**
 * The schedules an .ics file holds, one per year it covers. Events that are neither a holiday nor
 * a working day (birthdays, solar terms) are skipped and counted.
 */
export function parseHolidayIcs(text: string, source: string): { years: HolidayYear[]; skipped: number } {
  if (!/BEGIN:VCALENDAR/.test(text)) throw new AppError('VALIDATION', '不是 iCalendar（.ics）日历文件：找不到 BEGIN:VCALENDAR');
  const byYear = new Map<number, HolidayYear>();
  let skipped = 0;
  for (const e of events(text)) {
    const kind = eventKind(e);
    if (!kind || !e.start) {
      skipped++;
      continue;
    }
    const name = festivalName(e.summary);
    // DTEND of an all-day event is the day after the last one; no DTEND means one day.
    const last = e.end && e.end > e.start ? formatIsoDate(dayjs(e.end).subtract(1, 'day')) : e.start;
    let day = e.start;
    for (let i = 0; i < 40 && day <= last; i++) {
      const year = Number(day.slice(0, 4));
      let y = byYear.get(year);
      if (!y) {
        y = { year, holidays: {}, workdays: {}, source };
        byYear.set(year, y);
      }
      (kind === 'rest' ? y.holidays : y.workdays)[day] = name;
      day = formatIsoDate(dayjs(day).add(1, 'day'));
    }
  }
  if (byYear.size === 0) throw new AppError('VALIDATION', '日历文件中没有找到节假日或调休上班日（应为“某节(休)”“某节(班)”一类的全天事件）');
  return { years: [...byYear.values()].sort((a, b) => a.year - b.year), skipped };
}
