/**
 * Issue 13, the desktop app's centre modes, with real parts where Electron is not needed: the
 * banner a real LAN host prints is what main reads to pin and open its own window; the host's
 * secrets relayed from main reach the services and changes go back; the credential a real host
 * sets at pairing is the one the workstation keeps; `cli machine` writes the mode the app reads.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_COOKIE } from '../../../electron/common/api/devices';
import { readCentreMode } from '../../../electron/common/centre-mode';
import { receiveSecrets, relayedSecrets, type MessagePortLike } from '../../../electron/host/relayed-secrets';
import { runHost } from '../../../electron/host/run-host';
import { tlsDir } from '../../../electron/host/tls';
import { LOOPBACK_HOST, parseHostBanner, planCentreMode } from '../../../electron/main/centre-plan';
import { credentialToKeep } from '../../../electron/main/workstation-credential';
import { confPrefs } from '../../../electron/services/machine-prefs';
import { DISTRICT_TOKEN } from '../../../electron/services/upload/background';
import { ADMIN, CENTRE } from '../../support/backend';
import { request } from '../../support/centre';
import { runCliCaptured as cli } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** A parent port as Electron's utility process has one: messages arrive as `{ data }`. */
function fakeParentPort() {
  const sent: unknown[] = [];
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const port: MessagePortLike = {
    postMessage: (m) => sent.push(m),
    on: (_event, listener) => listeners.push(listener),
  };
  return { port, sent, deliver: (data: unknown) => listeners.forEach((l) => l({ data })) };
}

async function startLanHost(secrets: ReturnType<typeof relayedSecrets>) {
  const tmp = tempDir('md-desktop-mode-');
  const dataDir = path.join(tmp.dir, 'data');
  const staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>调解工作台</title>');
  let printed = '';
  const host = await runHost({ dataDir, staticDir, lan: true, bind: '127.0.0.1', port: 0, secrets, out: (l) => (printed += `${l}\n`) });
  cleanups.push(async () => {
    await host.stop();
    setTimeout(() => tmp.cleanup(), 2000).unref();
  });
  return { printed, dataDir, port: host.server.port };
}

