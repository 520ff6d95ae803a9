/**
 * The headless centre host as an operator runs it: `cli serve --lan` in its own process prints the
 * URL and the `SHA256:` fingerprint line, keeps its certificate (mode 600) across restarts, and a
 * code from `cli pair` pairs a workstation over HTTPS with the certificate pinned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../../support/centre';
import { ADMIN, CENTRE } from '../../support/backend';
import { runCliCaptured as cli } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const tmp = tempDir('md-serve-lan-');
const dataDir = path.join(tmp.dir, 'data');
const staticDir = path.join(tmp.dir, 'static');
let child: ChildProcess | undefined;

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  tmp.cleanup();
});

function startServe(): Promise<{ port: number; url: string; fingerprint: string; lines: string[] }> {
  // node itself (not npx), so SIGTERM reaches the host as it would under a service manager.
  const c = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/index.ts',
      'serve',
      '--data-dir',
      dataDir,
      '--lan',
      '--bind',
      '127.0.0.1',
      '--port',
      '0',
      '--static-dir',
      staticDir,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = c;
  let stdout = '';
  let stderr = '';
  c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing in time: ${stdout} ${stderr}`)), 60_000);
    c.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const lines = stdout.split('\n').filter(Boolean);
      const url = /(https:\/\/127\.0\.0\.1:(\d+)\/)\?token=[\w-]+/.exec(lines[0] ?? '');
      const fp = /^SHA256: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/.exec(lines[1] ?? '');
      if (url && fp) {
        clearTimeout(timer);
        resolve({ port: Number(url[2]), url: url[1]!, fingerprint: fp[1]!, lines });
      }
    });
    c.once('exit', (code) => reject(new Error(`serve exited early (${String(code)}): ${stderr}`)));
  });
}

const stopServe = () =>
  new Promise<number | null>((resolve) => {
    child!.once('exit', (code) => resolve(code));
    child!.kill('SIGTERM');
  });

describe('cli serve --lan and cli pair', () => {
  it(
    'runs the HTTPS host, prints URL and fingerprint, pairs a workstation with a CLI code, and keeps its certificate',
    { timeout: 180_000 },
    async () => {
      fs.mkdirSync(staticDir, { recursive: true });
      fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>调解工作台</title>');
      const init = await cli([
        'init',
        '--data-dir',
        dataDir,
        '--centre-code',
        CENTRE.centreCode,
        '--centre-name',
        CENTRE.name,
        '--admin-user',
        ADMIN.loginName,
        '--admin-password',
        ADMIN.password,
        '--committee-name',
        CENTRE.committeeName,
        '--committee-abbr',
        CENTRE.committeeAbbr,
        '--tier',
        CENTRE.tier,
      ]);
      expect(init.code, init.err).toBe(0);

      const bad = await cli(['pair', '--data-dir', dataDir, '--kind', 'printer', '--name', '甲']);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('--kind');
      const pair = await cli(['pair', '--data-dir', dataDir, '--kind', 'kiosk', '--name', '大厅自助机']);
      expect(pair.code, pair.err).toBe(0);
      const code = /配对码 \/ pairing code: ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(pair.out)?.[1];
      expect(code).toBeDefined();
      expect(pair.out).toMatch(/有效期至 \/ expires at: \d{4}-\d\d-\d\dT/);

      const first = await startServe();
      const certFile = path.join(dataDir, 'tls', 'host-cert.pem');
      const cert = fs.readFileSync(certFile, 'utf8');
      expect(first.fingerprint).toBe(new X509Certificate(cert).fingerprint256);
      expect(fs.statSync(path.join(dataDir, 'tls', 'host-key.pem')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(certFile).mode & 0o777).toBe(0o600);

      const host = { port: first.port, lan: true, cert };
      const paired = await request(host, {
        method: 'POST',
        path: '/api/invoke',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ op: 'devices.pair', input: { code } }),
      });
      expect(paired.json).toMatchObject({ ok: true, data: { device: { kind: 'kiosk', name: '大厅自助机' } } });
      const cookie = (paired.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const info = await request(host, {
        method: 'POST',
        path: '/api/invoke',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ op: 'intake.kioskInfo' }),
      });
      expect(info.json).toMatchObject({ ok: true, data: { centreName: CENTRE.name } });
      const page = await request(host, { path: '/' });
      expect(page.body).toContain('调解工作台');
      expect(page.headers['strict-transport-security']).toBeDefined();

      expect(await stopServe()).toBe(0);
      const second = await startServe();
      expect(second.fingerprint).toBe(first.fingerprint);
      expect(await stopServe()).toBe(0);
    },
  );
});
