/**
 * Every time limit of court docking and follow-through, at month ends and in leap years:
 * the court referral's due date (委派 30, 委托 15/7, from the day after signing), extensions,
 * the 司法确认 window (day 30 in, day 31 out) and the default follow-up visits.
 */
import { describe, expect, it } from 'vitest';
import { checkCourtReference, normalizeCourtReference } from '../../../electron/common/api/court';
import { confirmationWindow, confirmationWindowState, courtReferralDueDate, daysLeft } from '../../../electron/common/domain/deadlines';
import { referralDueDate } from '../../../electron/services/court/referrals';
import { defaultVisits } from '../../../electron/services/followthrough/followups';

describe('court referral due date (法释〔2016〕14号)', () => {
  it.each([
    // mode, procedure, signed, due
    ['delegated', null, '2026-01-31', '2026-03-02'], // Feb 2026 has 28 days
    ['delegated', null, '2028-01-31', '2028-03-01'], // leap year: Feb 2028 has 29
    ['delegated', null, '2028-02-29', '2028-03-30'], // signed on a leap day
    ['delegated', null, '2026-02-28', '2026-03-30'],
    ['delegated', null, '2026-12-15', '2027-01-14'], // across the year end
    ['delegated', null, '2026-04-30', '2026-05-30'],
    ['entrusted', 'ordinary', '2026-02-20', '2026-03-07'],
    ['entrusted', 'ordinary', '2028-02-20', '2028-03-06'],
    ['entrusted', 'ordinary', '2026-12-31', '2027-01-15'],
    ['entrusted', 'simple', '2026-02-25', '2026-03-04'],
    ['entrusted', 'simple', '2028-02-25', '2028-03-03'],
    ['entrusted', 'simple', '2026-12-28', '2027-01-04'],
    ['entrusted', 'simple', '2026-01-31', '2026-02-07'],
  ] as const)('%s %s signed %s → last day %s', (mode, procedure, signed, due) => {
    expect(courtReferralDueDate({ mode, procedure, materialsSignedOn: signed })).toBe(due);
    const limit = mode === 'delegated' ? 30 : procedure === 'ordinary' ? 15 : 7;
    expect(referralDueDate({ materialsSignedAt: signed, timeLimitDays: limit, extensionDays: 0 })).toBe(due);
  });

  it('keeps the due day itself inside: 0 days left on it, overdue the day after', () => {
    const due = courtReferralDueDate({ mode: 'delegated', materialsSignedOn: '2028-01-31' });
    expect(daysLeft(due, '2028-03-01')).toBe(0);
    expect(daysLeft(due, '2028-03-02')).toBe(-1);
    expect(daysLeft(due, '2028-02-29')).toBe(1);
  });

  it.each([
    ['2026-01-31', 30, 10, '2026-03-12'],
    ['2028-01-31', 30, 10, '2028-03-11'],
    ['2026-02-01', 15, 14, '2026-03-02'], // 15 + 14 = 29 days from Feb 1 (28-day Feb)
    ['2028-02-01', 15, 14, '2028-03-01'],
    ['2026-12-20', 7, 5, '2027-01-01'],
  ])('signed %s, limit %i + extension %i → %s', (signed, limit, ext, due) => {
    expect(referralDueDate({ materialsSignedAt: signed, timeLimitDays: limit, extensionDays: ext })).toBe(due);
    const mode = limit === 30 ? 'delegated' : 'entrusted';
    const procedure = limit === 15 ? 'ordinary' : limit === 7 ? 'simple' : null;
    expect(courtReferralDueDate({ mode, procedure, materialsSignedOn: signed, extensionDays: ext })).toBe(due);
  });

  it('has no due date before the materials are signed for', () => {
    expect(referralDueDate({ materialsSignedAt: null, timeLimitDays: 30, extensionDays: 0 })).toBeNull();
  });
});

describe('司法确认 window: day 30 in, day 31 out', () => {
  it.each([
    ['2026-01-31', '2026-03-02'],
    ['2028-01-31', '2028-03-01'],
    ['2028-02-29', '2028-03-30'],
    ['2027-02-28', '2027-03-30'],
    ['2026-12-05', '2027-01-04'],
    ['2026-03-31', '2026-04-30'],
  ])('effective %s → last day %s', (effective, lastDay) => {
    expect(confirmationWindow(effective)).toEqual({ firstDay: effective, lastDay });
    expect(confirmationWindowState(effective, lastDay)).toBe('closing'); // day 30: still open
    const dayAfter = new Date(`${lastDay}T00:00:00Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect(confirmationWindowState(effective, dayAfter.toISOString().slice(0, 10))).toBe('closed'); // day 31
    expect(confirmationWindowState(effective, effective)).toBe('open');
  });

  it('warns in the last week', () => {
    expect(confirmationWindowState('2026-10-01', '2026-10-23')).toBe('open'); // 8 days left
    expect(confirmationWindowState('2026-10-01', '2026-10-24')).toBe('closing'); // 7 days left
  });
});

describe('default follow-up visits', () => {
  it('uses the configured days after the agreement and 3 days after the performance deadline', () => {
    expect(defaultVisits('2026-01-31', null, 15)).toEqual([{ dueOn: '2026-02-15', label: '协议生效后15日回访' }]);
    expect(defaultVisits('2028-02-14', '2028-02-27', 15)).toEqual([
      { dueOn: '2028-02-29', label: '协议生效后15日回访' },
      { dueOn: '2028-03-01', label: '履行期限届满后3日回访' },
    ]);
    expect(defaultVisits('2026-02-14', '2026-02-27', 15)).toEqual([
      { dueOn: '2026-03-01', label: '协议生效后15日回访' },
      { dueOn: '2026-03-02', label: '履行期限届满后3日回访' },
    ]);
    // Same day: one visit.
    expect(defaultVisits('2026-12-20', '2027-01-01', 15)).toEqual([{ dueOn: '2027-01-04', label: '协议生效后15日回访' }]);
    // The performance visit may come first.
    expect(defaultVisits('2026-11-20', '2026-11-22', 30).map((v) => v.dueOn)).toEqual(['2026-11-25', '2026-12-20']);
    // A performance deadline before the agreement is ignored, not a crash.
    expect(defaultVisits('2026-11-20', '2026-11-01', 15).map((v) => v.dueOn)).toEqual(['2026-12-05']);
  });
});

describe('court reference numbers', () => {
  it('accepts realistic references and normalises half-width brackets', () => {
    for (const ref of ['（2026）豫0711民诉前调1234号', '（2025）豫0711民初567号', '(2026)豫07民终12号', '（2026）豫0711民特3号'])
      expect(checkCourtReference(ref).ok, ref).toBe(true);
    expect(normalizeCourtReference(' (2026)豫0711民初 567号 ')).toBe('（2026）豫0711民初567号');
  });

  it('refuses references without a year in brackets or without 号, with a Chinese message', () => {
    expect(checkCourtReference('')).toEqual({ ok: false, message: '请填写法院案号' });
    for (const ref of ['豫0711民初567号', '2026豫0711民初567号', '（26）豫0711民初567号', '（2026）号']) {
      const c = checkCourtReference(ref);
      expect(c.ok, ref).toBe(false);
    }
    const noHao = checkCourtReference('（2026）豫0711民初567');
    expect(noHao.ok).toBe(false);
    if (!noHao.ok) expect(noHao.message).toContain('应以“号”结尾');
  });
});
