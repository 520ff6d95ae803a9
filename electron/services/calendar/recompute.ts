/**
 * When the calendar changes (a year entered, corrected, imported or removed), every deadline that
 * was counted by rule is counted again from its nominal day: open cases' deadlines (限期化解 and
 * court limits) and visits not yet made. Each change is a new case version (so it is uploaded) and
 * an audit event on the case's timeline — never a silent edit. Deadlines set by hand stay as set.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { audit, cases, followups } from '../../../db/schema';
import type { RecomputedDue } from '../../common/api/calendar';
import { describeDue, legalDue, type LegalCalendar } from '../../common/domain/calendar';
import { OPEN_STATUSES } from '../../common/domain/lifecycle';
import { recordAudit } from '../core/audit';
import type { Actor, ServiceContext } from '../core/context';
import { bumpRow, writeCase } from '../cases/versioning';

/**
 * Cases from before the calendar existed have a deadline counted in plain days and no nominal day:
 * that deadline is their nominal day, unless someone set it by hand (a case.setDeadline event).
 */
function backfillNominal(ctx: Pick<ServiceContext, 'db'>): void {
  ctx.db.orm
    .update(cases)
    .set({ deadlineNominal: sql`${cases.deadline}` })
    .where(
      and(
        eq(cases.deleted, false),
        inArray(cases.status, [...OPEN_STATUSES]),
        isNotNull(cases.deadline),
        isNull(cases.deadlineNominal),
        sql`NOT EXISTS (SELECT 1 FROM ${audit} a WHERE a.entity_kind = 'case' AND a.entity_id = ${cases.id} AND a.operation = 'case.setDeadline')`,
      ),
    )
    .run();
}

/** Must run inside the caller's transaction (the calendar change it follows). */
export function recomputeDeadlines(ctx: ServiceContext, actor: Actor, cal: LegalCalendar, why: string): RecomputedDue[] {
  backfillNominal(ctx);
  const out: RecomputedDue[] = [];
  const open = ctx.db.orm
    .select()
    .from(cases)
    .where(and(eq(cases.deleted, false), inArray(cases.status, [...OPEN_STATUSES]), isNotNull(cases.deadlineNominal)))
    .all();
  for (const c of open) {
    const d = legalDue(cal, c.deadlineNominal!);
    if (d.due === c.deadline) continue;
    writeCase(ctx, c, { deadline: d.due });
    recordAudit(ctx, actor, {
      operation: 'case.recomputeDeadline',
      entityKind: 'case',
      entityId: c.id,
      caseId: c.id,
      summary: `因${why}，期限由 ${c.deadline ?? '未设定'} 重新计算为 ${describeDue(d)}`,
      before: { deadline: c.deadline },
      after: { deadline: d.due, deadlineNominal: d.nominal },
    });
    out.push({ kind: 'deadline', caseId: c.id, caseNumber: c.caseNumber, from: c.deadline, to: d.due, reason: d.reason });
  }
  const visits = ctx.db.orm
    .select({ f: followups, caseNumber: cases.caseNumber })
    .from(followups)
    .innerJoin(cases, eq(cases.id, followups.caseId))
    .where(and(eq(followups.deleted, false), isNull(followups.doneAt), isNotNull(followups.dueNominal), eq(cases.deleted, false)))
    .all();
  for (const { f, caseNumber } of visits) {
    const d = legalDue(cal, f.dueNominal!);
    if (d.due === f.dueOn) continue;
    bumpRow(ctx, followups, f.id, f.version, { dueOn: d.due });
    recordAudit(ctx, actor, {
      operation: 'followups.recompute',
      entityKind: 'followup',
      entityId: f.id,
      caseId: f.caseId,
      summary: `因${why}，回访日期由 ${f.dueOn} 重新计算为 ${describeDue(d)}`,
      before: { dueOn: f.dueOn },
      after: { dueOn: d.due },
    });
    out.push({ kind: 'followup', caseId: f.caseId, caseNumber, from: f.dueOn, to: d.due, reason: d.reason });
  }
  return out;
}
