/**
 * The browser host as a Playwright fixture: one host per test file (per file and seed), on a fresh
 * temp data dir, started with `npx tsx electron/host/serve.ts --data-dir DIR --port 0 --no-build`
 * and stopped with SIGTERM when the next file starts or the worker ends.
 *
 *   import { test, expect } from './support/host';
 *   test('…', async ({ page, host }) => { await page.goto(host.url); });
 *
 * `test.use({ hostSeed: 'api' })` gives a host whose centre and administrator (support/seed.ts)
 * already exist, created through the API; `'cli'` creates them with `cli init` before the host
 * starts. The default `'none'` is a first run.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { apiCall, type HostAddress } from './api';
import { repoRoot } from './paths';
import { SEED } from './seed';

export type HostSeed = 'none' | 'api' | 'cli' | 'demo';

export interface Host extends HostAddress {
  /** The full URL to open, with this launch's token. */
  url: string;
  dataDir: string;
}

/** A centre host in LAN mode (`--lan`): HTTPS, and the certificate's fingerprint from its second line. */
export interface LanOptions {
  /** The port to serve on (a fixed one, so that a restart comes back at the same address: see freePort). */
  port: number;
  /** The address to bind; 127.0.0.1 keeps the test host off the machine's real network. */
  bind?: string;
}

const URL_LINE = /(https?:\/\/[\w.:[\]-]+\/)\?token=([\w-]+)/;
const FINGERPRINT_LINE = /SHA256:\s*((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface Running extends Host {
  child: ChildProcess;
  /** What the host has written so far, for error reports. */
  output: () => string;
}

/** Run `cli init` on a data dir; throws with the CLI's output when it fails or is not there. */
export function cliInit(dataDir: string): void {
  if (!existsSync(path.join(repoRoot, 'electron', 'cli', 'index.ts'))) {
    throw new Error('electron/cli/index.ts does not exist yet: the "cli" seed needs `cli init`. Use hostSeed "api" meanwhile.');
  }
  const args = [
    'tsx',
    'electron/cli/index.ts',
    'init',
    '--data-dir',
    dataDir,
    '--centre-code',
    SEED.centreCode,
    '--centre-name',
    SEED.centreName,
    '--admin-user',
    SEED.adminLogin,
    '--admin-password',
    SEED.adminPassword,
    '--committee-name',
    SEED.committeeName,
    '--committee-abbr',
    SEED.committeeAbbr,
    '--tier',
    SEED.tier,
  ];
  const r = spawnSync('npx', args, { cwd: repoRoot, encoding: 'utf8', timeout: START_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`cli init failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
}

/**
 * Fill a data dir with the demo centre's cases (`cli demo`, 400 cases, seed 7) before the host
 * starts: the command rebuilds data and is refused while an app holds the data dir.
 */
export function cliDemo(dataDir: string): void {
  const args = ['tsx', 'electron/cli/index.ts', 'demo', '--data-dir', dataDir, '--cases', '400', '--seed', '7'];
  const r = spawnSync('npx', args, { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`cli demo failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
}

/** A port free on 127.0.0.1 right now (for a LAN host that must come back on the same port after a restart). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Start the host on `dataDir` and resolve once it has printed its URL (and, with `lan`, the
 * second line with its certificate's SHA-256 fingerprint).
 */
export function startHost(dataDir: string, lan?: LanOptions): Promise<Running> {
  const args = lan ? ['--lan', '--bind', lan.bind ?? '127.0.0.1', '--port', String(lan.port)] : ['--port', '0'];
  // Its own process group, so that SIGTERM reaches npx, tsx and node alike.
  const child = spawn('npx', ['tsx', 'electron/host/serve.ts', '--data-dir', dataDir, ...args, '--no-build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    // The host runs in China time, like the browser (timezoneId) and like a real centre.
    env: { ...process.env, NO_COLOR: '1', TZ: 'Asia/Shanghai' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.once('exit', (code, signal) => {
    stderr += `\n[host exited: code ${String(code)}, signal ${String(signal)}, at ${new Date().toISOString()}]`;
  });
  return new Promise<Running>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`browser host did not print its URL within ${START_TIMEOUT_MS / 1000} s.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const m = URL_LINE.exec(stdout);
      const fp = FINGERPRINT_LINE.exec(stdout);
      if (m?.[1] && m[2] && (!lan || fp?.[1])) {
        clearTimeout(timer);
        resolve({
          child,
          dataDir,
          origin: m[1],
          token: m[2],
          url: m[0],
          ...(fp?.[1] ? { fingerprint: fp[1] } : {}),
          output: () => `stdout: ${stdout}\nstderr: ${stderr}`,
        });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `browser host exited early (code ${String(code)}, signal ${String(signal)}).\nstderr: ${stderr || '(empty)'}\nstdout: ${stdout || '(empty)'}`,
        ),
      );
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * SIGTERM (the host closes its database cleanly), SIGKILL if it does not stop in time; then the
 * data dir is removed, unless `keepData` (a restart on the same data follows).
 */
export async function stopHost(h: Running, { keepData = false }: { keepData?: boolean } = {}): Promise<void> {
  const { child } = h;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS)),
    ]);
    if (timedOut) killGroup(child, 'SIGKILL');
  }
  if (!keepData) rmSync(h.dataDir, { recursive: true, force: true });
}

export async function seededByApi(h: HostAddress): Promise<void> {
  await apiCall(h, 'setup.create', {
    centre: {
      centreCode: SEED.centreCode,
      name: SEED.centreName,
      tier: SEED.tier,
      committeeName: SEED.committeeName,
      committeeAbbr: SEED.committeeAbbr,
    },
    admin: { loginName: SEED.adminLogin, displayName: SEED.adminName, password: SEED.adminPassword },
  });
}

/** Hosts of the current test file, by seed. A new file stops the previous file's hosts. */
class HostPool {
  private file: string | null = null;
  private readonly hosts = new Map<HostSeed, Promise<Running>>();

  async forFile(file: string, seed: HostSeed): Promise<Running> {
    if (this.file !== file) {
      await this.stopAll();
      this.file = file;
    }
    let h = this.hosts.get(seed);
    if (!h) {
      h = this.start(seed);
      this.hosts.set(seed, h);
    }
    const running = await h;
    const { exitCode, signalCode } = running.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(
        `browser host stopped during the file (code ${String(exitCode)}, signal ${String(signalCode)}).\n${running.output()}`,
      );
    }
    return running;
  }

  private async start(seed: HostSeed): Promise<Running> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mediation-e2e-'));
    if (seed === 'cli' || seed === 'demo') cliInit(dataDir);
    if (seed === 'demo') cliDemo(dataDir);
    const h = await startHost(dataDir);
    if (seed === 'api') await seededByApi(h);
    return h;
  }

  async stopAll(): Promise<void> {
    const all = [...this.hosts.values()];
    this.hosts.clear();
    for (const h of all) await h.then(stopHost, () => undefined);
  }
}

export const test = base.extend<{ hostSeed: HostSeed; host: Host }, { hostPool: HostPool }>({
  hostSeed: ['none', { option: true }],
  hostPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern
    async ({}, use) => {
      const pool = new HostPool();
      await use(pool);
      await pool.stopAll();
    },
    { scope: 'worker' },
  ],
  host: async ({ hostPool, hostSeed }, use, testInfo) => {
    const running = await hostPool.forFile(testInfo.file, hostSeed);
    const { child, output, ...host } = running;
    await use(host);
    // A host that died under the test explains the test's failure: keep what it said.
    if (child.exitCode !== null || child.signalCode !== null) {
      await testInfo.attach('browser-host-output', { body: output(), contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';
