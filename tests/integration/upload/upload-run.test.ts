import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, parties } from '../../../db/schema';
import { isAppError } from '../../../electron/common/errors';
import { uploadStatus } from '../../../electron/services/upload/status';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { expectCleanLog, expectEachVersionInOneBatch, expectServerHoldsLatest, upload } from './harness';
import { addCase, addLocalSecrets, CENTRE, change, count, seedCentre, tempDb, tombstone, type TempDb } from './seed';

let server: DistrictServer;
let t: TempDb;
// A fresh district per test: its holdings are compared with one database.
beforeEach(async () => {
  server = await startDistrictServer({ seed: 11 });
});
afterEach(async () => {
  await server.close();
  t?.cleanup();
});

describe('runUpload: a clean night', () => {
  it('uploads everything within the limits, reconciles, records the run, and keeps no secret', async () => {
    t = tempDb();
    const { db } = t;
    seedCentre(db, 60);
    addLocalSecrets(db);
    const firstCase = (db.sqlite.prepare('SELECT id FROM cases LIMIT 1').get() as { id: string }).id;
    tombstone(db, cases, firstCase);
    const progress: number[] = [];
    const summary = await upload(server, db, {
      maxRecords: 100,
      maxBytes: 32 * 1024,
      trigger: 'cli',
      onProgress: (p) => progress.push(p.accepted),
    });

    expect(summary.result).toBe('ok');
    expect(summary.pending).toBe(0);
    expect(summary.rejected).toBe(0);
    expect(summary.sent).toBe(summary.accepted);
    expect(summary.reconciliation).toMatchObject({ ok: true, differences: [] });
    expect(summary.reconciliation?.local.case).toBe(59);
    expect(summary.message).toContain('上传完成');
    expect(summary.message).toContain('核对一致');
    expect(progress.length).toBeGreaterThan(3);
    expectServerHoldsLatest(server, db);
    expectCleanLog(server, { maxRecords: 100, maxBytes: 32 * 1024 });
    expectEachVersionInOneBatch(server);
    expect(count(db, 'outbox')).toBe(0);
    expect(count(db, 'upload_batches')).toBe(0);
    expect(count(db, 'uploaded')).toBe(summary.accepted);

    const status = uploadStatus(db);
    expect(status).toMatchObject({ pending: 0, inFlightBatches: 0, rejections: [] });
    expect(status.lastRun).toMatchObject({
      trigger: 'cli',
      result: 'ok',
      sent: summary.sent,
      accepted: summary.accepted,
      reconciliation: { ok: true },
    });
    expect(status.lastRun?.finishedAt).toMatch(/\+\d{2}:\d{2}$|Z$/);

    // Nothing local-only reached the district; the token is nowhere in the database files.
    const stored = JSON.stringify([...server.state.records.values()]);
    for (const secret of ['SECRET-HASH', 'SECRET-TOKEN-VALUE', 'passwordHash', 'secret-local-path']) expect(stored).not.toContain(secret);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [t.file, `${t.file}-wal`]) {
      if (fs.existsSync(f)) expect(fs.readFileSync(f).includes(Buffer.from(server.tokens[CENTRE]!))).toBe(false);
    }

    const again = await upload(server, db);
    expect(again).toMatchObject({ result: 'ok', sent: 0, pending: 0 });
    expect(again.message).toContain('没有需要上传的记录');
  });

  it('five changes to one record go out once, at the latest version; a change during the send stays queued', async () => {
    t = tempDb();
    const { db } = t;
    const id = addCase(db);
    for (let i = 0; i < 4; i++) change(db, cases, id, { title: `第 ${i + 2} 稿` });
    const other = addCase(db);
    let changedDuringSend = false;
    const summary = await upload(server, db, {
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (!changedDuringSend && (input instanceof Request ? input.url : String(input)).endsWith('/batches')) {
          changedDuringSend = true;
          change(db, cases, other, { title: '发送途中改的' });
        }
        return res;
      },
    });
    expect(summary.result).toBe('ok');
    expect(server.state.record(CENTRE, 'case', id)).toMatchObject({ version: 5, data: { title: '第 5 稿' } });
    expect(server.state.storedVersions.get(`${CENTRE}/case/${id}`)).toEqual([5]);
    for (let v = 1; v <= 4; v++) expect(server.state.sightings.has(`case/${id}@${v}`)).toBe(false);
    expect(server.state.sightings.get(`case/${id}@5`)?.size).toBe(1);
    // The record changed while its batch was out: v1 delivered, v2 went in the next batch of the same run.
    expect(server.state.storedVersions.get(`${CENTRE}/case/${other}`)).toEqual([1, 2]);
    expect(count(db, 'outbox')).toBe(0);
    expectServerHoldsLatest(server, db);
  });

  it('a deleted party leaves the case and arrives as a tombstone', async () => {
    t = tempDb();
    const { db } = t;
    const { caseIds } = seedCentre(db, 2);
    await upload(server, db);
    const party = (db.sqlite.prepare('SELECT id FROM parties WHERE case_id = ? LIMIT 1').get(caseIds[0]) as { id: string }).id;
    tombstone(db, parties, party);
    change(db, cases, caseIds[0]!);
    const summary = await upload(server, db);
    expect(summary.result).toBe('ok');
    expect(server.state.record(CENTRE, 'party', party)).toMatchObject({ deleted: true, data: {} });
    expect((server.state.record(CENTRE, 'case', caseIds[0]!)?.data as { partyIds: string[] }).partyIds).not.toContain(party);
    expect(summary.reconciliation?.ok).toBe(true);
  });

  it('refuses plain HTTP to anything but this machine, before touching the database', async () => {
    t = tempDb();
    seedCentre(t.db, 1);
    for (const url of ['http://district.example.cn', 'http://10.0.0.5:8080', 'ftp://127.0.0.1']) {
      const err = await upload(server, t.db, { serverUrl: url }).catch((e: unknown) => e);
      expect(isAppError(err) && err.code === 'UPLOAD').toBe(true);
    }
    expect(count(t.db, 'upload_runs')).toBe(0);
    expect(count(t.db, 'locks')).toBe(0);
  });
});
