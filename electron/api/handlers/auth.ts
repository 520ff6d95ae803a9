import type { authOps, usersOps } from '../../common/api/auth';
import { AppError } from '../../common/errors';
import { requireCentre } from '../../services/centre';
import { recordAudit } from '../../services/core/audit';
import { getSettings } from '../../services/core/settings';
import { authenticate, changeOwnPassword, createUser, listUsers, resetPassword, setUserActive, toSessionUser } from '../../services/auth/users';
import type { Handlers } from '../handler';

export const authHandlers: Handlers<typeof authOps> = {
  'auth.login': (input, { app }) => {
    requireCentre(app.ctx);
    const row = authenticate(app.ctx, input.loginName, input.password);
    const user = toSessionUser(row);
    recordAudit(app.ctx, { id: user.id, name: user.displayName, role: user.role }, { operation: 'auth.login', entityKind: 'user', entityId: user.id, summary: `${user.displayName} 登录` });
    return { session: app.sessions.create(user.id), user, idleMinutes: getSettings(app.ctx).sessionIdleMinutes };
  },
  'auth.logout': (_input, { app, session }) => {
    app.sessions.end(session);
    return { ok: true };
  },
  'auth.me': (_input, { app, user }) => ({ user, idleMinutes: getSettings(app.ctx).sessionIdleMinutes }),
  'auth.changePassword': (input, { app, actor }) => {
    changeOwnPassword(app.ctx, actor, input.oldPassword, input.newPassword);
    return { ok: true };
  },
};

export const usersHandlers: Handlers<typeof usersOps> = {
  'users.list': (_input, { app }) => listUsers(app.ctx),
  'users.create': (input, { app, actor }) => createUser(app.ctx, actor, input),
  'users.resetPassword': (input, { app, actor }) => {
    resetPassword(app.ctx, actor, input.userId, input.password);
    // A reset password signs the user out everywhere: whoever knew the old one is out.
    app.sessions.endAllFor(input.userId);
    return { ok: true };
  },
  'users.setActive': (input, { app, actor }) => {
    if (input.userId === actor.id && !input.active) throw new AppError('REFUSED', '不能停用自己的账号');
    const row = setUserActive(app.ctx, actor, input.userId, input.active);
    if (!input.active) app.sessions.endAllFor(input.userId);
    return row;
  },
};
