/**
 * The domain's date rules (common/domain/deadlines.ts), memoised for the demo. Each call parses
 * and formats through dayjs (≈10 µs); the demo asks the same few thousand questions (a deadline
 * for this day and source, this day + 15) hundreds of thousands of times.
 */
import {
  addDays,
  caseDeadline,
  courtReferralDueDate,
  followupSchedule,
  type CourtProcedure,
  type CourtReferralMode,
} from '../../common/domain/deadlines';
import type { SourceCode } from '../../common/domain/sources';
import { legalDue, makeCalendar, type LegalCalendar } from '../../common/domain/calendar';
import { builtinYears } from '../calendar/builtin';

export class DomainDates {
  private readonly cache = new Map<string, string | null>();

  /** The built-in holiday schedules: demo data is made before any year of the centre's own exists. */
  private readonly cal: LegalCalendar = makeCalendar(builtinYears());

  constructor(private readonly overrides: Partial<Record<SourceCode, number>>) {}

  /** A plain-count last day moved off a rest day, as the app stores it (services/calendar). */
  legal(nominal: string): string {
    return this.memo(`l${nominal}`, () => legalDue(this.cal, nominal).due)!;
  }

  private memo(key: string, compute: () => string | null): string | null {
    let v = this.cache.get(key);
    if (v === undefined) {
      v = compute();
      this.cache.set(key, v);
    }
    return v;
  }

  addDays(date: string, n: number): string {
    return this.memo(`+${date}${n}`, () => addDays(date, n))!;
  }

  /** The plain-count day; the stored deadline is legal() of it. */
  caseDeadline(acceptedOn: string, source: SourceCode): string {
    return this.memo(`c${acceptedOn}${source}`, () => caseDeadline(acceptedOn, source, this.overrides))!;
  }

  courtDue(mode: CourtReferralMode, procedure: CourtProcedure | null, materialsSignedOn: string, extensionDays: number): string {
    return this.memo(`r${mode}${procedure}${materialsSignedOn}${extensionDays}`, () =>
      courtReferralDueDate({ mode, procedure, materialsSignedOn, extensionDays }),
    )!;
  }

  /** The follow-up after the performance deadline (followupSchedule's second visit), or null. */
  afterPerformance(agreementOn: string, performanceDeadline: string): string | null {
    return this.memo(
      `f${agreementOn}${performanceDeadline}`,
      () => followupSchedule(agreementOn, performanceDeadline).find((v) => v.kind === 'after_performance')?.dueOn ?? null,
    );
  }
}
