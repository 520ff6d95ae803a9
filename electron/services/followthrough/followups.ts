/**
 * 回访 (follow-up visits): the committee supervises the performance of an agreement (人民调解法
 * Art. 31). Visits are scheduled after an agreement — by default settings.followupDaysAfterAgreement
 * days after it took effect, and 3 days after its performance deadline (domain followupSchedule) —
 * and each is recorded once done: date, method, whether the agreement was performed, notes, visitor.
 * Each visit is its own uploaded record (kind `followup`), with events on the case's timeline.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { cases, followups } from '../../../db/schema';
import {
  FOLLOWUP_METHOD_LABELS,
  PERFORMANCE_LABELS,
  type CaseFollowups,
  type FollowupDueRow,
  type FollowupView,
  type recordFollowupInput,
  type scheduleFollowupsInput,
} from '../../common/api/court';
import { AppError } from '../../common/errors';
import { dueReason, legalDue, workingDaysLeft, type LegalCalendar } from '../../common/domain/calendar';
import { addDays, daysLeft, followupSchedule } from '../../common/domain/deadlines';
import { loadCalendar } from '../calendar/store';
import { statusLabel } from '../../common/domain/lifecycle';
import { recordAudit } from '../core/audit';
import { localDate, rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { getSettings } from '../core/centre-settings-store';
import { bumpRow, loadCase, type CaseRecord } from '../cases/versioning';
import { partyNamesFor } from '../court/names';

type Row = typeof followups.$inferSelect;

const view = (r: Row, today: string, cal: LegalCalendar): FollowupView => ({
  id: r.id,
  version: r.version,
  caseId: r.caseId,
  dueOn: r.dueOn,
  doneAt: r.doneAt,
  method: r.method,
  performance: r.performance,
  notes: r.notes,
  visitor: r.visitor,
  daysLeft: r.doneAt ? null : daysLeft(r.dueOn, today),
  workingDaysLeft: r.doneAt ? null : workingDaysLeft(cal, r.dueOn, today),
  dueNote: dueReason(cal, r.dueNominal, r.dueOn),
});

/** The default visits on working days: each plain-count day moved off a rest day, with how it moved. */
function legalVisits(cal: LegalCalendar, visits: { dueOn: string; label: string }[]): { dueOn: string; nominal: string; label: string }[] {
  const seen = new Set<string>();
  const out: { dueOn: string; nominal: string; label: string }[] = [];
  for (const v of visits) {
    const d = legalDue(cal, v.dueOn);
    if (seen.has(d.due)) continue;
    seen.add(d.due);
    out.push({ dueOn: d.due, nominal: v.dueOn, label: d.reason ? `${v.label}（${d.reason}）` : v.label });
  }
  return out;
}

/** The day visits are counted from: the agreement's effective day, else the day it was reached. */
export function agreementDay(c: Pick<CaseRecord, 'agreementEffectiveAt' | 'outcomeAt'>): string | null {
  return c.agreementEffectiveAt ?? c.outcomeAt?.slice(0, 10) ?? null;
}

function ineligibility(c: CaseRecord): string | null {
  if (c.outcome !== 'agreement') return `只有达成调解协议的案件才安排回访（本案${statusLabel(c.status)}）`;
  return null;
}

