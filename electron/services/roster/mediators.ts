/**
 * The roster (调解员名册): create, change, suspend or remove mediators. A change of status keeps
 * the date and the reason; removed mediators stay on file (tombstones are for deletions only).
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { caseMediators, cases, mediators, users } from '../../../db/schema';
import type { MediatorKind, MediatorStatus, MediatorView, mediatorInput } from '../../common/api/mediators';
import { MEDIATOR_KIND_LABELS, MEDIATOR_STATUS_LABELS, ROSTER_KIND_OF_ROLE } from '../../common/api/mediators';
import { OPEN_STATUSES } from '../../common/domain/lifecycle';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/roles';
import { recordAudit } from '../core/audit';
import { localDate, rfc3339 } from '../core/clock';
import { refuseFutureId } from '../core/future-id';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { bumpRow } from '../cases/versioning';

type MediatorValues = z.output<typeof mediatorInput>;
type Row = typeof mediators.$inferSelect;

function openCaseCounts(ctx: Pick<ServiceContext, 'db'>, ids: string[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const rows = ctx.db.orm
    .select({ id: caseMediators.mediatorId, n: sql<number>`count(*)` })
    .from(caseMediators)
    .innerJoin(cases, eq(cases.id, caseMediators.caseId))
    .where(and(inArray(caseMediators.mediatorId, ids), inArray(cases.status, [...OPEN_STATUSES]), eq(cases.deleted, false)))
    .groupBy(caseMediators.mediatorId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The roster entries some user account is linked to. */
function linkedToLogin(ctx: Pick<ServiceContext, 'db'>, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = ctx.db.orm.select({ id: users.mediatorId }).from(users).where(inArray(users.mediatorId, ids)).all();
  return new Set(rows.map((r) => r.id!));
}

const view = (m: Row, openCases: number, hasLogin: boolean): MediatorView => ({
  id: m.id,
  version: m.version,
  name: m.name,
  kind: m.kind,
  organisation: m.organisation,
  phone: m.phone,
  specialties: m.specialties ?? [],
  certificateNo: m.certificateNo,
  region: m.region,
  status: m.status,
  statusDate: m.statusDate,
  statusReason: m.statusReason,
  openCases,
  hasLogin,
});

