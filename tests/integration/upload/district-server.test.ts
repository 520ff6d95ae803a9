/**
 * The test peer itself against district-api.md: if it were lenient, the upload tests would prove
 * nothing. Raw HTTP, no client code of the app.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { CENTRE, DEVICE, OTHER_CENTRE } from './seed';

let server: DistrictServer;
beforeAll(async () => {
  server = await startDistrictServer({ seed: 7 });
});
afterAll(() => server.close());

const T = '2026-11-28T16:40:00+08:00';
const caseData = (over: Record<string, unknown> = {}) => ({
  caseNumber: '（2026）牧调字第00001号',
  title: '邻里纠纷',
  category: '邻里',
  source: 'walk_in',
  tier: 'village',
  status: 'registered',
  registeredAt: T,
  acceptedAt: null,
  deadline: '2026-12-31',
  closedAt: null,
  outcome: null,
  leadUnit: null,
  responsibleLeader: null,
  responsiblePerson: null,
  mediatorIds: [],
  partyIds: [uuidv7()],
  courtReferral: null,
  ...over,
});
const rec = (over: Record<string, unknown> = {}) => ({
  kind: 'case',
  id: uuidv7(),
  version: 1,
  updatedAt: T,
  deleted: false,
  data: caseData(),
  ...over,
});
const envelope = (records: unknown[], over: Record<string, unknown> = {}) => ({
  schema: 'mediation-upload/1',
  batchId: uuidv7(),
  centreCode: CENTRE,
  deviceId: DEVICE,
  sentAt: T,
  records,
  ...over,
});

async function post(body: unknown, opts: { token?: string | null; key?: string | null; gzip?: boolean; raw?: string } = {}) {
  const text = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
  const token = opts.token === undefined ? server.tokens[CENTRE] : opts.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const key = opts.key === undefined ? (body as { batchId?: string }).batchId : opts.key;
  if (key) headers['Idempotency-Key'] = key;
  if (opts.gzip) headers['Content-Encoding'] = 'gzip';
  const res = await fetch(`${server.url}/api/v1/batches`, {
    method: 'POST',
    headers,
    body: opts.gzip ? zlib.gzipSync(text) : text,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null, headers: res.headers };
}

describe('district test server', () => {
  it('checks the token: 401 missing or wrong, 403 for another centre', async () => {
    const b = envelope([rec()]);
    expect((await post(b, { token: null })).status).toBe(401);
    expect((await post(b, { token: 'nope' })).status).toBe(401);
    expect((await post(b, { token: server.tokens[OTHER_CENTRE] })).status).toBe(403);
    const status = await fetch(`${server.url}/api/v1/centres/${CENTRE}/status`, {
      headers: { Authorization: `Bearer ${server.tokens[OTHER_CENTRE]}` },
    });
    expect(status.status).toBe(403);
  });

  it('400 for malformed JSON, a bad envelope or an Idempotency-Key that is not the batch id', async () => {
    const b = envelope([rec()]);
    expect((await post(b, { raw: '{"schema":' })).status).toBe(400);
    expect((await post(envelope([], { schema: 'mediation-upload/2' }))).status).toBe(400);
    expect((await post(envelope([], { sentAt: '2026-11-28 16:40:00' }))).status).toBe(400);
    expect((await post(b, { key: uuidv7() })).status).toBe(400);
    expect((await post(b, { key: null })).status).toBe(400);
  });

  it('stores gzip bodies, replays the same batch with the first answer, 409 for other content', async () => {
    const r = rec();
    const b = envelope([r]);
    const first = await post(b, { gzip: true });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ batchId: b.batchId, accepted: 1, duplicates: 0 });
    const again = await post(b, { gzip: true });
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect((await post({ ...b, records: [rec()] })).status).toBe(409);
    // A lower or equal version counts as a duplicate and changes nothing.
    const older = await post(envelope([{ ...r, version: 1, data: caseData({ title: '别的' }) }]));
    expect(older.body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(server.state.record(CENTRE, 'case', r.id)?.data).toMatchObject({ title: '邻里纠纷' });
  });

  it('413 above 500 records or 4 MiB', async () => {
    const many = envelope(Array.from({ length: 501 }, () => rec({ kind: 'party', data: {} })));
    expect((await post(many)).status).toBe(413);
    const big = envelope([rec({ kind: 'party', data: { note: 'x'.repeat(4 * 1024 * 1024) } })]);
    expect((await post(big, { gzip: true })).status).toBe(413);
  });

  it('422 names every invalid record and stores nothing of the batch', async () => {
    const good = rec();
    const bad = [
      rec({ kind: 'contract' }),
      rec({ id: 'not-a-uuid' }),
      rec({ version: 0 }),
      rec({ version: 1.5 }),
      rec({ updatedAt: '2026-11-28T16:40:00' }),
      rec({ data: caseData({ tier: 'province' }) }),
      rec({ data: caseData({ source: 'walkin' }) }),
      rec({ data: caseData({ outcome: 'ended' }) }),
      rec({ data: caseData({ deadline: '2026-13-01' }) }),
      rec({ data: caseData({ courtReferral: { mode: 'ordered', court: 'x', referenceNumber: 'y', referredAt: T } }) }),
      rec({ data: { caseNumber: 'only this' } }),
      rec({ kind: 'event', version: 2, data: {} }),
    ];
    const res = await post(envelope([good, ...bad]));
    expect(res.status).toBe(422);
    const errors = res.body?.errors as { index: number; message: string }[];
    expect(errors.map((e) => e.index)).toEqual(bad.map((_, i) => i + 1));
    expect(server.state.record(CENTRE, 'case', good.id)).toBeUndefined();
    // A tombstone needs no case fields.
    expect((await post(envelope([rec({ deleted: true, data: {} })]))).status).toBe(200);
  });

  it('status counts live records per kind; a tombstone takes one away', async () => {
    const fresh = await startDistrictServer({ seed: 1 });
    try {
      const tokenHeader = { Authorization: `Bearer ${fresh.tokens[CENTRE]}` };
      const a = rec();
      const b1 = envelope([a, rec(), rec({ kind: 'party', data: {} })]);
      const r1 = await fetch(`${fresh.url}/api/v1/batches`, {
        method: 'POST',
        headers: { ...tokenHeader, 'Idempotency-Key': b1.batchId },
        body: JSON.stringify(b1),
      });
      expect(r1.status).toBe(200);
      const b2 = envelope([{ ...a, version: 2, deleted: true, data: {} }]);
      await fetch(`${fresh.url}/api/v1/batches`, {
        method: 'POST',
        headers: { ...tokenHeader, 'Idempotency-Key': b2.batchId },
        body: JSON.stringify(b2),
      });
      const status = (await (await fetch(`${fresh.url}/api/v1/centres/${CENTRE}/status`, { headers: tokenHeader })).json()) as Record<
        string,
        unknown
      >;
      expect(status).toMatchObject({ centreCode: CENTRE, lastBatchId: b2.batchId, counts: { case: 1, party: 1, event: 0 } });
    } finally {
      await fresh.close();
    }
  });

  it('injects faults from a script, then by seeded rate; logs every batch', async () => {
    server.setFaults({ script: ['500-after', '429'], retryAfterSeconds: 3 });
    const b = envelope([rec()]);
    expect((await post(b)).status).toBe(500);
    const busy = await post(b);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('3');
    // Stored by the 500-after: the same batch now replays.
    expect((await post(b)).body).toMatchObject({ accepted: 1 });
    const entries = server.state.log.filter((e) => e.batchId === b.batchId);
    expect(entries.map((e) => e.status)).toEqual([500, 429, 200]);
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(1);
    expect(entries[0]).toMatchObject({ records: 1, fault: '500-after', gzip: false });
    expect(entries[0]!.bytes).toBeGreaterThan(100);
  });
});
