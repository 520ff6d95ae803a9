/**
 * Hostile neighbours on the LAN: plain HTTP to the HTTPS port, 500 connections at once, clients
 * that connect and never send. Each is refused or shed, and a good client is still served.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentre, type Centre } from '../../support/centre';
import { sendRaw } from '../../support/raw-client';

let centre: Centre | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await centre?.close();
  centre = undefined;
});

/** Open `n` TCP connections that never send a byte; resolves once all are connected. */
async function silentConnections(port: number, n: number): Promise<net.Socket[]> {
  const opened = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Socket>((resolve) => {
          const s = net.connect({ host: '127.0.0.1', port });
          s.on('error', () => undefined);
          s.once('connect', () => resolve(s));
          s.once('close', () => resolve(s));
        }),
    ),
  );
  sockets.push(...opened);
  return opened;
}

const good = async (c: Centre) => {
  const res = await c.invoke({ op: 'setup.status' });
  expect(res.status).toBe(200);
  expect(res.json.ok).toBe(true);
};

describe('hostile clients on the LAN port (HTTPS on 127.0.0.1)', () => {
  it('answers plain HTTP on the HTTPS port with a redirect to https://, serves nothing, and keeps serving HTTPS', async () => {
    centre = await startCentre();
    const plain = await sendRaw(
      { port: centre.port, lan: false },
      `GET /kiosk?x=1 HTTP/1.1\r\nHost: 192.168.1.10:${centre.port}\r\n\r\n`,
      2000,
    );
    expect(plain.closedByHost).toBe(true);
    expect(plain.reply).toMatch(/^HTTP\/1\.1 301 /);
    expect(plain.reply).toContain(`\r\nLocation: https://192.168.1.10:${centre.port}/kiosk?x=1\r\n`);
    expect(plain.reply).toContain('只接受加密连接');
    expect(plain.reply).not.toContain('<title>调解工作台');

    // A plain API call is not run: it gets the same redirect, with nothing of the API's answer.
    const api = await sendRaw(
      { port: centre.port, lan: false },
      `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${centre.port}\r\nContent-Type: application/json\r\nContent-Length: 24\r\n\r\n{"op":"setup.status"}   `,
      2000,
    );
    expect(api.reply).toMatch(/^HTTP\/1\.1 301 /);
    expect(api.reply).not.toContain('"ok"');
    await good(centre);
  });

  it('plain requests that cannot be redirected safely get a 400, and garbage or silence just a close', async () => {
    centre = await startCentre({ limits: { firstRequestMs: 500 } });
    const hostile = [
      `GET / HTTP/1.1\r\nHost: evil.example\r\nX: 1\r\n\r\n`, // any host is the client's own business: redirected
      `GET //evil.example/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, // scheme-relative path: not redirected
      `GET / HTTP/1.1\r\nHost: a.b"><script>\r\n\r\n`, // a Host that would break out of the header or page
      `GET / HTTP/1.1\r\n\r\n`, // no Host at all
      `GET /${'a'.repeat(10_000)} HTTP/1.1\r\n`, // an endless head
    ];
    const replies = await Promise.all(hostile.map((b) => sendRaw({ port: centre!.port, lan: false }, b, 2000)));
    expect(replies[0]!.reply).toContain('Location: https://evil.example/\r\n');
    for (const r of replies.slice(1)) {
      expect(r.reply).toMatch(/^HTTP\/1\.1 400 /);
      expect(r.reply).not.toContain('Location:');
      expect(r.closedByHost).toBe(true);
    }
    // A client that sends half a head and then nothing is closed by the first-request timer.
    const stalled = await sendRaw({ port: centre.port, lan: false }, 'GET / HTTP/1.1\r\n', 3000);
    expect(stalled.closedByHost).toBe(true);
    // Bytes that look like TLS but are not a ClientHello: dropped, no harm.
    const fakeTls = await sendRaw({ port: centre.port, lan: false }, Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5]), 2000);
    expect(fakeTls.closedByHost).toBe(true);
    expect(fakeTls.reply).not.toContain('HTTP/');
    await good(centre);
  });

  it('serves a good client while 500 connections sit open and silent', { timeout: 60_000 }, async () => {
    centre = await startCentre();
    const silent = await silentConnections(centre.port, 500);
    await new Promise((r) => setTimeout(r, 200));
    expect(centre.server.connections()).toBeLessThanOrEqual(256);
    await good(centre);
    // Those over the cap were shed: closed by the host.
    expect(silent.filter((s) => s.destroyed || s.readableEnded).length).toBeGreaterThanOrEqual(500 - 256);
  });

  it('sheds over-the-cap connections with a clear 503 on the loopback host', async () => {
    centre = await startCentre({ lan: false, limits: { maxConnections: 20 } });
    // 20 requests in flight on long-lived push streams: no idle connection to make room with.
    const { openEvents } = await import('../../support/sse');
    const streams = await Promise.all(
      Array.from({ length: 20 }, () => openEvents(centre!, { authorization: 'Bearer launch-token-for-tests-0123456789' })),
    );
    const shed = await sendRaw(centre, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${centre.port}\r\n\r\n`, 1000);
    expect(shed.reply).toMatch(/^HTTP\/1\.1 503/);
    expect(shed.reply).toContain('主机繁忙');
    for (const s of streams) s.close();
    await new Promise((r) => setTimeout(r, 100));
    await good(centre);
  });

  it('closes a client that connects and never sends', async () => {
    centre = await startCentre({ limits: { firstRequestMs: 300 } });
    const [s] = await silentConnections(centre.port, 1);
    await new Promise((r) => setTimeout(r, 900));
    expect(s!.destroyed || s!.readableEnded).toBe(true);
    expect(centre.server.connections()).toBe(0);
    await good(centre);
  });

  it('times out a client that sends its headers a byte at a time and never finishes', async () => {
    centre = await startCentre({ lan: false, limits: { headersTimeoutMs: 500 } });
    const s = net.connect({ host: '127.0.0.1', port: centre.port });
    sockets.push(s);
    s.on('error', () => undefined);
    let reply = '';
    s.on('data', (d: Buffer) => (reply += d.toString('utf8')));
    await new Promise((r) => s.once('connect', r));
    const closed = new Promise<void>((r) => s.once('close', () => r()));
    s.write('GET / HTTP/1.1\r\n');
    const drip = setInterval(() => s.writable && s.write('X-Slow: a\r\n'), 100);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
    clearInterval(drip);
    expect(s.destroyed || s.readableEnded).toBe(true);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    await good(centre);
  });
});
