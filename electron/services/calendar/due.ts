/** The due-date calculator behind `cli due` and the calendar.due operation. */
import type { DueResult } from '../../common/api/calendar';
import { periodDue, workingDaysDue, type LegalCalendar } from '../../common/domain/calendar';

export function computeDue(cal: LegalCalendar, from: string, days: number, working: boolean): DueResult {
  const d = working ? workingDaysDue(cal, from, days) : periodDue(cal, from, days);
  return { from, days, working, ...d };
}
