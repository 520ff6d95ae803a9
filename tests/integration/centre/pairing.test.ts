import { afterEach, describe, expect, it } from 'vitest';
import { PAIR_MAX_FAILURES } from '../../../electron/services/devices/pairing-guard';
import { startCentre, type Centre } from '../../support/centre';

let centre: Centre | undefined;
afterEach(async () => {
  await centre?.close();
  centre = undefined;
});

const pairWith = (c: Centre, code: string) => c.invoke({ op: 'devices.pair', input: { code } }, { token: null });

describe('pairing a workstation with a one-time code (HTTPS on 127.0.0.1)', () => {
  it('pairs with a fresh code, sets an HttpOnly Secure SameSite=Strict cookie and never returns the credential in the body', async () => {
    centre = await startCentre();
    const code = await centre.admin('devices.createPairingCode', { kind: 'desk', name: '一号调解室' });
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(code.expiresAt).getTime() - centre.clock.now().getTime()).toBe(10 * 60_000);

    const before = await centre.invoke({ op: 'devices.current' }, { token: null });
    expect(before.json).toEqual({
      ok: true,
      data: {
        mode: 'lan',
        // What an unpaired machine shows its user to compare before entering a code: the host's own certificate.
        host: { url: `https://127.0.0.1:${centre.port}/`, fingerprint: centre.fingerprint },
        device: null,
        centreName: '牧野区非诉讼服务中心',
      },
    });

    const res = await pairWith(centre, code.code.toLowerCase());
    expect(res.json.ok).toBe(true);
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/^md_device=[A-Za-z0-9_-]{43};/);
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) expect(setCookie).toContain(attr);
    const credential = setCookie.split(';')[0]!.split('=')[1]!;
    expect(res.body).not.toContain(credential);

    const cookie = setCookie.split(';')[0]!;
    const current = await centre.invoke({ op: 'devices.current' }, { cookie });
    expect(current.json.data).toMatchObject({ mode: 'lan', device: { name: '一号调解室', kind: 'desk' } });

    // Only a hash is stored: the credential is nowhere in the database file.
    const row = centre.backend.app.ctx.db.sqlite.prepare('SELECT credential_hash AS h FROM devices').get() as { h: string };
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    expect(row.h).not.toContain(credential);
    const codes = centre.backend.app.ctx.db.sqlite.prepare('SELECT code_hash AS h FROM pairing_codes').all() as { h: string }[];
    expect(codes.map((r) => r.h).join()).not.toContain(code.code.replace('-', ''));
  });

  it('accepts a code once: a second machine with the same code is refused', async () => {
    centre = await startCentre();
    const code = await centre.admin('devices.createPairingCode', { kind: 'kiosk', name: '大厅自助机' });
    const [a, b] = await Promise.all([pairWith(centre, code.code), pairWith(centre, code.code)]);
    const oks = [a, b].filter((r) => r.json.ok);
    expect(oks).toHaveLength(1);
    const refused = [a, b].find((r) => !r.json.ok)!;
    expect(refused.json.error?.code).toBe('DEVICE_UNPAIRED');
    expect(refused.json.error?.message).toContain('已使用过');
    expect(refused.headers['set-cookie']).toBeUndefined();
    const again = await pairWith(centre, code.code);
    expect(again.json.error?.message).toContain('已使用过');
    expect(await centre.admin('devices.list')).toHaveLength(1);
  });

  it('refuses a wrong code and an expired one with clear messages', async () => {
    centre = await startCentre();
    const wrong = await pairWith(centre, 'ABCD-EFGH');
    expect(wrong.json.error).toMatchObject({ code: 'DEVICE_UNPAIRED' });
    expect(wrong.json.error?.message).toContain('配对码不正确');

    const code = await centre.admin('devices.createPairingCode', { kind: 'display', name: '大厅叫号屏' });
    centre.clock.advance(10 * 60_000 + 1000);
    const late = await pairWith(centre, code.code);
    expect(late.json.error?.message).toContain('已过期');
    expect(await centre.admin('devices.list')).toHaveLength(0);
  });

  it('limits wrong attempts from one address, then refuses even a right code for a while', async () => {
    centre = await startCentre();
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) expect((await pairWith(centre, `WRNG-000${i}`)).json.error?.code).toBe('DEVICE_UNPAIRED');
    const code = await centre.admin('devices.createPairingCode', { kind: 'desk', name: '二号调解室' });
    const blocked = await pairWith(centre, code.code);
    expect(blocked.json.error).toMatchObject({ code: 'REFUSED' });
    expect(blocked.json.error?.message).toContain('次数过多');
    centre.clock.advance(10 * 60_000 + 1000);
    expect((await pairWith(centre, code.code)).json.error?.message).toContain('已过期');
  });

  it('a pairing code needs the admin; the loopback host (no LAN) cannot pair at all', async () => {
    centre = await startCentre();
    const { cookie } = await centre.pair('desk');
    const asDevice = await centre.invoke({ op: 'devices.createPairingCode', input: { kind: 'desk', name: 'x' } }, { cookie });
    expect(asDevice.json.error?.code).toBe('UNAUTHENTICATED');
    await centre.close();

    centre = await startCentre({ lan: false });
    const code = await centre.admin('devices.createPairingCode', { kind: 'desk', name: '本机' });
    const res = await centre.invoke({ op: 'devices.pair', input: { code: code.code } });
    expect(res.json.error?.code).toBe('REFUSED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('lists, renames and revokes devices; revocation takes effect on the next request and is audited with the device', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk', '三号调解室');
    expect((await centre.invoke({ op: 'setup.status' }, { cookie: desk.cookie })).json.ok).toBe(true);
    const list = await centre.admin('devices.list');
    expect(list).toEqual([
      expect.objectContaining({ id: desk.deviceId, name: '三号调解室', kind: 'desk', lastAddress: '127.0.0.1', revokedAt: null }),
    ]);

    const renamed = await centre.admin('devices.rename', { id: desk.deviceId, name: '四号调解室' });
    expect(renamed.name).toBe('四号调解室');
    await centre.admin('devices.revoke', { id: desk.deviceId });

    const next = await centre.invoke({ op: 'auth.me' }, { cookie: desk.cookie });
    expect(next.status).toBe(401);
    expect(next.json.error?.code).toBe('DEVICE_REVOKED');
    expect(next.json.error?.message).toContain('停用');
    const current = await centre.invoke({ op: 'devices.current' }, { cookie: desk.cookie });
    expect(current.json.data).toMatchObject({ device: null });

    const audit = centre.backend.app.ctx.db.sqlite
      .prepare("SELECT operation, device_id AS deviceId FROM audit WHERE entity_kind = 'device' ORDER BY id")
      .all() as { operation: string; deviceId: string | null }[];
    expect(audit.map((a) => a.operation)).toEqual(['device.pairingCode', 'device.pair', 'device.rename', 'device.revoke']);
    expect(audit.find((a) => a.operation === 'device.pair')?.deviceId).toBe(desk.deviceId);
  });

  it('refuses a forged credential and a replayed one after revocation, logs the refusals and never the credential', async () => {
    centre = await startCentre();
    const kiosk = await centre.pair('kiosk', '自助机');
    const credential = kiosk.cookie.split('=')[1]!;
    const forged = `md_device=${'A'.repeat(43)}`;
    const f = await centre.invoke({ op: 'intake.kioskInfo' }, { cookie: forged });
    expect(f.json.error?.code).toBe('DEVICE_UNPAIRED');
    await centre.admin('devices.revoke', { id: kiosk.deviceId });
    const replay = await centre.invoke({ op: 'intake.kioskInfo' }, { cookie: kiosk.cookie });
    expect(replay.json.error?.code).toBe('DEVICE_REVOKED');

    await centre.restart(); // closes the logger, so every line is on disk
    const log = centre.logText();
    expect(log).toContain('device refused');
    expect(log).toContain('DEVICE_REVOKED');
    expect(log).not.toContain(credential);
    expect(log).not.toContain('A'.repeat(43));
  });
});
