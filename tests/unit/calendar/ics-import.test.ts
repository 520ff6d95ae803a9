/**
 * Importing a schedule from an .ics file: the package's own 2026 file read back equals its JSON
 * data, and a hand-made file in the subscription style (X-APPLE-SPECIAL-DAY, folded lines) reads.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayIcs } from '../../../electron/common/domain/icsHolidays';
import { AppError } from '../../../electron/common/errors';
import { builtinYears } from '../../../electron/services/calendar/builtin';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('chinese-days/package.json'));

describe('parseHolidayIcs', () => {
  it.each([2025, 2026])('reads chinese-days’ %i.ics to the same days as its JSON data', (year) => {
    const text = fs.readFileSync(path.join(pkgDir, 'dist', 'years', `${year}.ics`), 'utf8');
    const { years } = parseHolidayIcs(text, `${year}.ics`);
    const got = years.find((y) => y.year === year)!;
    const want = builtinYears().find((y) => y.year === year)!;
    expect(Object.keys(got.holidays).sort()).toEqual(Object.keys(want.holidays).sort());
    expect(got.workdays).toEqual(want.workdays);
    expect(got.source).toBe(`${year}.ics`);
  });

  it('reads Apple-style events, folded lines and one-day events without DTEND', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270205',
      'DTEND;VALUE=DATE:20270212',
      'SUMMARY:春',
      ' 节',
      'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270213',
      'SUMMARY:春节 班',
      'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270320',
      'SUMMARY:春分',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { years, skipped } = parseHolidayIcs(text, '导入');
    expect(skipped).toBe(1);
    expect(years).toHaveLength(1);
    expect(Object.keys(years[0]!.holidays)).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(years[0]!.holidays['2027-02-05']).toBe('春节');
    expect(years[0]!.workdays).toEqual({ '2027-02-13': '春节' });
  });

  it('refuses a file that is not a calendar, or has no holidays', () => {
    expect(() => parseHolidayIcs('hello', 'x')).toThrow(AppError);
    expect(() => parseHolidayIcs('BEGIN:VCALENDAR\nEND:VCALENDAR', 'x')).toThrow(/没有找到节假日/);
  });
});
