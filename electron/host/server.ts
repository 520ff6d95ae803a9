/**
 * The host: the built renderer and the API over HTTP(S), in one of two modes.
 *
 * - Loopback (default): HTTP on 127.0.0.1 only. Every API call must carry this launch's secret
 *   token, and every request's Host header must name this loopback address and port: a page on
 *   another site that resolves its own name to 127.0.0.1 (DNS rebinding) then gets nothing, and
 *   neither does any other local program without the token.
 * - LAN (centre host): HTTPS on the centre's network. A call carries either the launch token (the
 *   host's own operator) or a paired device's credential in the `md_device` cookie; device kinds
 *   bound what each machine may call (checked again in the dispatcher). Plain HTTP to that port is
 *   answered with a redirect to https:// (plain-http.ts), never served.
 *
 * In both modes nothing a client sends may end the process: every request runs inside a catch,
 * URLs and headers are parsed defensively, slow or silent clients time out, and the number of open
 * connections is capped (an idle one is closed to make room; when all are busy a new one is shed).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import https from 'node:https';
import net from 'node:net';
import { timingSafeEqual, X509Certificate } from 'node:crypto';
import sirv from 'sirv';
import type { Backend } from '../backend';
import { LOCAL_SOURCE, type RequestSource } from '../api/handler';
import { DEVICE_COOKIE } from '../common/api/devices';
import type { ApiResponse } from '../common/api/contract';
import type { ErrorBody } from '../common/errors';
import { EVENTS_PATH } from '../common/push';
import { verifyCredential, touchDevice } from '../services/devices/registry';
import { cspHeader } from './csp';
import { openEventStream } from './events';
import { routeByFirstByte } from './plain-http';
import { sendJson } from './respond';

const MAX_BODY = 12 * 1024 * 1024;
/** Ops an unpaired or revoked machine may still call, to learn that it must pair (and to pair). */
const UNPAIRED_OPS = new Set(['devices.current', 'devices.pair', 'setup.status']);

export interface HostLimits {
  /** Open connections at most; default 256. */
  maxConnections: number;
  /** A connection that has not sent a request after this long is closed. */
  firstRequestMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** `: ping` on the push stream this often. */
  heartbeatMs: number;
}

const DEFAULT_LIMITS: HostLimits = {
  maxConnections: 256,
  firstRequestMs: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Longer than any client waits between calls, so a client never sends on a socket the host is
  // closing that very moment (a reset POST is not retried); idle sockets still make room under the cap.
  keepAliveTimeoutMs: 65_000,
  heartbeatMs: 15_000,
};

export interface HostServer {
  url: string;
  port: number;
  mode: 'local' | 'lan';
  /** Open connections right now (for tests and the bench). */
  connections(): number;
  close(): Promise<void>;
}

export interface HostOptions {
  backend: Backend;
  staticDir: string;
  token: string;
  port?: number;
  /** Serve the centre's LAN over HTTPS with this key and certificate, on `bind` (default 0.0.0.0). */
  lan?: { bind?: string; key: string; cert: string };
  limits?: Partial<HostLimits>;
}

type Res = http.ServerResponse;

