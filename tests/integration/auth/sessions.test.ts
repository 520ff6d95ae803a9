/** Item 8 of issue 12: sessions end 12 h after sign-in whatever the activity; a password change ends the others. */
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_MAX_HOURS } from '../../../electron/services/auth/sessions';
import { ADMIN, startTestApp, type TestApp } from '../../support/backend';

let app: TestApp;
afterEach(() => app?.close());

describe('sessions', () => {
  it('end 12 hours after sign-in even when used all the time', async () => {
    app = await startTestApp();
    expect(SESSION_MAX_HOURS).toBe(12);
    const session = await app.login();
    // Busy all day: a call every 20 minutes, well inside the 30-minute idle time-out.
    for (let m = 20; m < 12 * 60; m += 20) {
      app.clock.advance(20 * 60_000);
      await app.call('auth.me', undefined, session);
    }
    // 11 h 40 min so far; one minute past 12 h it ends, though only 21 minutes idle.
    app.clock.advance(21 * 60_000);
    expect(await app.raw({ op: 'auth.me', session })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '登录已超时，请重新登录' },
    });
    // A fresh sign-in works.
    await app.call('auth.me', undefined, await app.login());
  });

  it('changing one’s own password ends one’s other sessions and keeps this one', async () => {
    app = await startTestApp();
    const here = await app.login();
    const elsewhere = await app.login();
    const admin2 = await app.login();
    await app.call('users.create', { loginName: 'liming', displayName: '李明', role: 'mediator', password: 'Mediator1' }, admin2);
    const someoneElse = await app.login('liming', 'Mediator1');

    await app.call('auth.changePassword', { oldPassword: ADMIN.password, newPassword: 'Xinmima2026' }, here);
    expect(await app.raw({ op: 'auth.me', session: elsewhere })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await app.raw({ op: 'auth.me', session: admin2 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await app.call('auth.me', undefined, here)).user.loginName).toBe(ADMIN.loginName);
    // Other people's sessions are untouched.
    expect((await app.call('auth.me', undefined, someoneElse)).user.loginName).toBe('liming');

    expect(await app.raw({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } })).toMatchObject({
      ok: false,
    });
    await app.login(ADMIN.loginName, 'Xinmima2026');
  });

  it('a wrong old password changes nothing and ends nothing', async () => {
    app = await startTestApp();
    const here = await app.login();
    const elsewhere = await app.login();
    const res = await app.raw({
      op: 'auth.changePassword',
      input: { oldPassword: 'NotMine99', newPassword: 'Xinmima2026' },
      session: here,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', fields: { oldPassword: '原密码错误' } } });
    await app.call('auth.me', undefined, elsewhere);
    await app.login();
  });
});
