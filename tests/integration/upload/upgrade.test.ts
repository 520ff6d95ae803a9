/**
 * Migration 0004 (upload at scale) on a database an earlier build left mid-upload: an unanswered
 * batch stored as JSON text, records already uploaded, records still queued. After the upgrade
 * the queue and the bookkeeping are intact, the triggers still fill the (rebuilt) outbox, and the
 * next upload finishes the job with the old batch sent under its own id.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { cases } from '../../../db/schema';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';
import { expectCleanLog, expectServerHoldsLatest, upload } from './harness';
import { change, count, seedCentre, runAsOlderBuild } from './seed';

let server: DistrictServer;
const cleanups: (() => void)[] = [];
beforeEach(async () => {
  server = await startDistrictServer({ seed: 4 });
});
afterEach(async () => {
  await server.close();
  cleanups.splice(0).forEach((f) => f());
});

const tableSql = (db: Db, name: string) =>
  (db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string }).sql;

it('0004 keeps an unfinished upload: queued rows, uploaded rows and a batch stored as text', async () => {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const file = path.join(tmp.dir, 'mediation.db');

  // The database as the build before 0004 left it.
  const old = openDatabase(file, { migrationsFolder: migrationsUpTo(tmp.dir, 4) });
  expect(tableSql(old, 'outbox')).not.toContain('WITHOUT ROWID');
  const { caseIds } = seedCentre(old, 4);
  expect((await runAsOlderBuild(old, () => upload(server, old))).result).toBe('ok');
  seedCentre(old, 3);
  change(old, cases, caseIds[0]!, { title: '升级前修改' });
  expect((await runAsOlderBuild(old, () => upload(server, old, { token: 'not-yet-set-right' }))).result).toBe('failed');
  // That build stored the batch as JSON text.
  const [kept] = old.sqlite.prepare('SELECT batch_id AS id, body FROM upload_batches').all() as { id: string; body: Buffer }[];
  const json = zlib.gunzipSync(kept!.body).toString('utf8');
  old.sqlite.prepare('UPDATE upload_batches SET body = ? WHERE batch_id = ?').run(json, kept!.id);
  const before = { outbox: count(old, 'outbox'), uploaded: count(old, 'uploaded'), marked: count(old, 'outbox', 'batch_id IS NOT NULL') };
  expect(before.outbox).toBeGreaterThan(0);
  expect(before.marked).toBeGreaterThan(0);
  const queued = old.sqlite.prepare('SELECT kind, record_id, version, queued_at, batch_id FROM outbox ORDER BY kind, record_id').all();
  old.close();

  const db = openDatabase(file);
  cleanups.push(() => db.close());
  expect(tableSql(db, 'outbox')).toContain('WITHOUT ROWID');
  expect(tableSql(db, 'uploaded')).toContain('WITHOUT ROWID');
  expect(db.sqlite.prepare('SELECT kind, record_id, version, queued_at, batch_id FROM outbox ORDER BY kind, record_id').all()).toEqual(
    queued,
  );
  expect(count(db, 'uploaded')).toBe(before.uploaded);
  expect(db.sqlite.prepare('SELECT typeof(body) AS t FROM upload_batches').get()).toEqual({ t: 'text' });

  // The triggers of 0001 write to the rebuilt outbox.
  change(db, cases, caseIds[1]!, { title: '升级后修改' });
  expect(db.sqlite.prepare("SELECT version FROM outbox WHERE kind = 'case' AND record_id = ?").get(caseIds[1])).toEqual({ version: 2 });

  const summary = await upload(server, db);
  expect(summary.result).toBe('ok');
  const resent = server.state.log.filter((e) => e.batchId === kept!.id);
  expect(resent.at(-1)).toMatchObject({ status: 200, sha256: crypto.createHash('sha256').update(json).digest('hex') });
  expect(count(db, 'outbox')).toBe(0);
  expectServerHoldsLatest(server, db);
  expectCleanLog(server);
});
