import type { calendarOps } from '../../common/api/calendar';
import { computeDue } from '../../services/calendar/due';
import {
  calendarInfo,
  importCalendarIcs,
  loadCalendar,
  recomputeNow,
  removeCalendarYear,
  saveCalendarYear,
} from '../../services/calendar/store';
import type { Handlers } from '../handler';

export const calendarHandlers: Handlers<typeof calendarOps> = {
  'calendar.get': (_input, { app }) => calendarInfo(app.ctx),
  'calendar.saveYear': (input, { app, actor }) => saveCalendarYear(app.ctx, actor, input),
  'calendar.importIcs': (input, { app, actor }) => importCalendarIcs(app.ctx, actor, input.text, input.fileName, input.years),
  'calendar.removeYear': (input, { app, actor }) => removeCalendarYear(app.ctx, actor, input.year),
  'calendar.recompute': (_input, { app, actor }) => recomputeNow(app.ctx, actor),
  'calendar.due': (input, { app }) => computeDue(loadCalendar(app.ctx), input.from, input.days, input.working),
};
