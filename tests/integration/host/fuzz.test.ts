/**
 * No malformed request line, header or body may end the host process. fast-check generates them;
 * they go over raw TCP (or TLS) sockets to a real host, and after every batch a good client must
 * still be answered. The host runs in this process: had any request thrown out of the server, the
 * test run would fail with an uncaught error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentre, TOKEN, type Centre } from '../../support/centre';
import { sendRaw } from '../../support/raw-client';

const NASTY = [
  '//[',
  '/%',
  '/%E0%A4%A',
  '/..%2f..%2fetc/passwd',
  '*',
  'http://evil/',
  '/api/invoke?x=%ZZ',
  '/api/%00',
  '\u0000',
  '/\u202e',
  '/api/events',
];
const METHODS = ['GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'CONNECT', 'TRACE', 'PATCH', 'G\u0000T', ''];

/** Characters that stress parsers: controls, separators, percent signs, non-ASCII, bidi overrides. */
const nastyChar = fc.constantFrom(...'\u0000\r\n\t %/[]?#:@"\'\\{}<>;,=\u00ff\u202e中'.split(''));
const text = (max: number) => fc.array(fc.oneof(nastyChar, fc.string({ maxLength: 1 })), { maxLength: max }).map((a) => a.join(''));

const target = fc.oneof(
  fc.constantFrom(...NASTY),
  text(40).map((t) => `/${t}`),
  text(20),
);
const headerValue = fc.oneof(
  fc.constantFrom(
    'null',
    'http://evil.example',
    'https://[',
    '://',
    '',
    'Bearer ',
    `Bearer ${TOKEN}`,
    '-1',
    '99999999999999999999',
    'chunked',
    'md_device=;;;=',
    'md_device=' + 'A'.repeat(43),
  ),
  text(60),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'Origin',
    'Host',
    'Content-Length',
    'Transfer-Encoding',
    'Cookie',
    'Authorization',
    'Content-Type',
    'Expect',
    'Connection',
    'Upgrade',
  ),
  text(12),
);
const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom('{"op":', '{"op":"setup.status"}', '[]', 'null', '{"op":"x".repeat}', '{"op":"devices.pair","input":{"code":null}}'),
  text(200),
);

const request = fc
  .record({
    method: fc.oneof(fc.constantFrom(...METHODS), text(8)),
    target,
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', '', 'HTTP/1.1\r\n\r\n'),
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 8 }),
    body,
    crlf: fc.constantFrom('\r\n', '\n', '\r'),
  })
  .map(
    ({ method, target: t, version, headers, body: b, crlf }) =>
      `${method} ${t} ${version}${crlf}${headers.map(([n, v]) => `${n}: ${v}`).join(crlf)}${crlf}${crlf}${b}`,
  );

async function stillServes(c: Centre) {
  const res = await c.invoke({ op: 'setup.status' });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ ok: true, data: { setUp: true } });
}

for (const lan of [false, true]) {
  describe(`the host survives malformed requests (${lan ? 'HTTPS LAN' : 'HTTP loopback'})`, () => {
    let centre: Centre;
    beforeAll(async () => {
      centre = await startCentre({ lan });
    });
    afterAll(async () => {
      await centre.close();
    });

    it('answers the requests that used to crash it: `GET //[` and `Origin: null`', async () => {
      const host = `Host: 127.0.0.1:${centre.port}\r\n`;
      const a = await sendRaw(centre, `GET //[ HTTP/1.1\r\n${host}\r\n`);
      expect(a.reply).toMatch(/^HTTP\/1\.1 400/);
      const b = await sendRaw(
        centre,
        `POST /api/invoke HTTP/1.1\r\n${host}Authorization: Bearer ${TOKEN}\r\nOrigin: null\r\nContent-Length: 2\r\n\r\n{}`,
      );
      expect(b.reply).toMatch(/^HTTP\/1\.1 403/);
      expect(b.reply).toContain('来源不符');
      await stillServes(centre);
    });

    it('still answers a good client after every batch of generated garbage', { timeout: 240_000 }, async () => {
      const batches = lan ? 10 : 20;
      const perBatch = 100;
      let replies = 0;
      for (let i = 0; i < batches; i++) {
        const samples = fc.sample(request, { numRuns: perBatch, seed: 1000 + i + (lan ? 500 : 0) });
        // 20 at a time: a burst, within the connection cap.
        for (let j = 0; j < samples.length; j += 20) {
          const results = await Promise.all(samples.slice(j, j + 20).map((s) => sendRaw(centre, Buffer.from(s, 'utf8'), 300)));
          replies += results.filter((r) => r.reply.startsWith('HTTP/1.')).length;
        }
        await stillServes(centre);
      }
      // The host answered (rather than silently dropped) most of them with an HTTP status.
      expect(replies).toBeGreaterThan((batches * perBatch) / 2);
    });

    it('survives bodies cut off mid-way, bodies over the limit and headers too large', async () => {
      const host = `Host: 127.0.0.1:${centre.port}\r\nAuthorization: Bearer ${TOKEN}\r\n`;
      await sendRaw(centre, `POST /api/invoke HTTP/1.1\r\n${host}Content-Length: 1000\r\n\r\n{"op":"setup.st`, 100);
      const big = await sendRaw(centre, `POST /api/invoke HTTP/1.1\r\n${host}Content-Length: ${20 * 1024 * 1024}\r\n\r\n{`);
      expect(big.reply).toMatch(/^HTTP\/1\.1 413/);
      const headers = await sendRaw(centre, `GET / HTTP/1.1\r\n${host}X-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      expect(headers.reply).toMatch(/^HTTP\/1\.1 431/);
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
          await sendRaw(centre, Buffer.from(bytes), 150);
        }),
        { numRuns: 100, seed: 7 },
      );
      await stillServes(centre);
    });
  });
}
