/**
 * Initial passwords (issue 19): a user whose password an admin set (new account, reset) must
 * change it before doing anything else, and the backend refuses everything else until then.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_CHANGE_REQUIRED_MESSAGE } from '../../../electron/common/api/auth';
import { ADMIN, startTestApp, type TestApp } from '../../support/backend';

let app: TestApp;
let admin: string;
beforeEach(async () => {
  app = await startTestApp();
  admin = await app.login();
});
afterEach(() => app.close());

const NEW_USER = { loginName: 'zhaolei', displayName: '赵磊', role: 'mediator' as const, password: 'Chushi2026' };

async function createPending() {
  const res = await app.raw({ op: 'users.create', input: NEW_USER, session: admin });
  if (!res.ok) throw new Error(res.error.message);
  return res.data as { id: string; mustChangePassword: boolean };
}

async function loginRaw(password = NEW_USER.password) {
  const res = await app.raw({ op: 'auth.login', input: { loginName: NEW_USER.loginName, password }, session: null });
  if (!res.ok) throw new Error(res.error.message);
  return res.data as { session: string; user: { mustChangePassword: boolean } };
}

describe('a user created by an admin', () => {
  it('is told at login to change the password, and may do nothing else until then', async () => {
    const created = await createPending();
    expect(created.mustChangePassword).toBe(true);
    const { session, user } = await loginRaw();
    expect(user.mustChangePassword).toBe(true);
    for (const [op, input] of [
      ['cases.list', {}],
      ['cases.search', { q: '张' }],
      ['cases.register', {}],
      ['mediators.list', {}],
    ] as const) {
      const res = await app.raw({ op, input, session });
      expect(res, op).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: PASSWORD_CHANGE_REQUIRED_MESSAGE } });
    }
    // Who am I still answers (the screen needs it), and says the change is pending.
    const me = await app.raw({ op: 'auth.me', input: {}, session });
    expect(me).toMatchObject({ ok: true, data: { user: { mustChangePassword: true } } });
  });

  it('refuses the same password as the new one, then works normally after a real change', async () => {
    await createPending();
    const { session } = await loginRaw();
    const same = await app.raw({
      op: 'auth.changePassword',
      input: { oldPassword: NEW_USER.password, newPassword: NEW_USER.password },
      session,
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '新密码不能与原密码相同' } });
    const changed = await app.raw({
      op: 'auth.changePassword',
      input: { oldPassword: NEW_USER.password, newPassword: 'Ziji2026mima' },
      session,
    });
    expect(changed).toMatchObject({ ok: true });
    // The same session goes on, unblocked.
    expect(await app.raw({ op: 'cases.list', input: {}, session })).toMatchObject({ ok: true });
    const again = await loginRaw('Ziji2026mima');
    expect(again.user.mustChangePassword).toBe(false);
  });

  it('must change it again after an admin resets it, but not after changing it themselves', async () => {
    const created = await createPending();
    const first = await loginRaw();
    await app.call('auth.changePassword', { oldPassword: NEW_USER.password, newPassword: 'Ziji2026mima' }, first.session);
    await app.call('users.resetPassword', { userId: created.id, password: 'Chongzhi2026' }, admin);
    const afterReset = await loginRaw('Chongzhi2026');
    expect(afterReset.user.mustChangePassword).toBe(true);
    expect(await app.raw({ op: 'cases.list', input: {}, session: afterReset.session })).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_CHANGE_REQUIRED' },
    });
    const users = await app.call('users.list', {}, admin);
    expect(users.find((u) => u.id === created.id)?.mustChangePassword).toBe(true);
  });
});

describe('the admin who set up the centre', () => {
  it('chose the password and is not forced to change it', async () => {
    const res = await app.raw({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password }, session: null });
    expect(res).toMatchObject({ ok: true, data: { user: { mustChangePassword: false } } });
    expect(await app.raw({ op: 'users.list', input: {}, session: admin })).toMatchObject({ ok: true });
  });
});