/** The centre's default visits for an agreement: first after the configured days, then after performance. */
export function defaultVisits(
  agreementOn: string,
  performanceDeadline: string | null | undefined,
  daysAfterAgreement: number,
): { dueOn: string; label: string }[] {
  const visits = [{ dueOn: addDays(agreementOn, daysAfterAgreement), label: `协议生效后${daysAfterAgreement}日回访` }];
  if (performanceDeadline && performanceDeadline >= agreementOn) {
    for (const v of followupSchedule(agreementOn, performanceDeadline))
      if (v.kind === 'after_performance') visits.push({ dueOn: v.dueOn, label: v.label });
  }
  const seen = new Set<string>();
  return visits.filter((v) => (seen.has(v.dueOn) ? false : (seen.add(v.dueOn), true))).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

function caseRows(ctx: Pick<ServiceContext, 'db'>, caseId: string): Row[] {
  return ctx.db.orm
    .select()
    .from(followups)
    .where(and(eq(followups.caseId, caseId), eq(followups.deleted, false)))
    .orderBy(asc(followups.dueOn), asc(followups.id))
    .all();
}

export function caseFollowups(ctx: ServiceContext, caseId: string): CaseFollowups {
  const c = loadCase(ctx, caseId);
  const today = localDate(ctx.clock.now());
  const reason = ineligibility(c);
  const on = agreementDay(c);
  const rows = caseRows(ctx, caseId);
  const taken = new Set(rows.map((r) => r.dueOn));
  const cal = loadCalendar(ctx);
  const suggested =
    !reason && on
      ? legalVisits(cal, defaultVisits(on, c.agreement?.performanceDeadline, getSettings(ctx).followupDaysAfterAgreement))
          .filter((v) => !taken.has(v.dueOn))
          .map(({ dueOn, label }) => ({ dueOn, label }))
      : [];
  return {
    caseId,
    eligible: reason === null,
    ineligibleReason: reason,
    agreementOn: on,
    suggested,
    followups: rows.map((r) => view(r, today, cal)),
  };
}

export function scheduleFollowups(ctx: ServiceContext, actor: Actor, input: z.output<typeof scheduleFollowupsInput>): CaseFollowups {
  ctx.db.sqlite
    .transaction(() => {
      const c = loadCase(ctx, input.caseId);
      const reason = ineligibility(c);
      if (reason) throw new AppError('REFUSED', reason);
      const on = agreementDay(c)!;
      // Default visits keep their plain-count day, so a calendar change can move them again;
      // a date the user picked stays as picked unless it is one of the defaults.
      const defaults = legalVisits(
        loadCalendar(ctx),
        defaultVisits(on, c.agreement?.performanceDeadline, getSettings(ctx).followupDaysAfterAgreement),
      );
      const nominalOf = new Map(defaults.map((v) => [v.dueOn, v.nominal]));
      const wanted = input.dates ?? defaults.map((v) => v.dueOn);
      for (const d of wanted)
        if (d < on)
          throw new AppError('VALIDATION', `回访日期 ${d} 不能早于协议生效日期（${on}）`, { dates: '回访日期不能早于协议生效日期' });
      const taken = new Set(caseRows(ctx, c.id).map((r) => r.dueOn));
      const dates = [...new Set(wanted)].filter((d) => !taken.has(d)).sort();
      if (dates.length === 0) throw new AppError('REFUSED', '这些日期已经安排了回访');
      const at = rfc3339(ctx.clock.now());
      for (const dueOn of dates) {
        ctx.db.orm
          .insert(followups)
          .values({ id: newId(), version: 1, updatedAt: at, deleted: false, caseId: c.id, dueOn, dueNominal: nominalOf.get(dueOn) ?? null })
          .run();
      }
      recordAudit(ctx, actor, {
        operation: 'followups.schedule',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `安排回访：${dates.join('、')}`,
        after: { dates },
      });
    })
    .immediate();
  return caseFollowups(ctx, input.caseId);
}

export function recordFollowup(ctx: ServiceContext, actor: Actor, input: z.output<typeof recordFollowupInput>): CaseFollowups {
  const today = localDate(ctx.clock.now());
  const caseId = ctx.db.sqlite
    .transaction(() => {
      const r = ctx.db.orm.select().from(followups).where(eq(followups.id, input.id)).get();
      if (!r || r.deleted) throw new AppError('NOT_FOUND', '找不到该次回访');
      if (r.doneAt) throw new AppError('REFUSED', `该次回访已于 ${r.doneAt} 登记，不能重复登记`);
      const c = loadCase(ctx, r.caseId);
      const on = agreementDay(c);
      if (input.doneAt > today) throw new AppError('VALIDATION', `回访日期不能晚于今天（${today}）`, { doneAt: '回访日期不能晚于今天' });
      if (on && input.doneAt < on)
        throw new AppError('VALIDATION', `回访日期不能早于协议生效日期（${on}）`, { doneAt: '回访日期不能早于协议生效日期' });
      bumpRow(ctx, followups, r.id, input.version, {
        doneAt: input.doneAt,
        method: input.method,
        performance: input.performance,
        notes: input.notes,
        visitor: input.visitor,
      });
      recordAudit(ctx, actor, {
        operation: 'followups.record',
        entityKind: 'followup',
        entityId: r.id,
        caseId: r.caseId,
        summary: `${input.doneAt} ${FOLLOWUP_METHOD_LABELS[input.method]}（回访人 ${input.visitor}）：${PERFORMANCE_LABELS[input.performance]}${input.notes ? `。${input.notes.slice(0, 200)}` : ''}`,
        after: { doneAt: input.doneAt, method: input.method, performance: input.performance },
      });
      return r.caseId;
    })
    .immediate();
  return caseFollowups(ctx, caseId);
}

/** Visits not yet done that fall due within `withinDays` (default settings.nearDeadlineDays), late ones first. */
export function followupsDue(ctx: ServiceContext, withinDays?: number): FollowupDueRow[] {
  const today = localDate(ctx.clock.now());
  const horizon = addDays(today, withinDays ?? getSettings(ctx).nearDeadlineDays);
  const rows = ctx.db.orm
    .select({ f: followups, caseNumber: cases.caseNumber, title: cases.title })
    .from(followups)
    .innerJoin(cases, eq(cases.id, followups.caseId))
    .where(and(eq(followups.deleted, false), eq(cases.deleted, false), isNull(followups.doneAt), lte(followups.dueOn, horizon)))
    .orderBy(asc(followups.dueOn), asc(cases.caseNumber))
    .all();
  const names = partyNamesFor(ctx, [...new Set(rows.map((r) => r.f.caseId))]);
  const cal = loadCalendar(ctx);
  return rows.map((r) => ({ ...view(r.f, today, cal), caseNumber: r.caseNumber, title: r.title, partyNames: names.get(r.f.caseId) ?? '' }));
}