const refuse = (res: Res, status: number, error: ErrorBody, headers: Record<string, string> = {}) =>
  sendJson(res, status, { ok: false, error }, headers);

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** The path of a request target, or null when it is not an origin-form path (`//[`, `*`, absolute URLs). */
export function pathOf(target: string | undefined): string | null {
  if (!target || target[0] !== '/' || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** The host[:port] of an Origin header, or null when it is `null`, malformed or not http(s). */
export function originHost(origin: string): { host: string; protocol: string } | null {
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { host: u.host, protocol: u.protocol };
  } catch {
    return null;
  }
}

/** One cookie's value from a Cookie header, parsed without throwing. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

const bearerOf = (req: http.IncomingMessage) => {
  const auth = req.headers.authorization ?? '';
  return auth.startsWith('Bearer ') ? auth.slice(7) : '';
};

interface Conn {
  socket: net.Socket;
  openedAt: number;
  served: boolean;
  inFlight: number;
  timer: NodeJS.Timeout | null;
}

const SHED_BODY = JSON.stringify({ ok: false, error: { code: 'BUSY', message: '主机繁忙，连接数已满，请稍后重试' } });
const SHED_RESPONSE =
  `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n` +
  `Retry-After: 2\r\nContent-Length: ${Buffer.byteLength(SHED_BODY)}\r\n\r\n${SHED_BODY}`;

function rawError(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message } });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

export async function startHostServer(opts: HostOptions): Promise<HostServer> {
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const lan = opts.lan ?? null;
  const { backend } = opts;
  const logger = backend.app.ctx.logger;
  // A headless host without a built renderer still serves the API; pages then say what is missing.
  const serveStatic: (req: http.IncomingMessage, res: Res, next: () => void) => void = fs.existsSync(opts.staticDir)
    ? sirv(opts.staticDir, { single: true, dev: false, etag: true, gzip: false })
    : (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('界面文件尚未构建：请在主机上运行 npm run build:renderer 后重启 / the renderer is not built');
      };
  let hosts = new Set<string>();
  const streams = new Set<() => void>();
  const conns = new Map<string, Conn>();
  const keyOf = (s: net.Socket) => `${s.remoteAddress ?? ''}|${s.remotePort ?? ''}`;

  const serverOptions: http.ServerOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    maxHeaderSize: 16 * 1024,
  };
  const server: http.Server = lan
    ? https.createServer({ ...serverOptions, key: lan.key, cert: lan.cert, handshakeTimeout: limits.firstRequestMs, minVersion: 'TLSv1.2' })
    : http.createServer(serverOptions);
  // On the LAN the port is a plain TCP listener that hands TLS to `server` and answers plain HTTP
  // with a redirect to https:// (plain-http.ts); on loopback `server` listens itself.
  const listener: net.Server = lan ? net.createServer({ allowHalfOpen: true, noDelay: true }) : server;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // A backstop in the kernel-facing layer: the shedding below keeps the count under the cap, this never lets it run away.
  listener.maxConnections = limits.maxConnections * 2;

  // Connections are counted on the raw TCP socket (in both modes), matched to requests by peer address and port.
  listener.on('connection', (socket: net.Socket) => {
    socket.on('error', () => socket.destroy());
    if (conns.size >= limits.maxConnections && !makeRoom()) {
      if (!lan && socket.writable) socket.end(SHED_RESPONSE);
      socket.destroy();
      return;
    }
    const key = keyOf(socket);
    const conn: Conn = { socket, openedAt: Date.now(), served: false, inFlight: 0, timer: null };
    // A client that connects and never sends is closed; it cannot hold a place for long.
    conn.timer = setTimeout(() => {
      if (!conn.served && conn.inFlight === 0) socket.destroy();
    }, limits.firstRequestMs);
    conn.timer.unref();
    conns.set(key, conn);
    socket.once('close', () => {
      if (conn.timer) clearTimeout(conn.timer);
      if (conns.get(key) === conn) conns.delete(key);
    });
    if (lan) {
      // A plain connection is answered before any request is read from it: it counts as served then.
      routeByFirstByte(socket, server, limits.firstRequestMs);
    }
  });

  /** Close the oldest connection with nothing in flight, preferring those that never sent a request. */
  function makeRoom(): boolean {
    let victim: Conn | null = null;
    for (const c of conns.values()) {
      if (c.inFlight > 0) continue;
      if (!victim || (!c.served && victim.served) || (c.served === victim.served && c.openedAt < victim.openedAt)) victim = c;
    }
    if (!victim) return false;
    conns.delete(keyOf(victim.socket));
    victim.socket.destroy();
    return true;
  }

  server.on('clientError', (err: NodeJS.ErrnoException, socket: net.Socket) => {
    try {
      // The parser may complain again about bytes still arriving after the answer: let that answer
      // finish going out (over TLS it is written a turn later) rather than cut it off.
      if (socket.writableEnded && !socket.destroyed) return;
      if (err.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const [status, reason, message] =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? [431, 'Request Header Fields Too Large', '请求头过大']
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? [408, 'Request Timeout', '请求超时']
            : [400, 'Bad Request', '请求格式错误'];
      // Destroyed once the answer is out (over TLS that takes a turn of the event loop), or soon regardless.
      const done = setTimeout(() => socket.destroy(), 1000);
      done.unref();
      socket.end(rawError(status, reason, message));
    } catch {
      socket.destroy();
    }
  });
  // Bytes that start like TLS but are not a handshake we accept: the socket is dropped.
  let tlsFailures = 0;
  server.on('tlsClientError', (_err: Error, socket: net.Socket) => {
    tlsFailures += 1;
    socket.destroy();
  });

  server.on('request', (req: http.IncomingMessage, res: Res) => {
    const conn = conns.get(keyOf(req.socket));
    if (conn) {
      conn.served = true;
      conn.inFlight += 1;
      res.once('close', () => (conn.inFlight -= 1));
    }
    handle(req, res).catch((e: unknown) => {
      logger.error('host request failed', { error: (e as Error)?.stack ?? String(e) });
      if (!res.headersSent) refuse(res, 500, { code: 'INTERNAL', message: '系统内部错误，请重试' });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: Res): Promise<void> {
    req.on('error', () => res.destroy());
    const hostHeader = req.headers.host ?? '';
    if (!lan && !hosts.has(hostHeader)) {
      refuse(res, 403, { code: 'FORBIDDEN', message: '拒绝访问：主机名不符（只允许 127.0.0.1 本机访问）' });
      return;
    }
    const pathname = pathOf(req.url);
    if (pathname === null) {
      refuse(res, 400, { code: 'VALIDATION', message: '请求地址格式错误' });
      return;
    }
    if (pathname.startsWith('/api/')) {
      await handleApi(req, res, pathname, hostHeader);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, { code: 'VALIDATION', message: '不支持的请求方法' });
      return;
    }
    res.setHeader('content-security-policy', cspHeader());
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (lan) res.setHeader('strict-transport-security', 'max-age=31536000');
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  }

  /** Who is calling: the launch token (this machine), a paired device, or an unpaired/revoked machine. */
  function identify(req: http.IncomingMessage): { source: RequestSource; revoked: boolean } | null {
    const address = req.socket.remoteAddress ?? null;
    const given = bearerOf(req);
    if (given && sameSecret(given, opts.token)) return { source: { ...LOCAL_SOURCE, address }, revoked: false };
    if (!lan) return null;
    const credential = cookieValue(req.headers.cookie, DEVICE_COOKIE);
    const unpaired: RequestSource = { kind: 'device', deviceId: null, deviceKind: null, address };
    if (!credential) return { source: unpaired, revoked: false };
    const check = verifyCredential(backend.app.ctx, credential);
    if (!check.ok) return { source: { ...unpaired, deviceId: null }, revoked: check.reason === 'revoked' };
    touchDevice(backend.app.ctx, check.device.id, address, backend.app.centre.seenWrites);
    return { source: { kind: 'device', deviceId: check.device.id, deviceKind: check.device.kind, address }, revoked: false };
  }

  function originAllowed(req: http.IncomingMessage, hostHeader: string): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    const o = originHost(origin);
    if (!o) return false;
    return lan ? o.protocol === 'https:' && o.host === hostHeader : hosts.has(o.host);
  }

  async function handleApi(req: http.IncomingMessage, res: Res, pathname: string, hostHeader: string) {
    const isEvents = pathname === EVENTS_PATH && req.method === 'GET';
    if (!isEvents && (pathname !== '/api/invoke' || req.method !== 'POST')) {
      refuse(res, 404, { code: 'UNKNOWN_OPERATION', message: '未知的接口' });
      return;
    }
    const who = identify(req);
    if (!who) {
      refuse(res, 401, { code: 'UNAUTHENTICATED', message: '缺少或错误的访问令牌：请使用启动时打印的完整地址打开' });
      return;
    }
    if (!originAllowed(req, hostHeader)) {
      refuse(res, 403, { code: 'FORBIDDEN', message: '拒绝访问：来源不符' });
      return;
    }
    if (isEvents) {
      if (who.source.kind === 'device' && !who.source.deviceId) {
        deviceRefused(req, who, 'events');
        refuse(res, 401, who.revoked ? REVOKED : UNPAIRED);
        return;
      }
      const close = openEventStream(req, res, backend, who.source, limits.heartbeatMs);
      if (close) {
        streams.add(close);
        res.once('close', () => streams.delete(close));
      }
      return;
    }

    const body = await readBody(req, res);
    if (body === undefined) return;
    const op = typeof (body as { op?: unknown })?.op === 'string' ? (body as { op: string }).op.slice(0, 100) : '';
    // A revoked device is refused at once; it may only learn that it must pair again.
    if (who.revoked && !UNPAIRED_OPS.has(op)) {
      deviceRefused(req, who, op);
      refuse(res, 401, REVOKED);
      return;
    }
    let cookie: string | null = null;
    const hooks = lan
      ? {
          setDeviceCredential: (credential: string) => {
            cookie = `${DEVICE_COOKIE}=${credential}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=315360000`;
          },
        }
      : {};
    const answer: ApiResponse = await backend.invoke(body, who.source, hooks);
    if (!answer.ok && answer.error.code.startsWith('DEVICE_')) deviceRefused(req, who, op, answer.error.code);
    const status = answer.ok ? 200 : answer.error.code === 'DEVICE_FORBIDDEN' ? 403 : answer.error.code.startsWith('DEVICE_') ? 401 : 200;
    sendJson(res, status, answer, cookie ? { 'set-cookie': cookie } : {});
  }

  function deviceRefused(req: http.IncomingMessage, who: { source: RequestSource; revoked: boolean }, op: string, code?: string) {
    // Never the credential: only where the call came from, what it wanted and why it was refused.
    logger.warn('device refused', {
      address: req.socket.remoteAddress ?? null,
      deviceId: who.source.deviceId,
      deviceKind: who.source.deviceKind,
      op,
      code: code ?? (who.revoked ? 'DEVICE_REVOKED' : 'DEVICE_UNPAIRED'),
    });
  }

  /** The JSON body, or undefined when an answer has already been sent (too large, aborted, not JSON). */
  async function readBody(req: http.IncomingMessage, res: Res): Promise<unknown> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (Number.isFinite(declared) && declared > MAX_BODY) {
      refuse(res, 413, { code: 'VALIDATION', message: '请求内容过大' }, { connection: 'close' });
      req.socket.destroySoon?.();
      return undefined;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) {
          refuse(res, 413, { code: 'VALIDATION', message: '请求内容过大' }, { connection: 'close' });
          req.socket.destroySoon?.();
          return undefined;
        }
        chunks.push(chunk as Buffer);
      }
    } catch {
      // The client went away mid-body: there is nobody to answer.
      res.destroy();
      return undefined;
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    } catch {
      refuse(res, 400, { code: 'VALIDATION', message: '请求不是有效的 JSON' });
      return undefined;
    }
  }

  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(opts.port ?? 0, lan ? (lan.bind ?? '0.0.0.0') : '127.0.0.1', () => {
      listener.off('error', reject);
      resolve();
    });
  });
  // After listening, an accept failure (e.g. out of file descriptors) is logged, never fatal.
  listener.on('error', (e: Error) => logger.error('host server error', { error: e.message }));
  const port = (listener.address() as { port: number }).port;
  hosts = allowedHosts(port);
  const shownHost = lan
    ? lan.bind && lan.bind !== '0.0.0.0' && lan.bind !== '::'
      ? lan.bind
      : (firstLanAddress() ?? '127.0.0.1')
    : '127.0.0.1';
  const url = `${lan ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`;
  backend.app.centre.mode = lan ? 'lan' : 'local';
  backend.app.centre.lan = lan ? { url, fingerprint: new X509Certificate(lan.cert).fingerprint256 } : null;
  return {
    port,
    mode: lan ? 'lan' : 'local',
    url,
    connections: () => conns.size,
    close: () =>
      new Promise<void>((resolve) => {
        if (tlsFailures > 0) logger.info('failed TLS handshakes on the HTTPS port', { count: tlsFailures });
        for (const end of streams) end();
        streams.clear();
        listener.close(() => resolve());
        server.closeAllConnections();
        for (const c of conns.values()) c.socket.destroy();
      }),
  };
}

/** The address workstations reach this host at, for the printed URL when listening on every interface. */
function firstLanAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  }
  return null;
}

const UNPAIRED: ErrorBody = { code: 'DEVICE_UNPAIRED', message: '本机尚未配对：请先向管理员索取配对码完成配对' };
const REVOKED: ErrorBody = { code: 'DEVICE_REVOKED', message: '本终端已被管理员停用：如需继续使用，请向管理员索取新的配对码重新配对' };
