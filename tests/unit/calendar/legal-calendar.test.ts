/**
 * The legal calendar against the State Council's notices for 2025 (国办发明电〔2024〕12号) and 2026
 * (国务院办公厅 2025-11): every break's first and last day, the days around it, both days of each
 * 调休 weekend, and Art. 85's move of a last day that falls on a rest day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayInfo,
  describeDue,
  isWorkingDay,
  legalDue,
  makeCalendar,
  missingScheduleWarning,
  periodDue,
  validateHolidayYear,
  workingDaysDue,
  workingDaysLeft,
} from '../../../electron/common/domain/calendar';
import { AppError } from '../../../electron/common/errors';
import { builtinYears } from '../../../electron/services/calendar/builtin';

const cal = makeCalendar(builtinYears());

// [festival, first rest day, last rest day, first working day after the break] as the notices say.
const BREAKS = [
  ['元旦', '2025-01-01', '2025-01-01', '2025-01-02'],
  ['春节', '2025-01-28', '2025-02-04', '2025-02-05'],
  ['清明', '2025-04-04', '2025-04-06', '2025-04-07'],
  ['劳动节', '2025-05-01', '2025-05-05', '2025-05-06'],
  ['端午', '2025-05-31', '2025-06-02', '2025-06-03'],
  ['国庆节', '2025-10-01', '2025-10-08', '2025-10-09'], // with 中秋 on 10-06
  ['元旦', '2026-01-01', '2026-01-03', '2026-01-04'], // 01-04 is a Sunday made a working day
  ['春节', '2026-02-15', '2026-02-23', '2026-02-24'],
  ['清明', '2026-04-04', '2026-04-06', '2026-04-07'],
  ['劳动节', '2026-05-01', '2026-05-05', '2026-05-06'],
  ['端午', '2026-06-19', '2026-06-21', '2026-06-22'],
  ['中秋', '2026-09-25', '2026-09-27', '2026-09-28'],
  ['国庆节', '2026-10-01', '2026-10-07', '2026-10-08'],
] as const;

// [调休 working day, the other day of that weekend, is the other day a rest day]
const WORKING_WEEKENDS = [
  ['2025-01-26', '2025-01-25', true],
  ['2025-02-08', '2025-02-09', true],
  ['2025-04-27', '2025-04-26', true],
  ['2025-09-28', '2025-09-27', true],
  ['2025-10-11', '2025-10-12', true],
  ['2026-01-04', '2026-01-03', true], // Saturday 01-03 is the last day of 元旦
  ['2026-02-14', '2026-02-15', true], // Sunday 02-15 is the first day of 春节
  ['2026-02-28', '2026-03-01', true],
  ['2026-05-09', '2026-05-10', true],
  ['2026-09-20', '2026-09-19', true],
  ['2026-10-10', '2026-10-11', true],
] as const;

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('the 2025 and 2026 schedules', () => {
  it.each(BREAKS)('%s %s–%s: rest from start to end, working the day before and the day after', (festival, first, last, after) => {
    for (const d of [first, last]) {
      const info = dayInfo(cal, d);
      expect(info.kind, d).toBe('holiday');
      expect(info.festival, d).toBe(festival === '中秋' && first === '2025-10-01' ? '国庆节' : festival);
      expect(info.working).toBe(false);
    }
    expect(isWorkingDay(cal, dayBefore(first)), dayBefore(first)).toBe(true);
    expect(isWorkingDay(cal, after), after).toBe(true);
    expect(isWorkingDay(cal, dayBefore(after)), dayBefore(after)).toBe(false);
  });

  it.each(BREAKS)('%s %s–%s: a period ending on the first or the last rest day ends on %s', (_f, first, last, after) => {
    for (const d of [first, last]) {
      const due = legalDue(cal, d);
      expect(due.due).toBe(after);
      expect(due.movedFrom).toBe(d);
      expect(due.reason).toMatch(/^原到期日 .+ 为.+，顺延$/);
      expect(due.missingYears).toEqual([]);
    }
    const before = legalDue(cal, dayBefore(first));
    expect(before.due).toBe(dayBefore(first));
    expect(before.movedFrom).toBeNull();
  });

  it.each(WORKING_WEEKENDS)('调休 %s is a working day (the same weekend’s %s is not)', (work, other, otherRests) => {
    const info = dayInfo(cal, work);
    expect(info.kind).toBe('adjusted_workday');
    expect(info.working).toBe(true);
    expect(legalDue(cal, work).due).toBe(work);
    expect(isWorkingDay(cal, other)).toBe(!otherRests);
    expect(legalDue(cal, other).movedFrom).toBe(other);
  });

  it('has 2025 with 28 rest days and 5 调休 days, 2026 with 33 and 6', () => {
    const count = (y: number) => {
      const s = cal.years.get(y)!;
      return [Object.keys(s.holidays).length, Object.keys(s.workdays).length];
    };
    expect(count(2025)).toEqual([28, 5]);
    expect(count(2026)).toEqual([33, 6]);
    expect(validateHolidayYear(cal.years.get(2026)!)).toEqual([]);
  });
});

describe('periods (民事诉讼法 第八十五条)', () => {
  it('a court-delegated 30 days from 2026-09-01 ends after National Day', () => {
    const due = periodDue(cal, '2026-09-01', 30);
    expect(due).toEqual({
      nominal: '2026-10-01',
      due: '2026-10-08',
      movedFrom: '2026-10-01',
      reason: '原到期日 10-01 为国庆假期，顺延',
      missingYears: [],
    });
    expect(describeDue(due)).toBe('2026-10-08（原到期日 10-01 为国庆假期，顺延）');
  });

  it('crosses New Year: 30 days from 2025-12-02 end on Sunday 2026-01-04, a 调休 working day', () => {
    const due = periodDue(cal, '2025-12-02', 30);
    expect(due.nominal).toBe('2026-01-01');
    expect(due.due).toBe('2026-01-04');
    expect(due.reason).toBe('原到期日 01-01 为元旦假期，顺延');
    expect(periodDue(cal, '2025-12-27', 7).due).toBe('2026-01-04');
    expect(periodDue(cal, '2024-12-02', 30).due).toBe('2025-01-02');
  });

  it('crosses Spring Festival: 30 days from 2026-01-16 end on 02-24; 15 from 2025-01-13 on 02-05', () => {
    expect(periodDue(cal, '2026-01-16', 30)).toMatchObject({
      nominal: '2026-02-15',
      due: '2026-02-24',
      reason: '原到期日 02-15 为春节假期，顺延',
    });
    expect(periodDue(cal, '2025-01-13', 15)).toMatchObject({ nominal: '2025-01-28', due: '2025-02-05' });
    // A period that runs through the break and ends after it does not move.
    expect(periodDue(cal, '2026-02-10', 15)).toMatchObject({ due: '2026-02-25', movedFrom: null });
  });

  it('moves an ordinary weekend to Monday and names the weekday', () => {
    expect(periodDue(cal, '2026-03-02', 5)).toMatchObject({ due: '2026-03-09', reason: '原到期日 03-07 为星期六，顺延' });
    expect(periodDue(cal, '2026-03-02', 6)).toMatchObject({ due: '2026-03-09', reason: '原到期日 03-08 为星期日，顺延' });
  });

  it('does not count the start day', () => {
    expect(periodDue(cal, '2026-03-02', 1).due).toBe('2026-03-03');
    expect(periodDue(cal, '2026-03-03', 0).due).toBe('2026-03-03');
  });

  it('counts working days (工作日), skipping breaks and counting 调休 weekends', () => {
    expect(workingDaysDue(cal, '2026-09-30', 1).due).toBe('2026-10-08');
    expect(workingDaysDue(cal, '2026-09-18', 1).due).toBe('2026-09-20');
    expect(workingDaysDue(cal, '2026-02-13', 2).due).toBe('2026-02-24');
    expect(workingDaysDue(cal, '2025-12-31', 5).due).toBe('2026-01-08');
    expect(workingDaysDue(cal, '2026-03-06', 5).due).toBe('2026-03-13');
    expect(workingDaysDue(cal, '2026-03-07', 0).due).toBe('2026-03-09');
  });

  it('counts working days left until a due date, 0 on the day, negative after', () => {
    expect(workingDaysLeft(cal, '2026-10-08', '2026-09-30')).toBe(1);
    expect(workingDaysLeft(cal, '2026-10-09', '2026-09-28')).toBe(4);
    expect(workingDaysLeft(cal, '2026-10-08', '2026-10-08')).toBe(0);
    expect(workingDaysLeft(cal, '2026-10-08', '2026-10-12')).toBe(-3);
  });

  it('does not guess a year without a schedule: weekends only, and says so', () => {
    const due = periodDue(cal, '2026-12-28', 7);
    expect(due.due).toBe('2027-01-04');
    expect(due.missingYears).toEqual([2027]);
    expect(periodDue(cal, '2026-12-26', 7)).toMatchObject({ nominal: '2027-01-02', due: '2027-01-04', missingYears: [2027] });
  });

  it('refuses nonsense counts and dates with a Chinese message', () => {
    for (const fn of [
      () => periodDue(cal, '2026-02-30', 3),
      () => periodDue(cal, '2026-02-01', -1),
      () => workingDaysDue(cal, '2026-02-01', 1.5),
    ]) {
      expect(fn).toThrow(AppError);
    }
    // A schedule typed wrong (70 rest days in a row) is refused, not looped over.
    const holidays: Record<string, string> = {};
    for (let d = new Date(Date.UTC(2030, 0, 1)), i = 0; i < 70; i++, d.setUTCDate(d.getUTCDate() + 1))
      holidays[d.toISOString().slice(0, 10)] = '测试';
    const broken = makeCalendar([{ year: 2030, source: 't', workdays: {}, holidays }]);
    expect(() => legalDue(broken, '2030-01-01')).toThrow(/节假日安排可能有误/);
  });
});

describe('the December warning', () => {
  it('warns from December while next year is missing, not before', () => {
    expect(missingScheduleWarning(cal, '2026-11-30')).toBeNull();
    expect(missingScheduleWarning(cal, '2026-12-01')).toContain('2027 年');
    const with2027 = makeCalendar([...builtinYears(), { year: 2027, holidays: { '2027-01-01': '元旦' }, workdays: {}, source: '测试' }]);
    expect(missingScheduleWarning(with2027, '2026-12-15')).toBeNull();
    expect(missingScheduleWarning(cal, '2027-03-01')).toContain('2027 年');
  });
});

describe('validating an entered year', () => {
  it('finds dates outside the year, a day both rest and work, and 调休 on a weekday', () => {
    const problems = validateHolidayYear({
      year: 2027,
      source: '手工录入',
      holidays: { '2027-01-01': '元旦', '2026-12-31': '元旦', '2027-02-30': '春节' },
      workdays: { '2027-01-01': '元旦', '2027-01-05': '元旦' },
    });
    expect(problems.join('\n')).toMatch(/2026-12-31 不在 2027 年内/);
    expect(problems.join('\n')).toMatch(/日期无效：2027-02-30/);
    expect(problems.join('\n')).toMatch(/2027-01-01 不能既放假又上班/);
    expect(problems.join('\n')).toMatch(/2027-01-05 不是周末/);
  });
});

describe('working days counted arithmetically', () => {
  it('agrees with counting day by day, over any span of 2024–2027', () => {
    const start = Date.UTC(2024, 0, 1);
    const iso = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 0, max: 1400 }), (i, j) => {
        const [a, b] = [iso(i), iso(j)];
        let slow = 0;
        const [lo, hi] = i < j ? [i, j] : [j, i];
        for (let k = lo + 1; k <= hi; k++) if (isWorkingDay(cal, iso(k))) slow++;
        expect(workingDaysLeft(cal, b, a)).toBe(i <= j ? slow : -slow);
      }),
      { numRuns: 300 },
    );
  });
});
