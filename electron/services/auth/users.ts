/**
 * Users, passwords and sign-in. Sessions are in sessions.ts and lockouts in lockout.ts (both in
 * memory); hashing is in passwords.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import { users } from '../../../db/schema';
import { LOGIN_REFUSED_MESSAGE, type SessionUser, type UserRow } from '../../common/api/auth';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/roles';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { assertOnRoster, rosterEntryForNewUser } from '../roster/mediators';
import type { LoginLockout } from './lockout';

type Row = typeof users.$inferSelect;

/** `lockedUntil` comes from the lockout table (the users table's old column is no longer used). */
const toUserRow = (r: Row, lockedUntil: Date | null = null): UserRow => ({
  id: r.id,
  loginName: r.loginName,
  displayName: r.displayName,
  role: r.role,
  mediatorId: r.mediatorId,
  mustChangePassword: r.mustChangePassword,
  active: r.active,
  lockedUntil: lockedUntil ? rfc3339(lockedUntil) : null,
  createdAt: r.createdAt,
});

export const toSessionUser = (r: Row | UserRow): SessionUser => ({
  id: r.id,
  loginName: r.loginName,
  displayName: r.displayName,
  role: r.role,
  mediatorId: r.mediatorId,
  mustChangePassword: r.mustChangePassword,
});

interface NewUser {
  loginName: string;
  displayName: string;
  role: Role;
  password: string;
  mediatorId?: string | null;
}

/** Inserts the user with an already computed hash (hashing is slow and must stay outside transactions). */
export function createUserRow(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: Omit<NewUser, 'password'> & { passwordHash: string; mustChangePassword?: boolean },
): UserRow {
  const existing = ctx.db.orm.select({ id: users.id }).from(users).where(eq(users.loginName, input.loginName)).get();
  if (existing) throw new AppError('VALIDATION', `登录名“${input.loginName}”已被使用`, { loginName: '登录名已被使用' });
  const at = rfc3339(ctx.clock.now());
  const row = {
    id: newId(),
    loginName: input.loginName,
    displayName: input.displayName,
    role: input.role,
    passwordHash: input.passwordHash,
    active: true,
    failedLogins: 0,
    lockedUntil: null,
    mediatorId: input.mediatorId ?? null,
    mustChangePassword: input.mustChangePassword ?? false,
    createdAt: at,
    updatedAt: at,
  };
  ctx.db.orm.insert(users).values(row).run();
  return toUserRow(row);
}

export function listUsers(ctx: Pick<ServiceContext, 'db'>, lockout?: LoginLockout): UserRow[] {
  return ctx.db.orm
    .select()
    .from(users)
    .orderBy(asc(users.createdAt))
    .all()
    .map((r) => toUserRow(r, lockout?.lockedUntil(r.loginName) ?? null));
}

function getUser(ctx: Pick<ServiceContext, 'db'>, userId: string): Row {
  const row = ctx.db.orm.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('NOT_FOUND', '找不到该用户');
  return row;
}

export function findUser(ctx: Pick<ServiceContext, 'db'>, userId: string): Row | undefined {
  return ctx.db.orm.select().from(users).where(eq(users.id, userId)).get();
}

export async function createUser(ctx: ServiceContext, actor: Actor, input: NewUser): Promise<UserRow> {
  const { password, ...rest } = input;
  const passwordHash = await ctx.passwords.hash(password);
  return ctx.db.sqlite.transaction(() => {
    // A user who mediates is on the roster from the start (linked or added), so cases can be assigned to them.
    // Given: that entry (which must exist); null: deliberately none; left out: linked or added by name.
    if (rest.mediatorId) assertOnRoster(ctx, rest.mediatorId);
    const mediatorId = rest.mediatorId === undefined ? rosterEntryForNewUser(ctx, actor, rest) : rest.mediatorId;
    // The admin chose this password: the user replaces it at first login.
    const row = createUserRow(ctx, { ...rest, mediatorId, passwordHash, mustChangePassword: true });
    recordAudit(ctx, actor, {
      operation: 'users.create',
      entityKind: 'user',
      entityId: row.id,
      summary: `新增用户 ${row.loginName}（${row.displayName}）${mediatorId ? '，已关联调解员名册' : ''}`,
      after: { loginName: row.loginName, role: row.role },
    });
    return row;
  })();
}

/**
 * Sets a new password (the caller ends the user's sessions and lifts the locks); returns the login
 * name. A password someone else set (an admin's reset) must be changed by the user at next login.
 */
