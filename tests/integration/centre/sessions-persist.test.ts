/**
 * Issue 13: a host restart does not sign the centre out. Sessions are kept in the database as
 * SHA-256 hashes; the token itself is never stored or logged. Logged-out, expired, revoked and
 * foreign-machine tokens stay refused across the restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_TOUCH_MS } from '../../../electron/services/auth/sessions';
import { dataPaths } from '../../../electron/services/data-dir';
import { ADMIN } from '../../support/backend';
import { startCentre, type Centre } from '../../support/centre';

let centre: Centre | undefined;
afterEach(async () => {
  await centre?.close();
  centre = undefined;
});

async function login(c: Centre, cookie?: string, who = ADMIN): Promise<string> {
  const res = await c.invoke({ op: 'auth.login', input: { loginName: who.loginName, password: who.password } }, cookie ? { cookie } : {});
  if (!res.json.ok) throw new Error(res.body);
  return (res.json.data as { session: string }).session;
}

const me = (c: Centre, session: string, cookie?: string) => c.invoke({ op: 'auth.me', session }, cookie ? { cookie } : {});

/** Every byte of the data dir's database files and logs, as text, to look for a token in. */
function everythingOnDisk(c: Centre): string {
  const files = [dataPaths(c.dataDir).database, `${dataPaths(c.dataDir).database}-wal`];
  const logs = dataPaths(c.dataDir).logs;
  if (fs.existsSync(logs)) files.push(...fs.readdirSync(logs).map((f) => path.join(logs, f)));
  return files
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('\n');
}

describe('sessions survive a host restart', () => {
  it('the same token works after a restart; the database and logs never hold it in clear', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk', '一号调解室');
    const session = await login(centre, desk.cookie);
    expect((await me(centre, session, desk.cookie)).json).toMatchObject({ ok: true, data: { user: { loginName: ADMIN.loginName } } });

    await centre.restart();
    const after = await me(centre, session, desk.cookie);
    expect(after.json).toMatchObject({ ok: true, data: { user: { loginName: ADMIN.loginName } } });

    const stored = new Database(dataPaths(centre.dataDir).database, { readonly: true });
    try {
      const rows = stored.prepare('SELECT token_hash, device_id FROM login_sessions').all() as { token_hash: string; device_id: string }[];
      expect(rows.some((r) => r.device_id === desk.deviceId && /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    } finally {
      stored.close();
    }
    expect(everythingOnDisk(centre)).not.toContain(session);
  });

  it('a logged-out token stays out after the restart; the idle time-out still counts across it', async () => {
    centre = await startCentre();
    const out = await login(centre);
    const idle = await login(centre);
    const busy = await login(centre);
    await centre.invoke({ op: 'auth.logout', session: out });
    await centre.restart();
    expect((await me(centre, out)).json.error?.code).toBe('UNAUTHENTICATED');

    // 25 minutes later the busy one is used, the idle one not; 10 more and the idle one is past 30.
    centre.clock.advance(25 * 60_000);
    expect((await me(centre, busy)).json.ok).toBe(true);
    await centre.restart();
    centre.clock.advance(10 * 60_000);
    expect((await me(centre, idle)).json).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '登录已超时，请重新登录' },
    });
    expect((await me(centre, busy)).json.ok).toBe(true);
  });

  it('writes the last-seen time at most every half minute, and still never lets a busy session idle out', async () => {
    centre = await startCentre();
    const session = await login(centre);
    const lastSeen = () => {
      const db = new Database(dataPaths(centre!.dataDir).database, { readonly: true });
      try {
        return db.prepare('SELECT created_at AS c, last_seen_at AS s FROM login_sessions').get() as { c: number; s: number };
      } finally {
        db.close();
      }
    };
    const start = lastSeen();
    centre.clock.advance(SESSION_TOUCH_MS - 5_000);
    expect((await me(centre, session)).json.ok).toBe(true);
    expect(lastSeen().s).toBe(start.s);
    centre.clock.advance(10_000);
    expect((await me(centre, session)).json.ok).toBe(true);
    expect(lastSeen().s).toBe(start.c + SESSION_TOUCH_MS + 5_000);
    // A call every 20 s for 40 minutes: each refresh is at most SESSION_TOUCH_MS late, never an idle-out.
    for (let t = 0; t < 40 * 60_000; t += 20_000) {
      centre.clock.advance(20_000);
      expect((await me(centre, session)).json.ok).toBe(true);
    }
  });

  it('a session is good only from the machine it began on, and ends when that machine is revoked', async () => {
    centre = await startCentre();
    const a = await centre.pair('desk', '甲');
    const b = await centre.pair('desk', '乙');
    const session = await login(centre, a.cookie);
    const other = await me(centre, session, b.cookie);
    expect(other.json.error?.code).toBe('UNAUTHENTICATED');
    // Nor from the host's own window with the launch token.
    expect((await me(centre, session)).json.error?.code).toBe('UNAUTHENTICATED');
    expect((await me(centre, session, a.cookie)).json.ok).toBe(true);

    await centre.admin('devices.revoke', { id: a.deviceId });
    await centre.restart();
    // Re-pairing the same physical machine gives a new device: the old sign-in does not come back.
    const again = await centre.pair('desk', '甲');
    expect((await me(centre, session, again.cookie)).json.error?.code).toBe('UNAUTHENTICATED');
    const rows = new Database(dataPaths(centre.dataDir).database, { readonly: true });
    try {
      expect(rows.prepare('SELECT count(*) AS n FROM login_sessions WHERE device_id = ?').get(a.deviceId)).toEqual({ n: 0 });
    } finally {
      rows.close();
    }
  });

  it('a disabled user and a reset password end the stored sessions too', async () => {
    centre = await startCentre();
    await centre.admin('users.create', { loginName: 'liming', displayName: '李明', role: 'mediator', password: 'Mediator1' });
    const liming = { loginName: 'liming', password: 'Mediator1' } as typeof ADMIN;
    const s1 = await login(centre, undefined, liming);
    const users = await centre.admin('users.list');
    const id = users.find((u) => u.loginName === 'liming')!.id;
    await centre.admin('users.resetPassword', { userId: id, password: 'Mediator2' });
    await centre.restart();
    expect((await me(centre, s1)).json.error?.code).toBe('UNAUTHENTICATED');

    const s2 = await login(centre, undefined, { ...liming, password: 'Mediator2' });
    await centre.admin('users.setActive', { userId: id, active: false });
    await centre.restart();
    expect((await me(centre, s2)).json.error?.code).toBe('UNAUTHENTICATED');
  });

  it('a forged or oversized token is simply not a session', async () => {
    centre = await startCentre();
    await login(centre);
    for (const forged of ['', 'x', 'A'.repeat(43), 'A'.repeat(10_000), "' OR 1=1 --"]) {
      expect((await me(centre, forged)).json.ok, forged.slice(0, 20)).toBe(false);
    }
  });
});
