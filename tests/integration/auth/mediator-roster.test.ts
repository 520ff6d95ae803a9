/**
 * A new centre's first day (#18): a user created with a mediating role is on the roster at once, so
 * 指派调解员 offers them and 开始调解 works; an existing entry of the same name is linked, not doubled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../electron/common/roles';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp;
afterEach(() => app?.close());

const user = (loginName: string, displayName: string, role: Role) => ({ loginName, displayName, role, password: 'Tiaojie2026' });

describe('users who mediate and the roster', () => {
  it('puts a new 人民调解员 on the roster, who can then be assigned and start a case', async () => {
    app = await startTestApp();
    const s = await app.login();
    const u = await app.call('users.create', user('wangfang', '王芳', 'mediator'), s);
    expect(u.mediatorId).toBeTruthy();
    const roster = await app.call('mediators.list', { status: 'active' }, s);
    expect(roster.map((m) => [m.id, m.name, m.kind])).toEqual([[u.mediatorId, '王芳', 'resident']]);

    let c = await app.call('cases.register', walkInCase(), s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: u.mediatorId! }, s);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'start' }, s);
    expect(c.status).toBe('mediating');
    // The mediator signs in and finds the case as theirs.
    const own = await app.login('wangfang', 'Tiaojie2026');
    expect((await app.call('auth.me', undefined, own)).user.mediatorId).toBe(u.mediatorId);
  });

  it('links the one free roster entry of the same name instead of adding a second', async () => {
    app = await startTestApp();
    const s = await app.login();
    const entry = await app.call('mediators.create', { name: '赵大勇', kind: 'invited', specialties: [] }, s);
    const u = await app.call('users.create', user('zhaodayong', '赵大勇', 'court_mediator'), s);
    expect(u.mediatorId).toBe(entry.id);
    // A second user of the same name gets an entry of their own: one entry never serves two logins.
    const twin = await app.call('users.create', user('zhaodayong2', '赵大勇', 'court_mediator'), s);
    expect(twin.mediatorId).not.toBe(entry.id);
    const roster = await app.call('mediators.list', {}, s);
    expect(roster.filter((m) => m.name === '赵大勇').map((m) => m.kind)).toEqual(['invited', 'invited']);
  });

  it('gives no roster entry to roles that do not mediate', async () => {
    app = await startTestApp();
    const s = await app.login();
    const clerk = await app.call('users.create', user('dengji', '登记员小李', 'intake'), s);
    expect(clerk.mediatorId).toBeNull();
    expect(await app.call('mediators.list', {}, s)).toEqual([]);
  });

  it('creates a login for a roster entry from the roster; a made-up entry is refused; null means deliberately none', async () => {
    app = await startTestApp();
    const s = await app.login();
    const entry = await app.call('mediators.create', { name: '孙立', kind: 'resident', specialties: [] }, s);
    expect(entry.hasLogin).toBe(false);
    const u = await app.call('users.create', { ...user('sunli', '孙立', 'mediator'), mediatorId: entry.id }, s);
    expect(u.mediatorId).toBe(entry.id);
    expect((await app.call('mediators.list', {}, s)).find((m) => m.id === entry.id)?.hasLogin).toBe(true);
    const madeUp = '01a23eff-cd2c-77e2-a49e-41218451c37b';
    expect(
      await app.raw({ op: 'users.create', session: s, input: { ...user('ghost', '无名', 'mediator'), mediatorId: madeUp } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '名册中找不到该调解员' },
    });
    const none = await app.call('users.create', { ...user('helper', '孙立', 'mediator'), mediatorId: null }, s);
    expect(none.mediatorId).toBeNull();
  });
});
