import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { createLogger } from '../../../electron/services/core/logger';
import { startHostServer, type HostServer } from '../../../electron/host/server';
import { tempDir } from '../../support/tmp';

let backend: Backend | undefined;
let server: HostServer | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await server?.close();
  backend?.close();
  cleanup?.();
});

async function start() {
  const t = tempDir();
  cleanup = t.cleanup;
  const staticDir = path.join(t.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>调解工作台</title>');
  backend = createBackend({ dataDir: path.join(t.dir, 'data'), host: 'browser', logger: createLogger({}) });
  server = await startHostServer({ backend, staticDir, token: 'launch-secret-123' });
  return server;
}

/** A raw request, so the Host header can be forged the way a rebinding attack would. */
function request(port: number, opts: { method?: string; path?: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: { host: opts.host ?? `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const invoke = (body: unknown, token = 'launch-secret-123') => ({
  method: 'POST',
  path: '/api/invoke',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only and serves the renderer with a CSP', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    const page = await request(s.port, {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('调解工作台');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // SPA fallback for client routes
    expect((await request(s.port, { path: '/cases/123' })).body).toContain('调解工作台');
  });

  it('answers API calls that carry the launch token', async () => {
    const s = await start();
    const res = await request(s.port, invoke({ op: 'setup.status' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: { setUp: false, centre: null } });
  });

  it('refuses an API call without the token or with a wrong one', async () => {
    const s = await start();
    const none = await request(s.port, { method: 'POST', path: '/api/invoke', body: JSON.stringify({ op: 'setup.status' }) });
    expect(none.status).toBe(401);
    expect((JSON.parse(none.body) as { error: { message: string } }).error.message).toContain('访问令牌');
    expect((await request(s.port, invoke({ op: 'setup.status' }, 'guess'))).status).toBe(401);
  });

  it('refuses requests whose Host header names another site (DNS rebinding)', async () => {
    const s = await start();
    const res = await request(s.port, { ...invoke({ op: 'setup.status' }), host: `evil.example:${s.port}` });
    expect(res.status).toBe(403);
    expect((await request(s.port, { host: 'evil.example' })).status).toBe(403);
    const cross = await request(s.port, {
      ...invoke({ op: 'setup.status' }),
      headers: { ...invoke({}).headers, origin: 'http://evil.example' },
    });
    expect(cross.status).toBe(403);
  });

  it('answers malformed JSON with a clear error and keeps running', async () => {
    const s = await start();
    const bad = await request(s.port, { ...invoke({}), body: '{"op": ' });
    expect(bad.status).toBe(400);
    expect((JSON.parse(bad.body) as { error: { message: string } }).error.message).toContain('JSON');
    expect((await request(s.port, invoke({ op: 'setup.status' }))).status).toBe(200);
  });
});
