/**
 * Users, passwords and sign-in with lockout. Sessions themselves are in sessions.ts (memory only).
 */
import { asc, eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { SessionUser, UserRow } from '../../common/api/auth';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/roles';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { hashPassword, verifyPassword } from './passwords';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type Row = typeof users.$inferSelect;

const toUserRow = (r: Row): UserRow => ({
  id: r.id,
  loginName: r.loginName,
  displayName: r.displayName,
  role: r.role as Role,
  mediatorId: r.mediatorId,
  active: r.active,
  lockedUntil: r.lockedUntil,
  createdAt: r.createdAt,
});

export const toSessionUser = (r: Row | UserRow): SessionUser => ({
  id: r.id,
  loginName: r.loginName,
  displayName: r.displayName,
  role: r.role as Role,
  mediatorId: r.mediatorId,
});

export function createUserRow(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { loginName: string; displayName: string; role: Role; password: string; mediatorId?: string | null },
): UserRow {
  const existing = ctx.db.orm.select({ id: users.id }).from(users).where(eq(users.loginName, input.loginName)).get();
  if (existing) throw new AppError('VALIDATION', `登录名“${input.loginName}”已被使用`, { loginName: '登录名已被使用' });
  const at = rfc3339(ctx.clock.now());
  const row = {
    id: newId(),
    loginName: input.loginName,
    displayName: input.displayName,
    role: input.role,
    passwordHash: hashPassword(input.password),
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    mediatorId: input.mediatorId ?? null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.db.orm.insert(users).values(row).run();
  return toUserRow(row);
}

export function listUsers(ctx: Pick<ServiceContext, 'db'>): UserRow[] {
  return ctx.db.orm.select().from(users).orderBy(asc(users.createdAt)).all().map(toUserRow);
}

function getUser(ctx: Pick<ServiceContext, 'db'>, userId: string): Row {
  const row = ctx.db.orm.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('NOT_FOUND', '找不到该用户');
  return row;
}

export function findUser(ctx: Pick<ServiceContext, 'db'>, userId: string): Row | undefined {
  return ctx.db.orm.select().from(users).where(eq(users.id, userId)).get();
}

export function createUser(ctx: ServiceContext, actor: Actor, input: Parameters<typeof createUserRow>[1]): UserRow {
  return ctx.db.sqlite.transaction(() => {
    const row = createUserRow(ctx, input);
    recordAudit(ctx, actor, { operation: 'users.create', entityKind: 'user', entityId: row.id, summary: `新增用户 ${row.loginName}（${row.displayName}）`, after: { loginName: row.loginName, role: row.role } });
    return row;
  })();
}

export function resetPassword(ctx: ServiceContext, actor: Actor, userId: string, password: string): void {
  ctx.db.sqlite.transaction(() => {
    const row = getUser(ctx, userId);
    ctx.db.orm
      .update(users)
      .set({ passwordHash: hashPassword(password), failedLogins: 0, lockedUntil: null, updatedAt: rfc3339(ctx.clock.now()) })
      .where(eq(users.id, userId))
      .run();
    recordAudit(ctx, actor, { operation: 'users.resetPassword', entityKind: 'user', entityId: userId, summary: `重置用户 ${row.loginName} 的密码` });
  })();
}

export function setUserActive(ctx: ServiceContext, actor: Actor, userId: string, active: boolean): UserRow {
  return ctx.db.sqlite.transaction(() => {
    const row = getUser(ctx, userId);
    if (!active && row.role === 'admin') {
      const activeAdmins = listUsers(ctx).filter((u) => u.role === 'admin' && u.active && u.id !== userId);
      if (activeAdmins.length === 0) throw new AppError('REFUSED', '不能停用最后一个管理员账号');
    }
    ctx.db.orm.update(users).set({ active, updatedAt: rfc3339(ctx.clock.now()) }).where(eq(users.id, userId)).run();
    recordAudit(ctx, actor, { operation: 'users.setActive', entityKind: 'user', entityId: userId, summary: `${active ? '启用' : '停用'}用户 ${row.loginName}` });
    return toUserRow(getUser(ctx, userId));
  })();
}

/**
 * Check a login. Wrong passwords count up to a lockout; the message never tells whether the
 * login name exists, so it cannot be used to discover accounts.
 */
export function authenticate(ctx: ServiceContext, login: string, password: string): Row {
  const now = ctx.clock.now();
  const row = ctx.db.orm.select().from(users).where(eq(users.loginName, login)).get();
  const bad = new AppError('BAD_CREDENTIALS', '登录名或密码错误');
  if (!row) {
    // Spend the same time as a real check so timing does not reveal which names exist.
    verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw bad;
  }
  if (row.lockedUntil && new Date(row.lockedUntil) > now) {
    throw new AppError('LOCKED_OUT', `连续输错密码次数过多，账号已锁定，请于 ${row.lockedUntil.slice(11, 16)} 后再试，或请管理员重置密码。`);
  }
  if (!row.active) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员');
  if (!verifyPassword(password, row.passwordHash)) {
    const failed = row.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    ctx.db.orm
      .update(users)
      .set({ failedLogins: lock ? 0 : failed, lockedUntil: lock ? rfc3339(new Date(now.getTime() + LOCK_MINUTES * 60_000)) : null })
      .where(eq(users.id, row.id))
      .run();
    ctx.logger.warn('login failed', { user: row.loginName, failed, locked: lock });
    if (lock) throw new AppError('LOCKED_OUT', `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定 ${LOCK_MINUTES} 分钟。`);
    const left = MAX_FAILED_LOGINS - failed;
    throw new AppError('BAD_CREDENTIALS', `登录名或密码错误（再错 ${left} 次将锁定账号）`);
  }
  if (row.failedLogins > 0 || row.lockedUntil) {
    ctx.db.orm.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id)).run();
  }
  return row;
}

export function changeOwnPassword(ctx: ServiceContext, actor: Actor & { id: string }, oldPassword: string, newPassword: string): void {
  const row = getUser(ctx, actor.id);
  if (!verifyPassword(oldPassword, row.passwordHash)) throw new AppError('BAD_CREDENTIALS', '原密码错误', { oldPassword: '原密码错误' });
  resetPassword(ctx, actor, actor.id, newPassword);
}
