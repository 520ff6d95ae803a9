/** Mediation sessions (调解记录) and investigations (调查记录): several per case. */
import type { z } from 'zod';
import { asc, and, eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema';
import type { sessionInput } from '../../common/api/cases';
import { SESSION_KIND_LABELS } from '../../common/domain/sessionKinds';
import { AppError } from '../../common/errors';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { bumpRow, loadCase } from './versioning';

type SessionValues = z.output<typeof sessionInput>;

function checkTime(ctx: ServiceContext, registeredAt: string, heldAt: string) {
  if (heldAt.slice(0, 10) < registeredAt.slice(0, 10))
    throw new AppError('VALIDATION', '时间不能早于案件登记日期', { 'session.heldAt': '不能早于登记日期' });
  const tomorrow = rfc3339(new Date(ctx.clock.now().getTime() + 86_400_000)).slice(0, 10);
  if (heldAt.slice(0, 10) > tomorrow) throw new AppError('VALIDATION', '记录的时间不能在将来', { 'session.heldAt': '不能晚于今天' });
}

export function caseSessions(ctx: Pick<ServiceContext, 'db'>, caseId: string) {
  return ctx.db.orm
    .select()
    .from(sessions)
    .where(and(eq(sessions.caseId, caseId), eq(sessions.deleted, false)))
    .orderBy(asc(sessions.heldAt))
    .all();
}

export function addSession(ctx: ServiceContext, actor: Actor, caseId: string, s: SessionValues): string {
  const id = newId();
  ctx.db.sqlite.transaction(() => {
    const c = loadCase(ctx, caseId);
    if (c.status !== 'mediating') throw new AppError('REFUSED', `只有“调解中”的案件才能记录${SESSION_KIND_LABELS[s.kind]}，请先开始调解`);
    checkTime(ctx, c.registeredAt, s.heldAt);
    ctx.db.orm
      .insert(sessions)
      .values({
        id,
        version: 1,
        updatedAt: rfc3339(ctx.clock.now()),
        deleted: false,
        caseId,
        kind: s.kind,
        heldAt: s.heldAt,
        place: s.place,
        participants: s.participants,
        record: s.record,
        recorder: s.recorder ?? actor.name,
        mediatorId: s.mediatorId ?? null,
      })
      .run();
    const n = caseSessions(ctx, caseId).filter((x) => x.kind === s.kind).length;
    recordAudit(ctx, actor, {
      operation: 'sessions.add',
      entityKind: 'session',
      entityId: id,
      caseId,
      summary: `记录第 ${n} 次${SESSION_KIND_LABELS[s.kind]}（${s.heldAt.slice(0, 10)}，${s.place}）`,
    });
  })();
  return id;
}

export function updateSession(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  sessionId: string,
  version: number,
  s: SessionValues,
): void {
  ctx.db.sqlite.transaction(() => {
    const c = loadCase(ctx, caseId);
    if (!caseSessions(ctx, caseId).some((x) => x.id === sessionId)) throw new AppError('NOT_FOUND', '找不到该调解记录');
    checkTime(ctx, c.registeredAt, s.heldAt);
    bumpRow(ctx, sessions, sessionId, version, {
      kind: s.kind,
      heldAt: s.heldAt,
      place: s.place,
      participants: s.participants,
      record: s.record,
      recorder: s.recorder ?? actor.name,
      mediatorId: s.mediatorId ?? null,
    });
    recordAudit(ctx, actor, {
      operation: 'sessions.update',
      entityKind: 'session',
      entityId: sessionId,
      caseId,
      summary: `修改${SESSION_KIND_LABELS[s.kind]}记录（${s.heldAt.slice(0, 10)}）`,
    });
  })();
}
