/**
 * Assigning mediators to a case, with recusal: a mediator who is a party, an agent, or shares a
 * phone number with one (a household or a close relation) may not mediate the case
 * (人民调解法 Art. 22: mediate fairly; 特邀调解规定 Art. 16: recusal grounds).
 * Only active roster members can be assigned.
 */
import { and, asc, eq } from 'drizzle-orm';
import { caseMediators, mediators } from '../../../db/schema';
import type { CaseMediatorRole, ChosenBy, MediatorRef } from '../../common/api/cases';
import { MEDIATOR_STATUS_LABELS } from '../../common/api/mediators';
import { AppError } from '../../common/errors';
import { isOpen, statusLabel } from '../../common/domain/lifecycle';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { caseParties } from './parties';
import { lockCase, writeCase } from './versioning';

export function caseMediatorIds(ctx: Pick<ServiceContext, 'db'>, caseId: string): string[] {
  return ctx.db.orm
    .select({ id: caseMediators.mediatorId })
    .from(caseMediators)
    .where(eq(caseMediators.caseId, caseId))
    .all()
    .map((r) => r.id);
}

export function caseMediatorRefs(ctx: Pick<ServiceContext, 'db'>, caseId: string): MediatorRef[] {
  return ctx.db.orm
    .select({
      id: mediators.id,
      name: mediators.name,
      kind: mediators.kind,
      organisation: mediators.organisation,
      role: caseMediators.role,
      chosenBy: caseMediators.chosenBy,
    })
    .from(caseMediators)
    .innerJoin(mediators, eq(mediators.id, caseMediators.mediatorId))
    .where(eq(caseMediators.caseId, caseId))
    .orderBy(asc(caseMediators.assignedAt))
    .all();
}

/** Why this mediator may not mediate this case, or null. */
export function recusalReason(
  m: { name: string; phone: string; idNumber: string | null },
  ps: { name: string; phone: string | null; idNumber: string | null; role: string }[],
): string | null {
  for (const p of ps) {
    const who = p.role === 'agent' ? '代理人' : '当事人';
    if (m.idNumber && p.idNumber && m.idNumber.toUpperCase() === p.idNumber.toUpperCase())
      return `调解员${m.name}本人是本案${who}（证件号码相同），应当回避`;
    if (m.phone && p.phone && m.phone === p.phone) {
      return m.name === p.name
        ? `调解员${m.name}本人是本案${who}（姓名和电话相同），应当回避`
        : `调解员${m.name}与本案${who}${p.name}使用同一联系电话，可能为近亲属或利害关系人，应当回避`;
    }
  }
  return null;
}

export function assignMediator(
  ctx: ServiceContext,
  actor: Actor,
  input: { id: string; version: number; mediatorId: string; role: CaseMediatorRole; chosenBy: ChosenBy },
): void {
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, input.id, input.version);
      if (!isOpen(c.status)) throw new AppError('REFUSED', `案件${statusLabel(c.status)}，不能再指派调解员`);
      const m = ctx.db.orm.select().from(mediators).where(eq(mediators.id, input.mediatorId)).get();
      if (!m || m.deleted) throw new AppError('NOT_FOUND', '名册中找不到该调解员');
      if (m.status !== 'active') {
        throw new AppError(
          'REFUSED',
          `调解员${m.name}当前状态为“${MEDIATOR_STATUS_LABELS[m.status]}”${m.statusReason ? `（${m.statusReason}）` : ''}，不能指派`,
        );
      }
      if (caseMediatorIds(ctx, c.id).includes(m.id)) throw new AppError('REFUSED', `调解员${m.name}已在本案中`);
      const reason = recusalReason(m, caseParties(ctx, c.id));
      if (reason) throw new AppError('REFUSED', reason);
      ctx.db.orm
        .insert(caseMediators)
        .values({ caseId: c.id, mediatorId: m.id, role: input.role, assignedAt: rfc3339(ctx.clock.now()), chosenBy: input.chosenBy })
        .run();
      writeCase(ctx, c, {});
      recordAudit(ctx, actor, {
        operation: 'case.assignMediator',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `${input.chosenBy === 'parties' ? '当事人选定' : '指派'}调解员 ${m.name}${input.role === 'assistant' ? '（协助）' : ''}`,
      });
    })
    .immediate();
}

export function unassignMediator(ctx: ServiceContext, actor: Actor, input: { id: string; version: number; mediatorId: string }): void {
  ctx.db.sqlite
    .transaction(() => {
      const c = lockCase(ctx, input.id, input.version);
      const result = ctx.db.orm
        .delete(caseMediators)
        .where(and(eq(caseMediators.caseId, c.id), eq(caseMediators.mediatorId, input.mediatorId)))
        .run();
      if (result.changes === 0) throw new AppError('NOT_FOUND', '该调解员不在本案中');
      writeCase(ctx, c, {});
      const m = ctx.db.orm.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, input.mediatorId)).get();
      recordAudit(ctx, actor, {
        operation: 'case.unassignMediator',
        entityKind: 'case',
        entityId: c.id,
        caseId: c.id,
        summary: `取消指派调解员 ${m?.name ?? ''}`,
      });
    })
    .immediate();
}
