/**
 * A real centre host for the tests: a backend on a temp data dir, served over HTTPS on 127.0.0.1
 * (LAN mode, with the certificate made and kept as in production) or over HTTP (loopback mode),
 * and clients that speak to it the way workstations do: a launch token, or a device cookie.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend';
import { TEST_PASSWORD_COST } from './backend';
import type { Api, OpName } from '../../electron/common/api';
import type { InputOf, OutputOf } from '../../electron/common/api/contract';
import type { DeviceKind } from '../../electron/common/api/devices';
import { fixedClock } from '../../electron/services/core/clock';
import { createLogger } from '../../electron/services/core/logger';
import { dataPaths } from '../../electron/services/data-dir';
import { startHostServer, type HostLimits, type HostServer } from '../../electron/host/server';
import { ensureHostCertificate } from '../../electron/host/tls';
import { ADMIN, CENTRE } from './backend';
import { tempDir } from './tmp';

/**
 * The file logger opens its file asynchronously, even after the backend has closed: removing the
 * data dir at once makes that open fail later in the run. Remove it a little later, or at exit.
 */
const pending = new Set<() => void>();
function cleanupLater(cleanup: () => void): void {
  pending.add(cleanup);
  setTimeout(() => {
    if (pending.delete(cleanup)) cleanup();
  }, 2000).unref();
}
process.once('exit', () => {
  for (const c of pending) c();
});

export const TOKEN = 'launch-token-for-tests-0123456789';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

export interface Centre {
  backend: Backend;
  server: HostServer;
  dataDir: string;
  clock: ReturnType<typeof fixedClock>;
  cert: string;
  fingerprint: string;
  port: number;
  lan: boolean;
  /** POST /api/invoke as this machine (launch token) or as a device (cookie). */
  invoke(body: unknown, as?: { token?: string | null; cookie?: string | null; headers?: Record<string, string> }): Promise<Answer>;
  /** As the host's admin, through the launch token; throws on an error answer. */
  admin<K extends OpName>(op: K, input?: InputOf<Api[K]>): Promise<OutputOf<Api[K]>>;
  /** Pair a device of this kind; resolves to its cookie (`md_device=…`). */
  pair(kind: DeviceKind, name?: string): Promise<{ cookie: string; deviceId: string }>;
  /** Everything the host wrote to its log files so far. */
  logText(): string;
  /** Restart the HTTP(S) server and the backend on the same data dir (a host restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function request(
  c: { port: number; lan: boolean; cert?: string },
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent | false },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const mod = c.lan ? https : http;
    const req = mod.request(
      {
        host: '127.0.0.1',
        port: c.port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: { host: `127.0.0.1:${c.port}`, ...opts.headers },
        // The test pins the host's own certificate, as a workstation does.
        ...(c.lan ? { ca: c.cert, servername: 'localhost', checkServerIdentity: () => undefined } : {}),
        agent: opts.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (ch: Buffer) => chunks.push(ch));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'] = { ok: false };
          try {
            json = JSON.parse(body) as Answer['json'];
          } catch {
            // Not JSON (static files): the caller looks at body.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export async function startCentre(
  opts: { lan?: boolean; setUp?: boolean; limits?: Partial<HostLimits>; now?: string } = {},
): Promise<Centre> {
  const lan = opts.lan ?? true;
  const tmp = tempDir('md-centre-');
  const dataDir = path.join(tmp.dir, 'data');
  const staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>调解工作台</title>');
  const clock = fixedClock(opts.now ?? '2026-11-20T09:00:00+08:00');
  fs.mkdirSync(dataDir, { recursive: true });
  const tls = lan ? await ensureHostCertificate(dataDir) : null;
  let backend!: Backend;
  let server!: HostServer;
  let port = 0;
  const boot = async () => {
    // Not a test of hashing: the lower cost keeps the staff logins of every centre test quick (support/backend.ts).
    backend = createBackend({
      dataDir,
      host: 'browser',
      clock,
      logger: createLogger({ logsDir: dataPaths(dataDir).logs }),
      passwordCost: TEST_PASSWORD_COST,
    });
    server = await startHostServer({
      backend,
      staticDir,
      token: TOKEN,
      port,
      ...(tls ? { lan: { bind: '127.0.0.1', key: tls.key, cert: tls.cert } } : {}),
      ...(opts.limits ? { limits: opts.limits } : {}),
    });
    port = server.port;
  };
  await boot();

  const c: Centre = {
    get backend() {
      return backend;
    },
    get server() {
      return server;
    },
    get port() {
      return port;
    },
    dataDir,
    clock,
    cert: tls?.cert ?? '',
    fingerprint: tls?.fingerprint ?? '',
    lan,
    invoke: (body, as = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...as.headers };
      const token = as.token === undefined && as.cookie === undefined ? TOKEN : as.token;
      if (token) headers.authorization = `Bearer ${token}`;
      if (as.cookie) headers.cookie = as.cookie;
      return request(c, { method: 'POST', path: '/api/invoke', headers, body: JSON.stringify(body) });
    },
    admin: async (op, input) => {
      const session = await adminSession();
      const res = await c.invoke({ op, input, session });
      if (!res.json.ok) throw Object.assign(new Error(res.json.error?.message ?? res.body), res.json.error);
      return res.json.data as never;
    },
    pair: async (kind, name = `${kind}-终端`) => {
      const code = await c.admin('devices.createPairingCode', { kind, name });
      const res = await c.invoke({ op: 'devices.pair', input: { code: code.code } }, { token: null });
      if (!res.json.ok) throw new Error(`pairing failed: ${res.body}`);
      const setCookie = res.headers['set-cookie']?.[0] ?? '';
      return { cookie: setCookie.split(';')[0]!, deviceId: (res.json.data as { device: { id: string } }).device.id };
    },
    logText: () => {
      const dir = dataPaths(dataDir).logs;
      if (!fs.existsSync(dir)) return '';
      return fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
        .join('\n');
    },
    restart: async () => {
      await server.close();
      backend.close();
      session = null;
      await boot();
    },
    close: async () => {
      await server.close();
      backend.close();
      cleanupLater(tmp.cleanup);
    },
  };

  let session: string | null = null;
  async function adminSession(): Promise<string> {
    if (session) return session;
    const res = await c.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } });
    if (!res.json.ok) throw new Error(`admin login failed: ${res.body}`);
    session = (res.json.data as { session: string }).session;
    return session;
  }

  if (opts.setUp !== false) {
    const res = await c.invoke({ op: 'setup.create', input: { centre: CENTRE, admin: ADMIN } });
    if (!res.json.ok) throw new Error(`setup failed: ${res.body}`);
  }
  return c;
}