export function listMediators(
  ctx: Pick<ServiceContext, 'db'>,
  f: { status?: MediatorStatus | undefined; kind?: MediatorKind | undefined; specialty?: string | undefined; q?: string | undefined },
): MediatorView[] {
  const where: SQL[] = [eq(mediators.deleted, false)];
  if (f.status) where.push(eq(mediators.status, f.status));
  if (f.kind) where.push(eq(mediators.kind, f.kind));
  if (f.specialty) where.push(sql`EXISTS (SELECT 1 FROM json_each(${mediators.specialties}) WHERE value = ${f.specialty})`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(sql`${mediators.name} LIKE ${pattern} ESCAPE '\\'`, sql`${mediators.organisation} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  const rows = ctx.db.orm
    .select()
    .from(mediators)
    .where(and(...where))
    .orderBy(asc(mediators.status), asc(mediators.name))
    .all();
  const counts = openCaseCounts(
    ctx,
    rows.map((r) => r.id),
  );
  const logins = linkedToLogin(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, counts.get(r.id) ?? 0, logins.has(r.id)));
}

export function getMediator(ctx: Pick<ServiceContext, 'db'>, id: string): MediatorView {
  const row = ctx.db.orm.select().from(mediators).where(eq(mediators.id, id)).get();
  if (!row || row.deleted) throw new AppError('NOT_FOUND', '名册中找不到该调解员');
  return view(row, openCaseCounts(ctx, [id]).get(id) ?? 0, linkedToLogin(ctx, [id]).has(id));
}

const values = (m: MediatorValues) => ({
  name: m.name,
  kind: m.kind,
  organisation: m.organisation ?? '',
  phone: m.phone ?? '',
  idNumber: m.idNumber ? m.idNumber.toUpperCase() : null,
  specialties: m.specialties,
  certificateNo: m.certificateNo ?? '',
  region: m.region ?? '',
});

export function createMediator(ctx: ServiceContext, actor: Actor, m: MediatorValues): MediatorView {
  if (m.idNumber) refuseFutureId('resident_id', m.idNumber, localDate(ctx.clock.now()));
  const id = newId();
  const at = rfc3339(ctx.clock.now());
  ctx.db.sqlite.transaction(() => {
    ctx.db.orm
      .insert(mediators)
      .values({ id, version: 1, updatedAt: at, deleted: false, createdAt: at, status: 'active', statusDate: at.slice(0, 10), ...values(m) })
      .run();
    recordAudit(ctx, actor, { operation: 'mediators.create', entityKind: 'mediator', entityId: id, summary: `名册新增：${m.name}` });
  })();
  return getMediator(ctx, id);
}

/**
 * The roster entry of a new user who mediates, so that they can be assigned cases from their first
 * day (a mediator user without one was never offered in 指派调解员): the one active entry of the
 * same name that no user has yet, or a new entry of the kind their role implies. Null for roles
 * that do not mediate. Runs inside the caller's transaction.
 */
export function rosterEntryForNewUser(
  ctx: ServiceContext,
  actor: Actor,
  user: { displayName: string; role: Role; loginName: string },
): string | null {
  const kind = ROSTER_KIND_OF_ROLE[user.role];
  if (!kind) return null;
  const free = ctx.db.orm
    .select({ id: mediators.id })
    .from(mediators)
    .where(
      and(
        eq(mediators.name, user.displayName),
        eq(mediators.status, 'active'),
        eq(mediators.deleted, false),
        sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.mediatorId} = ${mediators.id})`,
      ),
    )
    .all();
  if (free.length === 1) return free[0]!.id;
  const id = newId();
  const at = rfc3339(ctx.clock.now());
  ctx.db.orm
    .insert(mediators)
    .values({
      id,
      version: 1,
      updatedAt: at,
      deleted: false,
      createdAt: at,
      status: 'active',
      statusDate: at.slice(0, 10),
      ...values({
        name: user.displayName,
        kind,
        specialties: [],
        organisation: undefined,
        phone: undefined,
        idNumber: undefined,
        certificateNo: undefined,
        region: undefined,
      }),
    })
    .run();
  recordAudit(ctx, actor, {
    operation: 'mediators.create',
    entityKind: 'mediator',
    entityId: id,
    summary: `名册新增：${user.displayName}（${MEDIATOR_KIND_LABELS[kind]}，随登录账号 ${user.loginName} 创建）`,
  });
  return id;
}

/** A roster entry a new login is linked to must be on file. */
export function assertOnRoster(ctx: Pick<ServiceContext, 'db'>, mediatorId: string): void {
  const row = ctx.db.orm.select({ deleted: mediators.deleted }).from(mediators).where(eq(mediators.id, mediatorId)).get();
  if (!row || row.deleted) throw new AppError('VALIDATION', '名册中找不到该调解员', { mediatorId: '名册中找不到该调解员' });
}

export function updateMediator(ctx: ServiceContext, actor: Actor, id: string, version: number, m: MediatorValues): MediatorView {
  if (m.idNumber) refuseFutureId('resident_id', m.idNumber, localDate(ctx.clock.now()));
  ctx.db.sqlite.transaction(() => {
    getMediator(ctx, id);
    // The ID number is never sent back to the screen (lists mask it): a blank one keeps the stored number.
    const { idNumber, ...rest } = values(m);
    bumpRow(ctx, mediators, id, version, idNumber ? { ...rest, idNumber } : rest);
    recordAudit(ctx, actor, { operation: 'mediators.update', entityKind: 'mediator', entityId: id, summary: `修改名册信息：${m.name}` });
  })();
  return getMediator(ctx, id);
}

export function setMediatorStatus(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  version: number,
  status: MediatorStatus,
  date: string,
  reason: string | undefined,
): MediatorView {
  ctx.db.sqlite.transaction(() => {
    const before = getMediator(ctx, id);
    bumpRow(ctx, mediators, id, version, { status, statusDate: date, statusReason: reason ?? null });
    recordAudit(ctx, actor, {
      operation: 'mediators.setStatus',
      entityKind: 'mediator',
      entityId: id,
      summary: `${before.name}：${MEDIATOR_STATUS_LABELS[before.status]} → ${MEDIATOR_STATUS_LABELS[status]}${reason ? `，原因：${reason}` : ''}`,
    });
  })();
  return getMediator(ctx, id);
}
