/**
 * Issue 13, the desktop app in a centre: the machine's mode as stored and typed, the start-up plan
 * for each mode, and the workstation credential's file and cookie rules. The Electron calls that
 * carry these out (centre.ts, index.ts) cannot run here; everything they decide is decided here.
 */
import { describe, expect, it } from 'vitest';
import { LAN_DEFAULT_PORT } from '../../../electron/common/api/devices';
import { centreModeSchema, describeCentreMode, normaliseFingerprint, readCentreMode } from '../../../electron/common/centre-mode';
import { hostStartFailure, parseHostBanner, planCentreMode, remoteWindowUrl, waitingPage } from '../../../electron/main/centre-plan';
import { credentialToKeep, serializeCredential, storedCredentialFor } from '../../../electron/main/workstation-credential';

const FP = Array.from({ length: 32 }, (_, i) => (i * 7 + 3).toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('the centre mode of a machine', () => {
  it('defaults to standalone, and a damaged or hand-broken value falls back to it', () => {
    expect(readCentreMode(undefined)).toEqual({ kind: 'standalone' });
    expect(readCentreMode({ kind: 'workstation', host: '192.168.1.10' })).toEqual({ kind: 'standalone' });
    expect(readCentreMode({ kind: 'server' })).toEqual({ kind: 'standalone' });
    expect(readCentreMode('host')).toEqual({ kind: 'standalone' });
    expect(readCentreMode({ kind: 'host' })).toEqual({ kind: 'host', port: LAN_DEFAULT_PORT });
  });

  it('takes a fingerprint however it was typed off the host screen, and refuses a short or foreign one', () => {
    const typed = `sha256: ${FP.toLowerCase().replace(/:/g, ' ')}`;
    expect(normaliseFingerprint(typed)).toBe(FP);
    expect(normaliseFingerprint(FP.replace(/:/g, ''))).toBe(FP);
    expect(normaliseFingerprint('AB:CD')).toBeNull();
    expect(normaliseFingerprint(`${FP}:00`)).toBeNull();
    expect(normaliseFingerprint(FP.replace(/^../, 'ZZ'))).toBeNull();
    const parsed = centreModeSchema.parse({ kind: 'workstation', host: '192.168.1.10', fingerprint: typed });
    expect(parsed).toEqual({ kind: 'workstation', host: '192.168.1.10', port: LAN_DEFAULT_PORT, fingerprint: FP });
  });

  it('refuses host addresses that are URLs, carry a port or could smuggle anything, with a Chinese message', () => {
    for (const host of ['https://192.168.1.10', '192.168.1.10:7443', 'a b', '', 'host/evil', '-bad.example', 'x'.repeat(254), '主机']) {
      const r = centreModeSchema.safeParse({ kind: 'workstation', host, fingerprint: FP });
      expect(r.success, host).toBe(false);
      expect(r.error?.issues[0]?.message, host).toMatch(/[\u4e00-\u9fa5]/);
    }
    for (const host of ['192.168.1.10', 'centre-host', 'host.district.local']) {
      expect(centreModeSchema.safeParse({ kind: 'workstation', host, fingerprint: FP }).success, host).toBe(true);
    }
    expect(centreModeSchema.safeParse({ kind: 'host', port: 70000 }).success).toBe(false);
  });

  it('describes itself in one Chinese line', () => {
    expect(describeCentreMode({ kind: 'standalone' })).toContain('单机使用');
    expect(describeCentreMode({ kind: 'host', port: 7443 })).toContain('端口 7443');
    expect(describeCentreMode({ kind: 'workstation', host: '192.168.1.10', port: 7443, fingerprint: FP })).toContain(
      'https://192.168.1.10:7443/',
    );
  });
});

describe('the start-up plan', () => {
  it('opens the database in this process only when standalone; the host runs it in a utility process; a workstation has none', () => {
    expect(planCentreMode({ kind: 'standalone' })).toMatchObject({ localBackend: true, utilityHost: null, pinned: null });
    expect(planCentreMode({ kind: 'host', port: 8443 })).toMatchObject({ localBackend: false, utilityHost: { port: 8443 }, pinned: null });
    expect(planCentreMode({ kind: 'workstation', host: '192.168.1.10', port: 7443, fingerprint: FP })).toEqual({
      kind: 'workstation',
      localBackend: false,
      utilityHost: null,
      pinned: { host: '192.168.1.10', fingerprint: FP },
      origin: 'https://192.168.1.10:7443',
    });
  });

  it('reads the host banner only when both lines are complete', () => {
    const line1 = '调解工作台中心主机已启动，请在浏览器中打开 / open: https://192.168.1.10:7443/?token=AbCdEfGhIjKlMnOpQrStUvWx_-12\n';
    expect(parseHostBanner(line1)).toBeNull();
    expect(parseHostBanner(`${line1}SHA256: ${FP.slice(0, 20)}`)).toBeNull();
    expect(parseHostBanner(`${line1}SHA256: ${FP}\n`)).toEqual({ port: 7443, token: 'AbCdEfGhIjKlMnOpQrStUvWx_-12', fingerprint: FP });
    // The loopback-only banner has no fingerprint: not a LAN host.
    expect(parseHostBanner('调解工作台已启动 / open: http://127.0.0.1:5000/?token=AbCdEfGhIjKlMnOpQrStUvWx\n')).toBeNull();
  });

  it('builds the window URL with the token only for the host’s own window, and the kiosk route when asked', () => {
    expect(remoteWindowUrl('https://127.0.0.1:7443', { token: 'a+b/c', kiosk: false })).toBe('https://127.0.0.1:7443/?token=a%2Bb%2Fc');
    expect(remoteWindowUrl('https://192.168.1.10:7443', { kiosk: true })).toBe('https://192.168.1.10:7443/#/kiosk');
  });

  it('explains a host that could not start in Chinese', () => {
    expect(hostStartFailure('启动失败 / failed to start: 端口 7443 已被占用：请关闭…', 7443)).toContain('端口 7443 已被占用');
    expect(hostStartFailure('错误 / error: 应用正在运行：该数据目录已被另一个调解工作台（或命令行）占用。', 7443)).toContain(
      '数据目录正被另一个程序使用',
    );
    expect(hostStartFailure('错误 / error: 磁盘已满\n', 7443)).toBe('中心主机未能启动：磁盘已满');
    expect(hostStartFailure('', 7443)).toContain('logs/');
  });

  it('shows a waiting page that says where it is trying, how often, and never runs script from the address', () => {
    const page = waitingPage('https://<script>alert(1)</script>:7443')(3);
    expect(page).toContain('已尝试 3 次');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;');
  });
});

describe('the workstation credential', () => {
  const origin = 'https://192.168.1.10:7443';
  const secret = Buffer.from('ciphertext from safeStorage');

  it('is read back only for the host and certificate it was issued under', () => {
    const file = serializeCredential(origin, FP, secret);
    expect(storedCredentialFor(file, { origin, fingerprint: FP })?.equals(secret)).toBe(true);
    expect(storedCredentialFor(file, { origin: 'https://192.168.1.11:7443', fingerprint: FP })).toBeNull();
    expect(storedCredentialFor(file, { origin, fingerprint: FP.replace(/^../, '00') })).toBeNull();
    expect(storedCredentialFor(null, { origin, fingerprint: FP })).toBeNull();
    expect(storedCredentialFor('{"version":1', { origin, fingerprint: FP })).toBeNull();
    expect(storedCredentialFor(JSON.stringify({ ...JSON.parse(file), protection: 'none' }), { origin, fingerprint: FP })).toBeNull();
    // The file never holds the credential in clear: only what safeStorage gave.
    expect(file).not.toContain('ciphertext from');
  });

  it('is taken only from a persistent, secure md_device cookie of the pinned host', () => {
    const cookie = { name: 'md_device', value: 'A'.repeat(43), domain: '192.168.1.10', secure: true, httpOnly: true, session: false };
    expect(credentialToKeep(cookie, false, '192.168.1.10')).toBe('A'.repeat(43));
    expect(credentialToKeep(cookie, true, '192.168.1.10')).toBeNull();
    expect(credentialToKeep({ ...cookie, session: true }, false, '192.168.1.10')).toBeNull();
    expect(credentialToKeep({ ...cookie, secure: false }, false, '192.168.1.10')).toBeNull();
    expect(credentialToKeep({ ...cookie, domain: 'evil.example' }, false, '192.168.1.10')).toBeNull();
    expect(credentialToKeep({ ...cookie, name: 'other' }, false, '192.168.1.10')).toBeNull();
    expect(credentialToKeep({ ...cookie, value: 'x; Path=/' }, false, '192.168.1.10')).toBeNull();
  });
});