describe('本机作为中心主机: the window is a client of the utility host', () => {
  it('reads the real banner, pins the certificate it names, and calls the API as the host’s operator with its token', async () => {
    const { port: parent } = fakeParentPort();
    const host = await startLanHost(relayedSecrets({}, parent));
    const banner = parseHostBanner(host.printed);
    expect(banner).not.toBeNull();
    expect(banner!.port).toBe(host.port);
    const cert = fs.readFileSync(path.join(tlsDir(host.dataDir), 'host-cert.pem'), 'utf8');
    expect(banner!.fingerprint).toBe(new X509Certificate(cert).fingerprint256);
    // The certificate names the loopback address the window uses.
    expect(new X509Certificate(cert).subjectAltName).toContain(`IP Address:${LOOPBACK_HOST}`);

    const as = { port: banner!.port, lan: true, cert };
    const call = (body: unknown, token: string | null = banner!.token) =>
      request(as, {
        method: 'POST',
        path: '/api/invoke',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await call({ op: 'setup.create', input: { centre: CENTRE, admin: ADMIN } })).json.ok).toBe(true);
    // Without the token the window would be an unpaired machine: pairing is all it may do.
    expect((await call({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } }, null)).json.error?.code).toBe(
      'DEVICE_UNPAIRED',
    );
    const login = await call({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } });
    expect(login.json.ok).toBe(true);
  });

  it('gets its secrets from main, and hands every change back to be kept with safeStorage', async () => {
    const { port: parent, sent, deliver } = fakeParentPort();
    const waiting = receiveSecrets(parent, 5_000);
    deliver({ type: 'something-else' }); // ignored
    deliver({ type: 'secrets', values: { [DISTRICT_TOKEN]: 'district-token-from-main-0001' } });
    const store = relayedSecrets(await waiting, parent);
    const host = await startLanHost(store);
    const banner = parseHostBanner(host.printed)!;
    const cert = fs.readFileSync(path.join(tlsDir(host.dataDir), 'host-cert.pem'), 'utf8');
    const call = async (body: Record<string, unknown>) =>
      (
        await request(
          { port: banner.port, lan: true, cert },
          {
            method: 'POST',
            path: '/api/invoke',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${banner.token}` },
            body: JSON.stringify(body),
          },
        )
      ).json;
    await call({ op: 'setup.create', input: { centre: CENTRE, admin: ADMIN } });
    const session = (
      (await call({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } })).data as { session: string }
    ).session;
    const before = (await call({ op: 'upload.settings.get', session })).data as { tokenSet: boolean; tokenMasked: string };
    expect(before).toMatchObject({ tokenSet: true, tokenMasked: expect.stringMatching(/^dist\*+01$/) as unknown });

    const saved = await call({
      op: 'upload.settings.save',
      session,
      input: {
        serverUrl: 'https://district.example.gov.cn/api',
        token: 'new-district-token-0002',
        windowStart: '01:00',
        windowEnd: '05:00',
      },
    });
    expect(saved.ok).toBe(true);
    expect(sent).toContainEqual({ type: 'secret-set', name: DISTRICT_TOKEN, value: 'new-district-token-0002' });
    expect(store.get(DISTRICT_TOKEN)).toBe('new-district-token-0002');
    // Nothing of it in the data dir's plain secrets file: main keeps it.
    expect(fs.existsSync(path.join(host.dataDir, 'secrets.json'))).toBe(false);
  });

  it('starts without secrets rather than not at all when main never hands them over', async () => {
    const { port } = fakeParentPort();
    expect(await receiveSecrets(port, 50)).toEqual({});
  });
});

describe('连接到中心主机: the workstation keeps the credential the host sets at pairing', () => {
  it('takes the md_device cookie of a real pairing, and that credential is the device', async () => {
    const { port: parent } = fakeParentPort();
    const host = await startLanHost(relayedSecrets({}, parent));
    const banner = parseHostBanner(host.printed)!;
    const cert = fs.readFileSync(path.join(tlsDir(host.dataDir), 'host-cert.pem'), 'utf8');
    const as = { port: banner.port, lan: true, cert };
    const call = (body: unknown, headers: Record<string, string>) =>
      request(as, {
        method: 'POST',
        path: '/api/invoke',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const admin = { authorization: `Bearer ${banner.token}` };
    await call({ op: 'setup.create', input: { centre: CENTRE, admin: ADMIN } }, admin);
    const session = (
      (await call({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } }, admin)).json.data as {
        session: string;
      }
    ).session;
    const code = (await call({ op: 'devices.createPairingCode', session, input: { kind: 'desk', name: '二号调解室' } }, admin)).json
      .data as {
      code: string;
    };
    const paired = await call({ op: 'devices.pair', input: { code: code.code } }, {});
    const setCookie = paired.headers['set-cookie']?.[0] ?? '';

    // What Electron's cookies 'changed' event reports for that header.
    const [pair, ...attributes] = setCookie.split(';').map((s) => s.trim());
    const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
    const has = (a: string) => attributes.some((x) => x.toLowerCase().startsWith(a.toLowerCase()));
    const seen = {
      name,
      value,
      domain: LOOPBACK_HOST,
      secure: has('Secure'),
      httpOnly: has('HttpOnly'),
      session: !has('Max-Age') && !has('Expires'),
    };
    expect(seen).toMatchObject({ name: DEVICE_COOKIE, secure: true, httpOnly: true, session: false });
    const kept = credentialToKeep(seen, false, LOOPBACK_HOST);
    expect(kept).toBe(value);

    const current = await call({ op: 'devices.current' }, { cookie: `${DEVICE_COOKIE}=${kept}` });
    expect(current.json).toMatchObject({ ok: true, data: { device: { name: '二号调解室', kind: 'desk' } } });
  });
});

describe('cli machine: what the desktop app will be at its next start', () => {
  it('sets and shows the mode; the app’s plan follows it; bad input is refused and changes nothing', async () => {
    const tmp = tempDir('md-machine-');
    cleanups.push(() => tmp.cleanup());
    const dir = tmp.dir;
    const fp = Array.from({ length: 32 }, () => 'ab').join(' ');

    expect((await cli(['machine', '--data-dir', dir, '--json'])).out.trim()).toBe('{"kind":"standalone"}');
    const set = await cli(['machine', '--data-dir', dir, '--connect', 'https://192.168.1.10:8443/', '--fingerprint', `SHA256: ${fp}`]);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('连接到中心主机：https://192.168.1.10:8443/');
    const mode = readCentreMode(confPrefs(dir).get('centreMode'));
    expect(planCentreMode(mode)).toMatchObject({
      kind: 'workstation',
      origin: 'https://192.168.1.10:8443',
      pinned: { host: '192.168.1.10' },
    });

    for (const bad of [
      ['--connect', '192.168.1.10'], // no fingerprint
      ['--connect', '192.168.1.10', '--fingerprint', 'AB:CD'],
      ['--connect', 'evil host', '--fingerprint', fp],
      ['--host', '--standalone'],
      ['--host', '--port', '99999'],
      ['--fingerprint', fp],
    ]) {
      const r = await cli(['machine', '--data-dir', dir, ...bad]);
      expect(r.code, bad.join(' ')).toBe(1);
      expect(r.err, bad.join(' ')).toMatch(/错误 \/ error: .*[\u4e00-\u9fa5]/);
    }
    expect(readCentreMode(confPrefs(dir).get('centreMode'))).toEqual(mode);

    expect((await cli(['machine', '--data-dir', dir, '--host'])).code).toBe(0);
    expect(planCentreMode(readCentreMode(confPrefs(dir).get('centreMode')))).toMatchObject({ kind: 'host', utilityHost: { port: 7443 } });
    expect((await cli(['machine', '--data-dir', dir, '--standalone'])).code).toBe(0);
    expect(readCentreMode(confPrefs(dir).get('centreMode'))).toEqual({ kind: 'standalone' });
  });
});
