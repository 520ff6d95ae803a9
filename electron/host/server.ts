/**
 * The browser host: the built renderer and the API over HTTP, on 127.0.0.1 only.
 *
 * Every API call must carry this launch's secret token, and every request's Host header must name
 * this loopback address and port: a page on another site that resolves its own name to 127.0.0.1
 * (DNS rebinding) then gets nothing, and neither does any other local program without the token.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import sirv from 'sirv';
import type { Backend } from '../backend';
import { LOCAL_SOURCE } from '../api/handler';
import { cspHeader } from './csp';

const MAX_BODY = 12 * 1024 * 1024;

export interface HostServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export async function startHostServer(opts: { backend: Backend; staticDir: string; token: string; port?: number }): Promise<HostServer> {
  const serveStatic = sirv(opts.staticDir, { single: true, dev: false, etag: true, gzip: false });
  let hosts = new Set<string>();

  const server = http.createServer((req, res) => {
    if (!hosts.has(req.headers.host ?? '')) {
      json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：主机名不符（只允许 127.0.0.1 本机访问）' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, url);
      return;
    }
    res.setHeader('content-security-policy', cspHeader());
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    serveStatic(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    if (url.pathname !== '/api/invoke' || req.method !== 'POST') {
      json(res, 404, { ok: false, error: { code: 'UNKNOWN_OPERATION', message: '未知的接口' } });
      return;
    }
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!given || !sameSecret(given, opts.token)) {
      json(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '缺少或错误的访问令牌：请使用启动时打印的完整地址打开' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin && !hosts.has(new URL(origin).host)) {
      json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：来源不符' } });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        json(res, 413, { ok: false, error: { code: 'VALIDATION', message: '请求内容过大' } });
        return;
      }
      chunks.push(chunk as Buffer);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      json(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求不是有效的 JSON' } });
      return;
    }
    // Loopback only: the caller is this machine; its address still keys per-source limits.
    json(res, 200, await opts.backend.invoke(body, { ...LOCAL_SOURCE, address: req.socket.remoteAddress ?? null }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  hosts = allowedHosts(port);
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
