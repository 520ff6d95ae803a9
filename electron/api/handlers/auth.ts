import type { authOps, usersOps } from '../../common/api/auth';
import { AppError } from '../../common/errors';
import { requireCentre } from '../../services/centre';
import { recordAudit } from '../../services/core/audit';
import { getSettings } from '../../services/core/centre-settings-store';
import { sourceKey } from '../../services/auth/source-key';
import {
  authenticate,
  changeOwnPassword,
  createUser,
  listUsers,
  resetPassword,
  setUserActive,
  toSessionUser,
  unlockUser,
} from '../../services/auth/users';
import type { AppServices } from '../../app-services';
import type { Handlers } from '../handler';

const lockoutOf = (app: AppServices) => app.loginLockout;

export const authHandlers: Handlers<typeof authOps> = {
  'auth.login': async (input, { app, source }) => {
    requireCentre(app.ctx);
    const row = await authenticate(app.ctx, lockoutOf(app), sourceKey(source), input.loginName, input.password);
    const user = toSessionUser(row);
    recordAudit(
      app.ctx,
      { id: user.id, name: user.displayName, role: user.role },
      { operation: 'auth.login', entityKind: 'user', entityId: user.id, summary: `${user.displayName} 登录` },
    );
    return { session: app.sessions.create(user.id, source.deviceId), user, idleMinutes: getSettings(app.ctx).sessionIdleMinutes };
  },
  'auth.logout': (_input, { app, session }) => {
    app.sessions.end(session);
    return { ok: true };
  },
  'auth.me': (_input, { app, user }) => ({ user, idleMinutes: getSettings(app.ctx).sessionIdleMinutes }),
  'auth.changePassword': async (input, { app, actor, session }) => {
    await changeOwnPassword(app.ctx, actor, input.oldPassword, input.newPassword);
    // Whoever else knew the old password is signed out; this window stays signed in.
    app.sessions.endAllFor(actor.id, session);
    return { ok: true };
  },
};

export const usersHandlers: Handlers<typeof usersOps> = {
  'users.list': (_input, { app }) => listUsers(app.ctx, lockoutOf(app)),
  'users.create': (input, { app, actor }) => createUser(app.ctx, actor, input),
  'users.resetPassword': async (input, { app, actor }) => {
    const loginName = await resetPassword(app.ctx, actor, input.userId, input.password);
    // A reset password signs the user out everywhere (whoever knew the old one is out) and lifts the locks.
    app.sessions.endAllFor(input.userId);
    lockoutOf(app).unlock(loginName);
    return { ok: true };
  },
  'users.unlock': (input, { app, actor }) => unlockUser(app.ctx, lockoutOf(app), actor, input.userId),
  'users.setActive': (input, { app, actor }) => {
    if (input.userId === actor.id && !input.active) throw new AppError('REFUSED', '不能停用自己的账号');
    const row = setUserActive(app.ctx, actor, input.userId, input.active);
    if (!input.active) app.sessions.endAllFor(input.userId);
    return row;
  },
};
