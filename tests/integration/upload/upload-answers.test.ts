/** Every definite answer of district-api.md's table, and what the upload does with it. */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parties } from '../../../db/schema';
import { releaseRejections, testConnection, uploadStatus } from '../../../electron/services/upload/status';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { expectCleanLog, expectServerHoldsLatest, upload } from './harness';
import { CENTRE, change, count, DEVICE, OTHER_CENTRE, seedCentre, tempDb, type TempDb } from './seed';

let server: DistrictServer;
let t: TempDb;
beforeEach(async () => {
  server = await startDistrictServer({ seed: 3 });
  t = tempDb();
});
afterEach(async () => {
  await server.close();
  t.cleanup();
});

const batchesSeen = () => new Set(server.state.log.map((e) => e.batchId)).size;

describe('runUpload: answers', () => {
  it('401: stops, says the token is wrong, keeps everything; the right token then sends the same batch', async () => {
    const { db } = t;
    seedCentre(db, 5);
    const summary = await upload(server, db, { token: 'wrong-token-123' });
    expect(summary.result).toBe('failed');
    expect(summary.message).toContain('令牌错误');
    expect(summary.message).not.toContain('wrong-token-123');
    expect(summary.pending).toBe(count(db, 'outbox'));
    expect(summary.pending).toBeGreaterThan(0);
    expect(summary.reconciliation).toBeNull();
    expect(server.state.statusRequests).toBe(0);
    const kept = db.sqlite.prepare('SELECT batch_id AS id FROM upload_batches').all() as { id: string }[];
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(db.sqlite.prepare('SELECT * FROM upload_runs').all())).not.toContain('wrong-token-123');

    const ok = await upload(server, db);
    expect(ok.result).toBe('ok');
    expect(server.state.log.filter((e) => e.status === 200)[0]?.batchId).toBe(kept[0]!.id);
    expectServerHoldsLatest(server, db);
    expectCleanLog(server);
  });

  it('a batch an older build stored as JSON text (before migration 0004) goes out under its id, with the same JSON', async () => {
    const { db } = t;
    seedCentre(db, 3);
    await upload(server, db, { token: 'not-yet-set-right' });
    const [left] = db.sqlite.prepare('SELECT batch_id AS id, body FROM upload_batches').all() as { id: string; body: Buffer }[];
    const text = zlib.gunzipSync(left!.body).toString('utf8');
    db.sqlite.prepare('UPDATE upload_batches SET body = ? WHERE batch_id = ?').run(text, left!.id);
    expect(db.sqlite.prepare('SELECT typeof(body) AS t FROM upload_batches').get()).toEqual({ t: 'text' });

    const summary = await upload(server, db);
    expect(summary.result).toBe('ok');
    const first = server.state.log.find((e) => e.status === 200)!;
    expect(first.batchId).toBe(left!.id);
    expect(first.gzip).toBe(true);
    expect(first.sha256).toBe(crypto.createHash('sha256').update(text).digest('hex'));
    expectServerHoldsLatest(server, db);
    expectCleanLog(server);
  });

  it("403: another centre's token stops the run with a clear message", async () => {
    seedCentre(t.db, 2);
    const summary = await upload(server, t.db, { token: server.tokens[OTHER_CENTRE]! });
    expect(summary.result).toBe('failed');
    expect(summary.message).toContain('令牌属于其他中心');
    expect(summary.message).toContain(CENTRE);
    expect(server.state.records.size).toBe(0);
  });

  it('422: the bad record is held with its reason, the rest arrive, and a fix sends it', async () => {
    const { db } = t;
    seedCentre(db, 20);
    const bad = (db.sqlite.prepare('SELECT id FROM parties LIMIT 1 OFFSET 7').get() as { id: string }).id;
    server.setFaults({ rejectIds: [bad] });
    const first = await upload(server, db, { maxRecords: 30 });
    expect(first.result).toBe('partial');
    expect(first.rejected).toBe(1);
    expect(first.pending).toBe(1);
    expect(first.message).toContain('被拒 1 条');
    expect(server.state.record(CENTRE, 'party', bad)).toBeUndefined();
    const status = uploadStatus(db);
    expect(status.rejections).toEqual([
      {
        kind: 'party',
        recordId: bad,
        version: 1,
        message: expect.stringContaining('拒收'),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
      },
    ]);
    // Everything else is there.
    const held = [...server.state.records.values()].length;
    expect(held).toBe(first.accepted);

    // Not resent until it changes.
    const before = server.state.log.length;
    const second = await upload(server, db);
    expect(second).toMatchObject({ sent: 0, pending: 1, result: 'partial' });
    expect(server.state.log.length).toBe(before);

    server.setFaults({ rejectIds: [] });
    change(db, parties, bad, { name: '改正后的姓名' });
    expect(uploadStatus(db).rejections).toEqual([]);
    const third = await upload(server, db);
    expect(third).toMatchObject({ result: 'ok', pending: 0, sent: 1 });
    expect(server.state.record(CENTRE, 'party', bad)).toMatchObject({ version: 2 });
    expect(count(db, 'upload_rejections')).toBe(0);
    expectServerHoldsLatest(server, db);
    expectCleanLog(server);
  });

  it('413: splits into halves under new ids until the district takes them', async () => {
    const { db } = t;
    seedCentre(db, 15);
    server.setFaults({ force413Above: 9 });
    const summary = await upload(server, db, { maxRecords: 40 });
    expect(summary.result).toBe('ok');
    const refused = server.state.log.filter((e) => e.status === 413);
    expect(refused.length).toBeGreaterThan(0);
    for (const e of server.state.log.filter((x) => x.status === 200)) expect(e.records).toBeLessThanOrEqual(9);
    expectServerHoldsLatest(server, db);
    expectCleanLog(server, { maxRecords: 40 });
    expect(summary.reconciliation?.ok).toBe(true);
  });

  it('409: the batch id is given up and its records go out under a new one', async () => {
    const { db } = t;
    seedCentre(db, 3);
    let stolen: string | null = null;
    const summary = await upload(server, db, {
      fetch: async (input, init) => {
        const key = (init?.headers as Record<string, string> | undefined)?.['Idempotency-Key'];
        if (key && stolen === null) {
          stolen = key;
          // Someone else's content under our id, as a buggy clone of this installation could send.
          const other = JSON.stringify({
            schema: 'mediation-upload/1',
            batchId: key,
            centreCode: CENTRE,
            deviceId: DEVICE,
            sentAt: '2026-11-28T02:00:00+08:00',
            records: [],
          });
          await fetch(input, {
            method: 'POST',
            headers: { Authorization: `Bearer ${server.tokens[CENTRE]}`, 'Idempotency-Key': key },
            body: other,
          });
        }
        return fetch(input, init);
      },
    });
    expect(summary.result).toBe('ok');
    const answers = server.state.log.filter((e) => e.batchId === stolen).map((e) => e.status);
    expect(answers).toEqual([200, 409]);
    expect(server.state.log.filter((e) => e.status === 200 && e.batchId !== stolen).length).toBeGreaterThan(0);
    expectServerHoldsLatest(server, db);
  });

  it('400: the same bytes are not sent again; the records wait for a fixed resend', async () => {
    const { db } = t;
    seedCentre(db, 2);
    // A batch written by an (imagined) older build with a broken envelope, left for this run.
    await upload(server, db, { token: 'not-yet-set-right' });
    const stored = db.sqlite.prepare('SELECT batch_id AS id, body FROM upload_batches').all() as { id: string; body: Buffer }[];
    for (const { id, body } of stored) {
      const broken = zlib.gunzipSync(body).toString('utf8').replace('mediation-upload/1', 'mediation-upload/0');
      db.sqlite.prepare('UPDATE upload_batches SET body = ? WHERE batch_id = ?').run(zlib.gzipSync(broken), id);
    }
    const broken = await upload(server, db);
    expect(broken.result).toBe('failed');
    expect(broken.message).toContain('400');
    expect(server.state.log.filter((e) => e.status === 400)).toHaveLength(1);
    expect(count(db, 'upload_batches')).toBe(0);
    expect(broken.pending).toBeGreaterThan(0);
    expect(uploadStatus(db).rejections.length).toBe(broken.pending);

    const seen = batchesSeen();
    const idle = await upload(server, db);
    expect(idle.sent).toBe(0);
    expect(batchesSeen()).toBe(seen);

    // The fixed build releases them; they go out in a new batch.
    expect(releaseRejections(db)).toBe(broken.pending);
    const fixed = await upload(server, db);
    expect(fixed.result).toBe('ok');
    expectServerHoldsLatest(server, db);
  });

  it('refuses settings the district would refuse, before sending anything', async () => {
    seedCentre(t.db, 1);
    await expect(upload(server, t.db, { deviceId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(upload(server, t.db, { centreCode: '4107110' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('9 位'),
    });
    await expect(upload(server, t.db, { token: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(server.state.log).toHaveLength(0);
    expect(count(t.db, 'locks')).toBe(0);
  });

  it('testConnection reports a working link, a wrong token, another centre, and no server', async () => {
    const base = { serverUrl: server.url, centreCode: CENTRE };
    expect(await testConnection({ ...base, token: server.tokens[CENTRE]! })).toMatchObject({
      ok: true,
      message: expect.stringContaining('连接正常'),
    });
    expect(await testConnection({ ...base, token: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('令牌错误') });
    expect(await testConnection({ ...base, token: server.tokens[OTHER_CENTRE]! })).toMatchObject({
      ok: false,
      message: expect.stringContaining('其他中心'),
    });
    expect(await testConnection({ ...base, serverUrl: 'http://127.0.0.1:9', token: 'x' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('无法连接'),
    });
    expect(await testConnection({ ...base, serverUrl: 'http://example.cn', token: 'x' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('HTTPS'),
    });
  });
});
