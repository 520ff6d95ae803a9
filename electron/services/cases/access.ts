/**
 * The case-level access rule (common/access.ts) applied to the database: what the rule needs to
 * know about a person and a case, the one check every case operation goes through
 * (api/case-scope.ts calls it before the handler runs), and the case as a person may see it.
 */
import { eq } from 'drizzle-orm';
import { caseMediators, confirmations, documents, followups, mediators } from '../../../db/schema';
import { casePermissions, type CaseAccessFacts, type CasePermissions } from '../../common/access';
import type { CaseDetail } from '../../common/api/cases';
import { maskIdNumber, maskPhone } from '../../common/domain/identity';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/roles';
import type { ServiceContext } from '../core/context';
import { recusalReason } from './mediators';
import { caseParties } from './parties';
import { getCaseDetail } from './queries';
import { loadCase } from './versioning';

/** Who is asking: a signed-in user's role and roster record. */
export interface CaseReader {
  role: Role;
  mediatorId: string | null;
}

/**
 * What an operation needs of a case:
 * - read: see it at all (refused only to a person who must stand aside);
 * - full: see it in full (ID numbers, records, agreement, documents);
 * - write: change it;
 * - link: attach something to it without changing it (a registration merged into it).
 */
export type CaseNeed = 'read' | 'full' | 'write' | 'link';

/** How an operation's input names its case. */
export type CaseRefKind = 'id' | 'caseId' | 'confirmation' | 'followup' | 'document';

export function caseAccessFacts(ctx: Pick<ServiceContext, 'db'>, who: CaseReader, caseId: string): CaseAccessFacts {
  const c = loadCase(ctx, caseId);
  const assignedIds = ctx.db.orm
    .select({ id: caseMediators.mediatorId })
    .from(caseMediators)
    .where(eq(caseMediators.caseId, caseId))
    .all()
    .map((r) => r.id);
  let recusal: string | null = null;
  if (who.mediatorId) {
    const m = ctx.db.orm
      .select({ name: mediators.name, phone: mediators.phone, idNumber: mediators.idNumber })
      .from(mediators)
      .where(eq(mediators.id, who.mediatorId))
      .get();
    if (m) recusal = recusalReason(m, caseParties(ctx, caseId));
  }
  return {
    role: who.role,
    assigned: who.mediatorId !== null && assignedIds.includes(who.mediatorId),
    staffed: assignedIds.length > 0,
    status: c.status,
    recusal,
  };
}

export function caseAccess(ctx: Pick<ServiceContext, 'db'>, who: CaseReader, caseId: string): CasePermissions {
  return casePermissions(caseAccessFacts(ctx, who, caseId));
}

/** The check: throws FORBIDDEN with the rule's reason when the person may not do what the operation needs. */
export function requireCaseAccess(ctx: Pick<ServiceContext, 'db'>, who: CaseReader, caseId: string, need: CaseNeed): CasePermissions {
  const facts = caseAccessFacts(ctx, who, caseId);
  const p = casePermissions(facts);
  const allowed = need === 'write' ? p.canEdit : need === 'full' ? p.canReadFull : facts.recusal === null;
  if (!allowed) throw new AppError('FORBIDDEN', p.reason ?? '您无权办理本案');
  return p;
}

/** The case an operation's input is about, or null when it names none or a record that does not exist (the handler then says so). */
export function caseIdOf(ctx: Pick<ServiceContext, 'db'>, ref: CaseRefKind, input: unknown): string | null {
  const fields = (input ?? {}) as { id?: unknown; caseId?: unknown };
  const key = ref === 'caseId' ? fields.caseId : fields.id;
  if (typeof key !== 'string' || key === '') return null;
  const table = { confirmation: confirmations, followup: followups, document: documents } as const;
  if (ref === 'id' || ref === 'caseId') return key;
  const t = table[ref];
  const row = ctx.db.orm.select({ caseId: t.caseId }).from(t).where(eq(t.id, key)).get();
  return row?.caseId ?? null;
}

/**
 * The case as this person may see it, with what they may do. Without the right to read it in
 * full: ID numbers and phones masked, no session records, agreement, record of undisputed facts
 * or timeline (the timeline quotes names and outcomes of every step). It does not refuse: reading
 * is checked before the operation (a change that just made its author stand aside answers with
 * the restricted view, not with an error after the change was saved).
 */
export function caseDetailFor(ctx: ServiceContext, who: CaseReader, caseId: string): CaseDetail {
  const permissions = caseAccess(ctx, who, caseId);
  const detail = getCaseDetail(ctx, caseId, permissions);
  return permissions.canReadFull ? detail : restrictedView(detail);
}

export function restrictedView(d: CaseDetail): CaseDetail {
  return {
    ...d,
    reporter: d.reporter ? { ...d.reporter, phone: d.reporter.phone ? maskPhone(d.reporter.phone) : undefined } : null,
    parties: d.parties.map((p) => ({
      ...p,
      idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
      phone: p.phone ? maskPhone(p.phone) : null,
    })),
    sessions: [],
    agreement: null,
    undisputed: null,
    timeline: [],
    availableActions: d.permissions.canEdit ? d.availableActions : [],
  };
}
