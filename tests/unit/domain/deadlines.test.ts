import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import { isIsoDate, isoDateSchema, parseIsoDate, todayIso } from '../../../electron/common/domain/dates';
import {
  addDays,
  caseDeadline,
  confirmationWindow,
  confirmationWindowState,
  courtReferralDueDate,
  courtReferralLimitDays,
  daysLeft,
  deadlineState,
  followupSchedule,
} from '../../../electron/common/domain/deadlines';

function validationError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') return e;
    throw e;
  }
  throw new Error('expected a VALIDATION error');
}

describe('dates', () => {
  it('accepts real calendar days only', () => {
    for (const d of ['2026-01-31', '2028-02-29', '2000-02-29', '1900-01-01', '2026-12-31']) expect(isIsoDate(d), d).toBe(true);
    for (const d of [
      '2027-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '2026/01/05',
      '20260105',
      '2026-01-05T00:00',
      '',
      ' 2026-01-05',
    ])
      expect(isIsoDate(d), d).toBe(false);
    expect(isIsoDate(20260105)).toBe(false);
    expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
    expect(isoDateSchema.safeParse('2026-02-28').success).toBe(true);
  });

  it('throws VALIDATION with a Chinese message for an invalid date', () => {
    expect(validationError(() => parseIsoDate('2026-02-30')).message).toContain('2026-02-30');
    expect(validationError(() => addDays('2027-02-29', 1)).message).toMatch(/日期无效/);
    validationError(() => addDays('2026/01/31', 1));
    validationError(() => daysLeft('2026-01-31', 'today'));
    validationError(() => caseDeadline('31.01.2026', 'walk_in'));
    validationError(() => courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-02-29' }));
    validationError(() => confirmationWindow(''));
    validationError(() => followupSchedule('2026-01-20', '2026-02-31'));
  });

  it("gives today's local date", () => {
    expect(todayIso(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
});

describe('addDays (start day not counted)', () => {
  it.each([
    ['2026-01-31', 30, '2026-03-02'], // Jan 31 + 30: Feb has 28 days in 2026
    ['2028-01-31', 30, '2028-03-01'], // leap year: Feb has 29
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-02-29', 30, '2028-03-30'],
    ['2026-12-31', 1, '2027-01-01'], // year end
    ['2026-12-20', 15, '2027-01-04'],
    ['2026-12-31', 0, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses non-integer or absurd day counts', () => {
    validationError(() => addDays('2026-01-01', 1.5));
    validationError(() => addDays('2026-01-01', Number.NaN));
    validationError(() => addDays('2026-01-01', 100_000));
  });
});

describe('case deadline', () => {
  it('adds the source default days to the accepted day', () => {
    expect(caseDeadline('2026-01-31', 'walk_in')).toBe('2026-03-02');
    expect(caseDeadline('2026-01-31', 'court_delegated')).toBe('2026-03-02');
    expect(caseDeadline('2026-01-31', 'court_entrusted')).toBe('2026-02-15');
    expect(caseDeadline('2026-12-15', 'hotline')).toBe('2027-01-14');
  });

  it('uses settings overrides per source', () => {
    expect(caseDeadline('2026-01-31', 'walk_in', { walk_in: 45 })).toBe('2026-03-17');
    expect(caseDeadline('2026-01-31', 'grid_report', { walk_in: 45 })).toBe('2026-03-02');
    validationError(() => caseDeadline('2026-01-31', 'walk_in', { walk_in: 0 }));
    validationError(() => caseDeadline('2026-01-31', 'walk_in', { walk_in: -3 }));
    validationError(() => caseDeadline('2026-01-31', 'walk_in', { walk_in: 2.5 }));
  });
});

describe('court referral limits (法释〔2016〕14号)', () => {
  it('gives 30 days for 委派 and 15/7 for 委托 by procedure', () => {
    expect(courtReferralLimitDays('delegated')).toBe(30);
    expect(courtReferralLimitDays('delegated', 'simple')).toBe(30);
    expect(courtReferralLimitDays('entrusted', 'ordinary')).toBe(15);
    expect(courtReferralLimitDays('entrusted', 'simple')).toBe(7);
    expect(validationError(() => courtReferralLimitDays('entrusted')).message).toContain('普通程序');
  });

  it('counts from the day after the mediator signed for the materials', () => {
    expect(courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-01' })).toBe('2026-01-31');
    expect(courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-12-15' })).toBe('2027-01-14');
    expect(courtReferralDueDate({ mode: 'entrusted', procedure: 'ordinary', materialsSignedOn: '2026-01-31' })).toBe('2026-02-15');
    expect(courtReferralDueDate({ mode: 'entrusted', procedure: 'simple', materialsSignedOn: '2028-02-25' })).toBe('2028-03-03');
    expect(courtReferralDueDate({ mode: 'entrusted', procedure: 'simple', materialsSignedOn: '2027-02-25' })).toBe('2027-03-04');
    expect(courtReferralDueDate({ mode: 'entrusted', procedure: 'simple', materialsSignedOn: '2026-12-28' })).toBe('2027-01-04');
  });

  it('adds agreed extensions', () => {
    expect(courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-31', extensionDays: 10 })).toBe('2026-03-12');
    expect(courtReferralDueDate({ mode: 'entrusted', procedure: 'simple', materialsSignedOn: '2026-01-31', extensionDays: 7 })).toBe(
      '2026-02-14',
    );
    expect(courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-31', extensionDays: 0 })).toBe('2026-03-02');
    expect(courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-31', extensionDays: null })).toBe('2026-03-02');
    validationError(() => courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-31', extensionDays: -1 }));
    validationError(() => courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-31', extensionDays: 1.5 }));
  });
});

describe('deadline state', () => {
  // Signed 2026-01-01, 委派 30 days: day 1 is 01-02, day 30 is 01-31 (inside), day 31 is 02-01.
  const due = courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2026-01-01' });

  it('keeps day 30 inside and puts day 31 outside', () => {
    expect(daysLeft(due, '2026-01-31')).toBe(0);
    expect(deadlineState(due, '2026-01-31')).toBe('near');
    expect(daysLeft(due, '2026-02-01')).toBe(-1);
    expect(deadlineState(due, '2026-02-01')).toBe('overdue');
  });

  it('is near within nearDays and ok before', () => {
    expect(daysLeft(due, '2026-01-01')).toBe(30);
    expect(deadlineState(due, '2026-01-27')).toBe('ok');
    expect(deadlineState(due, '2026-01-28')).toBe('near');
    expect(deadlineState(due, '2026-01-30', 0)).toBe('ok');
    expect(deadlineState(due, '2026-01-31', 0)).toBe('near');
    expect(deadlineState(due, '2026-01-21', 10)).toBe('near');
    expect(deadlineState(due, '2026-01-20', 10)).toBe('ok');
  });

  it('counts across month, leap-day and year ends', () => {
    expect(daysLeft('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLeft('2028-03-01', '2028-02-28')).toBe(2);
    expect(daysLeft('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeft('2026-12-31', '2027-01-05')).toBe(-5);
  });

  it("is 'none' without a deadline", () => {
    expect(deadlineState(null, '2026-01-01')).toBe('none');
    expect(deadlineState(undefined, '2026-01-01')).toBe('none');
    expect(deadlineState('', '2026-01-01')).toBe('none');
  });
});

describe('司法确认 window (30 days after the agreement takes effect)', () => {
  it('ends 30 days after the effective day', () => {
    expect(confirmationWindow('2026-01-31')).toEqual({ firstDay: '2026-01-31', lastDay: '2026-03-02' });
    expect(confirmationWindow('2028-02-01')).toEqual({ firstDay: '2028-02-01', lastDay: '2028-03-02' });
    expect(confirmationWindow('2027-02-01').lastDay).toBe('2027-03-03');
    expect(confirmationWindow('2026-12-10').lastDay).toBe('2027-01-09');
  });

  it('is open, then closing in the last warnDays, then closed after day 30', () => {
    expect(confirmationWindowState('2026-01-31', '2026-01-31')).toBe('open');
    expect(confirmationWindowState('2026-01-31', '2026-02-22')).toBe('open'); // 8 days left
    expect(confirmationWindowState('2026-01-31', '2026-02-23')).toBe('closing'); // 7 days left
    expect(confirmationWindowState('2026-01-31', '2026-03-02')).toBe('closing'); // day 30
    expect(confirmationWindowState('2026-01-31', '2026-03-03')).toBe('closed'); // day 31
    expect(confirmationWindowState('2026-01-31', '2026-02-28', 1)).toBe('open');
    expect(confirmationWindowState('2026-01-31', '2026-03-01', 1)).toBe('closing');
  });
});

describe('follow-up schedule', () => {
  it('suggests a visit 15 days after the agreement', () => {
    expect(followupSchedule('2026-01-20')).toEqual([{ kind: 'after_agreement', dueOn: '2026-02-04', label: '协议达成后15日回访' }]);
    expect(followupSchedule('2026-12-20', null).map((v) => v.dueOn)).toEqual(['2027-01-04']);
  });

  it('adds a visit 3 days after the performance deadline, in date order', () => {
    expect(followupSchedule('2026-01-20', '2026-03-31')).toEqual([
      { kind: 'after_agreement', dueOn: '2026-02-04', label: '协议达成后15日回访' },
      { kind: 'after_performance', dueOn: '2026-04-03', label: '履行期限届满后3日回访' },
    ]);
    expect(followupSchedule('2026-01-20', '2026-01-22').map((v) => [v.kind, v.dueOn])).toEqual([
      ['after_performance', '2026-01-25'],
      ['after_agreement', '2026-02-04'],
    ]);
    expect(followupSchedule('2028-02-26', '2028-02-27').map((v) => v.dueOn)).toEqual(['2028-03-01', '2028-03-12']);
  });

  it('makes one visit when both fall on the same day, and refuses a deadline before the agreement', () => {
    expect(followupSchedule('2026-01-01', '2026-01-13').map((v) => v.kind)).toEqual(['after_agreement']);
    expect(validationError(() => followupSchedule('2026-01-20', '2026-01-19')).message).toContain('履行期限');
  });
});

describe('time zones', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives the same days across a DST change elsewhere', () => {
    process.env.TZ = 'America/New_York'; // DST starts 2026-03-08, ends 2026-11-01
    expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
    expect(daysLeft('2026-03-31', '2026-03-01')).toBe(30);
    expect(daysLeft('2026-11-05', '2026-10-30')).toBe(6);
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });
});
