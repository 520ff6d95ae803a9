/**
 * The renderer's client against a real HTTP server on 127.0.0.1 that is away, then back: a write
 * is resent with the same idempotency key until the host answers; a read fails at once with
 * OFFLINE; the connection store says reconnecting meanwhile and online after. Also the push
 * channel's SSE parsing. The browser globals the client reads are the thinnest stand-ins
 * (location, history, sessionStorage) and fetch resolves the page-relative URL against the host.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The renderer is type-checked by renderer/tsconfig.json (with the DOM); it is imported by a
 * computed path so that the Node-side type-check does not pull it in. These are the parts used here.
 */
const RENDERER_API = '../../../renderer/src/api/';
interface ClientModule {
  call: (op: string, input?: unknown) => Promise<unknown>;
  ApiError: abstract new (...args: never[]) => Error & { code: string };
}
interface ConnectionModule {
  connection: { get: () => string; subscribe: (fn: () => void) => () => void };
}
interface EventsModule {
  parseBlock: (block: string) => unknown;
}
const load = <T>(name: string) => import(/* @vite-ignore */ `${RENDERER_API}${name}`) as Promise<T>;

let server: http.Server;
let base = '';
/** 'gateway': answer 503 as a proxy in front of a stopped host would; 'up': answer. */
let mode: 'gateway' | 'up' = 'up';
const seen: Array<{ op: string; key: string | undefined; auth: string | undefined }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      const parsed = JSON.parse(body || '{}') as { op: string; idempotencyKey?: string };
      seen.push({ op: parsed.op, key: parsed.idempotencyKey, auth: req.headers.authorization });
      if (mode === 'gateway') {
        res.writeHead(503).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, data: { echoed: parsed.op } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const store = new Map<string, string>();
  const g = globalThis as Record<string, unknown>;
  g.window = { location: new URL(base), history: { replaceState: () => undefined } };
  g.sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => store.set(k, v),
    removeItem: (k: string) => store.delete(k),
  };
  const realFetch = globalThis.fetch;
  g.fetch = (url: string, init?: RequestInit) => realFetch(new URL(url, base), init);
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('renderer client while the host is away', () => {
  it('resends a write with the same key until the host answers, and reports reconnecting then online', async () => {
    const { call } = await load<ClientModule>('client');
    const { connection } = await load<ConnectionModule>('connection');
    seen.length = 0;
    mode = 'gateway';
    const states: string[] = [];
    const off = connection.subscribe(() => states.push(connection.get()));
    const pending = call('queue.setDesk', { desk: '1号窗口' });
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(connection.get()).toBe('reconnecting');
    mode = 'up';
    await expect(pending).resolves.toEqual({ echoed: 'queue.setDesk' });
    off();
    const keys = new Set(seen.map((s) => s.key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(states).toEqual(['reconnecting', 'online']);
    // No launch token in this tab: no Authorization header (a paired browser relies on its cookie).
    expect(seen.every((s) => s.auth === undefined)).toBe(true);
  });

  it('fails a read at once with OFFLINE, and gives every call its own key', async () => {
    const { call, ApiError } = await load<ClientModule>('client');
    seen.length = 0;
    mode = 'gateway';
    const err = await call('cases.list', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as { code: string }).code).toBe('OFFLINE');
    expect((err as Error).message).toBe('与中心主机的连接已中断，正在重新连接…');
    expect(seen).toHaveLength(1);
    mode = 'up';
    await call('cases.list', {});
    await call('cases.list', {});
    expect(new Set(seen.map((s) => s.key)).size).toBe(3);
  });
});

describe('push channel parsing', () => {
  it('reads a change event and ignores pings, other events and unknown topics', async () => {
    const { parseBlock } = await load<EventsModule>('events');
    expect(parseBlock('event: change\ndata: {"seq":7,"topics":["queue","nonsense"],"caseId":"c1"}')).toEqual({
      seq: 7,
      topics: ['queue'],
      caseId: 'c1',
    });
    expect(parseBlock(': ping')).toBeNull();
    expect(parseBlock('retry: 3000\n: connected')).toBeNull();
    expect(parseBlock('event: other\ndata: {"seq":1,"topics":["cases"]}')).toBeNull();
    expect(parseBlock('event: change\ndata: not json')).toBeNull();
  });
});
