/**
 * The browser host as a real second process (`tsx electron/host/serve.ts --no-build`), for tests about what
 * another process may do to a data dir while the app runs on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rendererOut } from '../../electron/host/renderer-build';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  token: string;
  /** One API call the way the renderer makes it. */
  call<T = unknown>(op: string, input?: unknown, session?: string | null): Promise<T>;
  /** SIGTERM, and wait for the exit (the host closes the database and releases the data dir). */
  stop(): Promise<number | null>;
}

export function startHostProcess(dataDir: string): Promise<HostProcess> {
  // `--no-build` serves whatever out/renderer-web holds, and the static server needs the folder to
  // exist. These tests only call the API: an empty folder will do, and as it has no index.html,
  // `npm run serve` still sees the build as missing and builds it.
  fs.mkdirSync(rendererOut, { recursive: true });
  // tsx itself rather than through npx: npx does not pass SIGTERM on and would die of it.
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['electron/host/serve.ts', '--data-dir', dataDir, '--port', '0', '--no-build'],
    {
      cwd: root,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time: ${stderr}`)), 45_000);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before printing its URL: ${stderr}`));
    });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9_-]+)/.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      const [, url, token] = m as unknown as [string, string, string];
      resolve({
        child,
        url,
        token,
        call: async <T>(op: string, input?: unknown, session: string | null = null) => {
          const res = await fetch(`${url}api/invoke`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ op, input, session }),
          });
          const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
          if (!body.ok) throw Object.assign(new Error(body.error!.message), body.error);
          return body.data as T;
        },
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
