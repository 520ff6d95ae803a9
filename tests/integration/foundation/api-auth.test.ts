import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_REFUSED_MESSAGE } from '../../../electron/common/api/auth';
import { ADMIN, CENTRE, startTestApp, type TestApp } from '../../support/backend';

let app: TestApp;
afterEach(() => app?.close());

describe('first run and sign-in through the API contract', () => {
  it('reports no centre, then sets up once and refuses a second setup', async () => {
    app = await startTestApp({ setUp: false });
    expect(await app.call('setup.status', undefined)).toEqual({ setUp: false, centre: null });
    const centre = await app.call('setup.create', { centre: CENTRE, admin: ADMIN });
    expect(centre.centreCode).toBe('410711001');
    expect(centre.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await app.call('setup.status', undefined)).toEqual({
      setUp: true,
      centre: { name: CENTRE.name, centreCode: CENTRE.centreCode },
    });
    const again = await app.raw({ op: 'setup.create', input: { centre: CENTRE, admin: { ...ADMIN, loginName: 'other' } } });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });

  it('refuses a bad centre code and a weak password with Chinese field messages', async () => {
    app = await startTestApp({ setUp: false });
    const res = await app.raw({
      op: 'setup.create',
      input: { centre: { ...CENTRE, centreCode: '4107' }, admin: { ...ADMIN, password: 'short' } },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.fields?.['centre.centreCode']).toContain('9 位数字');
    expect(res.error.fields?.['admin.password']).toContain('至少 8 位');
    expect(await app.call('setup.status', undefined)).toMatchObject({ setUp: false });
  });

  it('logs in, answers me, and logs out', async () => {
    app = await startTestApp();
    const session = await app.login();
    const me = await app.call('auth.me', undefined, session);
    expect(me.user).toMatchObject({ loginName: 'admin', role: 'admin', displayName: ADMIN.displayName });
    await app.call('auth.logout', undefined, session);
    expect(await app.raw({ op: 'auth.me', session })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('locks the account at this machine after five wrong passwords, even for the right password, with the same answer', async () => {
    app = await startTestApp();
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++)
      answers.add(JSON.stringify(await app.raw({ op: 'auth.login', input: { loginName: 'admin', password: 'wrong-pass1' } })));
    const right = await app.raw({ op: 'auth.login', input: { loginName: 'admin', password: ADMIN.password } });
    answers.add(JSON.stringify(right));
    // Counting down or saying "locked" would tell a stranger that the account exists.
    expect([...answers]).toEqual([JSON.stringify({ ok: false, error: { code: 'BAD_CREDENTIALS', message: LOGIN_REFUSED_MESSAGE } })]);
    app.clock.advance(16 * 60_000);
    expect(await app.raw({ op: 'auth.login', input: { loginName: 'admin', password: ADMIN.password } })).toMatchObject({ ok: true });
  });

  it('does not reveal whether a login name exists', async () => {
    app = await startTestApp();
    const res = await app.raw({ op: 'auth.login', input: { loginName: 'nobody', password: 'whatever1' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', message: LOGIN_REFUSED_MESSAGE } });
  });

  it('ends a session after the configured idle time', async () => {
    app = await startTestApp();
    const session = await app.login();
    await app.call('settings.update', { sessionIdleMinutes: 10 }, session);
    app.clock.advance(9 * 60_000);
    await app.call('auth.me', undefined, session); // activity refreshes it
    app.clock.advance(11 * 60_000);
    expect(await app.raw({ op: 'auth.me', session })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '登录已超时，请重新登录' },
    });
  });
});

describe('users and roles', () => {
  it('lets an admin add a mediator who can log in but may not manage users', async () => {
    app = await startTestApp();
    const admin = await app.login();
    const created = await app.call(
      'users.create',
      { loginName: 'liming', displayName: '李明', role: 'mediator', password: 'Mediator1' },
      admin,
    );
    expect(created).toMatchObject({ loginName: 'liming', role: 'mediator', active: true });
    const mediator = await app.login('liming', 'Mediator1');
    expect(await app.raw({ op: 'users.list', session: mediator })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.call('users.list', undefined, admin)).map((u) => u.loginName)).toEqual(['admin', 'liming']);
  });

  it('refuses a duplicate login name', async () => {
    app = await startTestApp();
    const admin = await app.login();
    const res = await app.raw({
      op: 'users.create',
      input: { loginName: 'admin', displayName: '重复', role: 'intake', password: 'Intake123' },
      session: admin,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { loginName: '登录名已被使用' } } });
  });

  it('resets a password and signs the user out; a disabled user cannot log in', async () => {
    app = await startTestApp();
    const admin = await app.login();
    const u = await app.call('users.create', { loginName: 'zhang', displayName: '张三', role: 'intake', password: 'Intake123' }, admin);
    const old = await app.login('zhang', 'Intake123');
    await app.call('users.resetPassword', { userId: u.id, password: 'NewPass99' }, admin);
    expect(await app.raw({ op: 'auth.me', session: old })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await app.login('zhang', 'NewPass99');
    await app.call('users.setActive', { userId: u.id, active: false }, admin);
    expect(await app.raw({ op: 'auth.login', input: { loginName: 'zhang', password: 'NewPass99' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: LOGIN_REFUSED_MESSAGE },
    });
  });

  it('will not let the last admin be disabled', async () => {
    app = await startTestApp();
    const admin = await app.login();
    const me = await app.call('auth.me', undefined, admin);
    const res = await app.raw({ op: 'users.setActive', input: { userId: me.user.id, active: false }, session: admin });
    expect(res).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });
});

describe('the dispatcher at the boundary', () => {
  it('answers unknown operations, malformed requests and prototype names with typed errors', async () => {
    app = await startTestApp();
    expect(await app.raw({ op: 'cases.dropAll' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await app.raw({ op: '__proto__' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await app.raw({ op: 'toString' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await app.raw('not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.raw({ op: 'users.list' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const res = await app.raw({ op: 'auth.login', input: { loginName: 42 } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(JSON.stringify(res.error)).not.toMatch(/at .*\.ts|Error:/);
  });

  it('writes an audit event for sign-in and user changes', async () => {
    app = await startTestApp();
    const admin = await app.login();
    // raw(): call() would also do the new user's first-login password change (and audit it).
    const input = { loginName: 'wang', displayName: '王五', role: 'court_mediator', password: 'Court1234' };
    expect(await app.raw({ op: 'users.create', input, session: admin })).toMatchObject({ ok: true });
    const rows = app.backend.app.ctx.db.sqlite.prepare('SELECT operation, actor_name FROM audit ORDER BY id').all() as {
      operation: string;
      actor_name: string;
    }[];
    // A 驻院调解员 goes on the roster with their account: that is audited too, before the account.
    expect(rows.map((r) => r.operation)).toEqual(['setup.create', 'auth.login', 'mediators.create', 'users.create']);
    expect(() => app.backend.app.ctx.db.sqlite.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
  });
});
