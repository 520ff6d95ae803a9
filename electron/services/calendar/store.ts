/**
 * The centre's legal calendar: the built-in schedules (chinese-days) with the years the admin
 * entered or imported laid over them. Changing a year recomputes the open cases' deadlines in the
 * same transaction, each with an audit event on the case's timeline (recompute.ts).
 */
import { asc, eq } from 'drizzle-orm';
import { calendarYears } from '../../../db/schema';
import {
  makeCalendar,
  mergeYears,
  missingScheduleWarning,
  validateHolidayYear,
  type HolidayYear,
  type LegalCalendar,
} from '../../common/domain/calendar';
import { parseHolidayIcs } from '../../common/domain/icsHolidays';
import type { CalendarInfo, CalendarYearView, CalendarChange } from '../../common/api/calendar';
import { AppError } from '../../common/errors';
import { recordAudit } from '../core/audit';
import { localDate, rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { builtinYears } from './builtin';
import { recomputeDeadlines } from './recompute';

export function storedYears(ctx: Pick<ServiceContext, 'db'>): HolidayYear[] {
  return ctx.db.orm
    .select()
    .from(calendarYears)
    .orderBy(asc(calendarYears.year))
    .all()
    .map((r) => ({ year: r.year, holidays: r.holidays, workdays: r.workdays, source: r.source }));
}

/** The calendar every period of the app is counted on. */
export function loadCalendar(ctx: Pick<ServiceContext, 'db'>): LegalCalendar {
  return makeCalendar(mergeYears(builtinYears(), storedYears(ctx)));
}

function festivalsOf(y: HolidayYear): string[] {
  return [...new Set(Object.values(y.holidays))];
}

/** What the renderer needs to count and explain dates itself, and the settings page's table. */
export function calendarInfo(ctx: ServiceContext): CalendarInfo {
  const stored = new Map(
    ctx.db.orm
      .select()
      .from(calendarYears)
      .all()
      .map((r) => [r.year, r]),
  );
  const builtin = new Set(builtinYears().map((y) => y.year));
  const years = mergeYears(builtinYears(), storedYears(ctx));
  const today = localDate(ctx.clock.now());
  const views: CalendarYearView[] = years.map((y) => {
    const row = stored.get(y.year);
    return {
      year: y.year,
      origin: row ? (builtin.has(y.year) ? 'corrected' : 'entered') : 'builtin',
      source: y.source,
      festivals: festivalsOf(y),
      restDays: Object.keys(y.holidays).length,
      workingWeekends: Object.keys(y.workdays).length,
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
  return { today, years, views, warning: missingScheduleWarning(makeCalendar(years), today) };
}

function checkYear(y: HolidayYear): void {
  const problems = validateHolidayYear(y);
  if (problems.length)
    throw new AppError(
      'VALIDATION',
      `${y.year} 年节假日安排有误：${problems.slice(0, 5).join('；')}${problems.length > 5 ? ` 等 ${problems.length} 处` : ''}`,
    );
  if (Object.keys(y.holidays).length === 0) throw new AppError('VALIDATION', `${y.year} 年节假日安排中没有放假日期`);
}

/** Save (add or correct) years, then recompute open deadlines: one transaction. */
function saveYears(ctx: ServiceContext, actor: Actor, years: HolidayYear[], how: string): CalendarChange {
  for (const y of years) checkYear(y);
  const at = rfc3339(ctx.clock.now());
  return ctx.db.sqlite
    .transaction(() => {
      const before = new Map(storedYears(ctx).map((y) => [y.year, y]));
      for (const y of years) {
        ctx.db.orm
          .insert(calendarYears)
          .values({ year: y.year, holidays: y.holidays, workdays: y.workdays, source: y.source, updatedAt: at, updatedBy: actor.name })
          .onConflictDoUpdate({
            target: calendarYears.year,
            set: { holidays: y.holidays, workdays: y.workdays, source: y.source, updatedAt: at, updatedBy: actor.name },
          })
          .run();
        recordAudit(ctx, actor, {
          operation: 'calendar.saveYear',
          entityKind: 'settings',
          entityId: `calendar:${y.year}`,
          summary: `${how}${y.year} 年节假日安排（放假 ${Object.keys(y.holidays).length} 天，调休上班 ${Object.keys(y.workdays).length} 天；来源：${y.source}）`,
          before: before.get(y.year) ?? null,
          after: y,
        });
      }
      const why = `${years.map((y) => y.year).join('、')} 年节假日安排${how === '导入' ? '导入' : '变更'}`;
      return { years: years.map((y) => y.year), recomputed: recomputeDeadlines(ctx, actor, loadCalendar(ctx), why) };
    })
    .immediate();
}

export function saveCalendarYear(ctx: ServiceContext, actor: Actor, y: HolidayYear): CalendarChange {
  return saveYears(ctx, actor, [y], builtinYears().some((b) => b.year === y.year) ? '更正' : '录入');
}

/** Import an .ics file: every year it holds is saved (replacing what the centre had for it). */
export function importCalendarIcs(ctx: ServiceContext, actor: Actor, text: string, fileName: string, onlyYears?: number[]): CalendarChange {
  const { years } = parseHolidayIcs(text, `导入文件 ${fileName}`);
  const chosen = onlyYears?.length ? years.filter((y) => onlyYears.includes(y.year)) : years;
  if (chosen.length === 0) throw new AppError('VALIDATION', `文件中没有所选年份（${(onlyYears ?? []).join('、')}）的节假日安排`);
  return saveYears(ctx, actor, chosen, '导入');
}

/** Drop the centre's own schedule of a year: the built-in one applies again (or none). */
export function removeCalendarYear(ctx: ServiceContext, actor: Actor, year: number): CalendarChange {
  return ctx.db.sqlite
    .transaction(() => {
      const row = ctx.db.orm.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
      if (!row) throw new AppError('NOT_FOUND', `本中心没有录入过 ${year} 年的节假日安排`);
      ctx.db.orm.delete(calendarYears).where(eq(calendarYears.year, year)).run();
      const fallback = builtinYears().some((b) => b.year === year) ? '恢复使用内置安排' : '该年将只按周末计算';
      recordAudit(ctx, actor, {
        operation: 'calendar.removeYear',
        entityKind: 'settings',
        entityId: `calendar:${year}`,
        summary: `删除本中心录入的 ${year} 年节假日安排，${fallback}`,
        before: { year: row.year, holidays: row.holidays, workdays: row.workdays, source: row.source },
      });
      return { years: [year], recomputed: recomputeDeadlines(ctx, actor, loadCalendar(ctx), `${year} 年节假日安排删除`) };
    })
    .immediate();
}

/** Count the open deadlines again on the current calendar (after an upgrade, or on request). */
export function recomputeNow(ctx: ServiceContext, actor: Actor): CalendarChange {
  return ctx.db.sqlite
    .transaction(() => ({ years: [], recomputed: recomputeDeadlines(ctx, actor, loadCalendar(ctx), '按当前节假日安排重新计算') }))
    .immediate();
}
