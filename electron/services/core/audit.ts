/**
 * The append-only audit trail (table `audit`; triggers forbid updates and deletes).
 * Call `recordAudit` inside the same transaction as the change it describes.
 */
import { asc, eq } from 'drizzle-orm';
import { audit } from '../../../db/schema';
import type { Actor, ServiceContext } from './context';
import { rfc3339 } from './clock';
import { newId } from './ids';

export interface AuditEntry {
  operation: string;
  entityKind: string;
  entityId: string;
  caseId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export function recordAudit(ctx: Pick<ServiceContext, 'db' | 'clock'>, actor: Actor, entry: AuditEntry): string {
  const id = newId();
  ctx.db.orm
    .insert(audit)
    .values({
      id,
      at: rfc3339(ctx.clock.now()),
      actorId: actor.id,
      actorName: actor.name,
      operation: entry.operation,
      entityKind: entry.entityKind,
      entityId: entry.entityId,
      caseId: entry.caseId ?? null,
      summary: entry.summary,
      before: entry.before === undefined ? null : entry.before,
      after: entry.after === undefined ? null : entry.after,
      deviceId: actor.deviceId ?? null,
    })
    .run();
  return id;
}

export function caseTimeline(ctx: Pick<ServiceContext, 'db'>, caseId: string) {
  return (
    ctx.db.orm
      .select({
        id: audit.id,
        at: audit.at,
        actorName: audit.actorName,
        operation: audit.operation,
        summary: audit.summary,
        entityKind: audit.entityKind,
      })
      .from(audit)
      .where(eq(audit.caseId, caseId))
      // audit_case_idx is (case_id, id): UUID v7 ids give time order without a sort.
      .orderBy(asc(audit.id))
      .all()
  );
}