export async function resetPassword(ctx: ServiceContext, actor: Actor, userId: string, password: string): Promise<string> {
  getUser(ctx, userId);
  const passwordHash = await ctx.passwords.hash(password);
  return ctx.db.sqlite.transaction(() => {
    const row = getUser(ctx, userId);
    ctx.db.orm
      .update(users)
      .set({
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        mustChangePassword: actor.id !== userId,
        updatedAt: rfc3339(ctx.clock.now()),
      })
      .where(eq(users.id, userId))
      .run();
    recordAudit(ctx, actor, {
      operation: 'users.resetPassword',
      entityKind: 'user',
      entityId: userId,
      summary: `重置用户 ${row.loginName} 的密码`,
    });
    return row.loginName;
  })();
}

export function setUserActive(ctx: ServiceContext, actor: Actor, userId: string, active: boolean): UserRow {
  return ctx.db.sqlite.transaction(() => {
    const row = getUser(ctx, userId);
    if (!active && row.role === 'admin') {
      const activeAdmins = listUsers(ctx).filter((u) => u.role === 'admin' && u.active && u.id !== userId);
      if (activeAdmins.length === 0) throw new AppError('REFUSED', '不能停用最后一个管理员账号');
    }
    ctx.db.orm
      .update(users)
      .set({ active, updatedAt: rfc3339(ctx.clock.now()) })
      .where(eq(users.id, userId))
      .run();
    recordAudit(ctx, actor, {
      operation: 'users.setActive',
      entityKind: 'user',
      entityId: userId,
      summary: `${active ? '启用' : '停用'}用户 ${row.loginName}`,
    });
    return toUserRow(getUser(ctx, userId));
  })();
}

/** Lifts every login lock of the user, at every source; returns how many there were. */
export function unlockUser(ctx: ServiceContext, lockout: LoginLockout, actor: Actor, userId: string): UserRow {
  const row = getUser(ctx, userId);
  const lifted = lockout.unlock(row.loginName);
  recordAudit(ctx, actor, {
    operation: 'users.unlock',
    entityKind: 'user',
    entityId: userId,
    summary: `解除用户 ${row.loginName} 的登录锁定（${lifted} 处）`,
  });
  return toUserRow(row);
}

/**
 * Checks a login from `source` (see source-key.ts). Every refusal (unknown name, wrong password,
 * disabled account, locked at this source) throws the same error after the same work: exactly one
 * scrypt, against the dummy hash when the name is unknown. Refusals count towards the lock of the
 * name at this source, whether the name exists or not. A hash of a lower cost than the current
 * one is replaced after a successful check.
 */
export async function authenticate(
  ctx: ServiceContext,
  lockout: LoginLockout,
  source: string,
  loginName: string,
  password: string,
): Promise<Row> {
  const row = ctx.db.orm.select().from(users).where(eq(users.loginName, loginName)).get();
  const locked = lockout.isLocked(loginName, source);
  const matches = await ctx.passwords.verify(password, row?.passwordHash ?? null);
  if (!row || !row.active || locked || !matches) {
    const reason = !row ? 'unknown' : locked ? 'locked' : !matches ? 'password' : 'disabled';
    // Tries made while locked do not extend the lock: it ends when it said it would.
    const nowLocked = !locked && lockout.failed(loginName, source);
    ctx.logger.warn('login refused', { user: loginName, source, reason, locked: locked || nowLocked });
    throw new AppError('BAD_CREDENTIALS', LOGIN_REFUSED_MESSAGE);
  }
  lockout.succeeded(loginName, source);
  if (ctx.passwords.needsRehash(row.passwordHash)) {
    const passwordHash = await ctx.passwords.hash(password);
    // Only if the hash is still the one checked: a reset in between wins.
    ctx.db.orm
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash)))
      .run();
    ctx.logger.info('password rehashed at the current cost', { user: loginName });
    return { ...row, passwordHash };
  }
  return row;
}

/** Checks the old password and sets the new one; the caller ends the user's other sessions. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  actor: Actor & { id: string },
  oldPassword: string,
  newPassword: string,
): Promise<void> {
  const row = getUser(ctx, actor.id);
  if (!(await ctx.passwords.verify(oldPassword, row.passwordHash)))
    throw new AppError('BAD_CREDENTIALS', '原密码错误', { oldPassword: '原密码错误' });
  if (oldPassword === newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同', { newPassword: '新密码不能与原密码相同' });
  await resetPassword(ctx, actor, actor.id, newPassword);
}
