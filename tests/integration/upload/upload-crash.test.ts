/**
 * A process killed mid-upload, and two uploads at once. The killed upload runs in a real child
 * process (`node --import tsx`) so SIGKILL hits it exactly as the OS would.
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cases } from '../../../db/schema';
import { rfc3339 } from '../../../electron/services/core/clock';
import { startDistrictServer, type DistrictServer, type FaultKind } from '../../peers/district-server';
import { expectCleanLog, expectEachVersionInOneBatch, expectServerHoldsLatest, upload } from './harness';
import { CENTRE, change, count, DEVICE, seedCentre, tempDb, type TempDb } from './seed';

let server: DistrictServer | undefined;
let t: TempDb | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.close();
  t?.cleanup();
  server = undefined;
  t = undefined;
  child = undefined;
});

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

async function until(what: string, test: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const CHILD = path.resolve(import.meta.dirname, '../../peers/upload-child.ts');

describe('runUpload: crashes and concurrency', () => {
  it.each([['slow'], ['slow-before']] as [FaultKind][])(
    'killed with SIGKILL while the district holds a batch (%s): the next run resends it byte for byte and every record arrives once',
    async (fault) => {
      server = await startDistrictServer({ seed: 9, faults: { script: [null, null, fault], slowMs: 60_000 } });
      t = tempDb();
      const { db } = t;
      seedCentre(db, 20);
      const token = server.tokens[CENTRE]!;
      child = fork(CHILD, [t.file, server.url, CENTRE, DEVICE, '30'], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, UPLOAD_TOKEN: token },
        stdio: 'pipe',
      });
      const delivered: string[] = [];
      child.on('message', (m: { type: string; batchId?: string }) => {
        if (m.type === 'progress' && m.batchId) delivered.push(m.batchId);
      });
      await until('the held batch', () => server!.state.log.some((e) => e.fault === fault));
      child.kill('SIGKILL');
      await once(child, 'exit');
      expect(delivered).toHaveLength(2);

      // What the killed process left: the unanswered batch, its bytes the ones the district saw, and
      // at most the one composed behind it (the pipeline), which the district never saw.
      const left = db.sqlite.prepare('SELECT batch_id AS id, body FROM upload_batches ORDER BY batch_id').all() as {
        id: string;
        body: Buffer;
      }[];
      const held = server.state.log.find((e) => e.fault === fault)!;
      expect(left.map((b) => b.id)[0]).toBe(held.batchId);
      expect(left.length).toBeLessThanOrEqual(2);
      expect(sha256(left[0]!.body)).toBe(held.wireSha256);
      const heldBody = zlib.gunzipSync(left[0]!.body).toString('utf8');
      expect(sha256(heldBody)).toBe(held.sha256);
      const unsent = left.slice(1);
      for (const b of unsent) expect(server.state.log.some((e) => e.batchId === b.id)).toBe(false);
      expect(count(db, 'locks')).toBe(1);

      // The office changes a case of that batch before the next run.
      const inFlight = (JSON.parse(heldBody) as { records: { kind: string; id: string }[] }).records.find((r) => r.kind === 'case');
      if (inFlight) change(db, cases, inFlight.id, { title: '崩溃后修改' });

      // The dead holder's lock is taken over at once: its process is gone on this machine.
      const summary = await upload(server, db, { maxRecords: 30 });
      expect(summary.result).toBe('ok');
      const resent = server.state.log.filter((e) => e.batchId === held.batchId);
      expect(resent.map((e) => e.wireSha256)).toEqual([held.wireSha256, held.wireSha256]);
      // The batch written but never sent goes out under the id and with the bytes it was written with.
      for (const b of unsent) {
        expect(server.state.log.filter((e) => e.batchId === b.id).map((e) => e.wireSha256)).toEqual([sha256(b.body)]);
      }
      expectServerHoldsLatest(server, db);
      expectEachVersionInOneBatch(server);
      expectCleanLog(server, { maxRecords: 30 });
      for (const versions of server.state.storedVersions.values()) expect(new Set(versions).size).toBe(versions.length);
      expect(count(db, 'outbox')).toBe(0);
      expect(count(db, 'upload_batches')).toBe(0);
      expect(count(db, 'locks')).toBe(0);
    },
  );

  it('the lock refuses a second concurrent run, and one left by another machine lapses at its expiry', async () => {
    server = await startDistrictServer({ seed: 9, faults: { script: ['slow'], slowMs: 400 } });
    t = tempDb();
    seedCentre(t.db, 3);
    const first = upload(server, t.db, { timeoutMs: 5000 });
    await until('the first request', () => server!.state.log.length > 0);
    const second = t.reopen();
    await expect(upload(server, second)).rejects.toMatchObject({ code: 'BUSY', message: expect.stringContaining('另一个上传正在进行') });
    expect((await first).result).toBe('ok');

    const at = (ms: number) => rfc3339(new Date(Date.now() + ms));
    second.sqlite
      .prepare("INSERT INTO locks (name, holder, expires_at) VALUES ('upload', '4242@another-pc upload:schedule', ?)")
      .run(at(60_000));
    await expect(upload(server, second)).rejects.toMatchObject({ code: 'BUSY', message: expect.stringContaining('another-pc') });
    second.sqlite.prepare("UPDATE locks SET expires_at = ? WHERE name = 'upload'").run(at(-1000));
    expect((await upload(server, second)).result).toBe('ok');
    expect(count(second, 'locks')).toBe(0);
  });
});
