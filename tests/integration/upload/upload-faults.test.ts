/**
 * The answers that say nothing (5xx, resets, time-outs, pages that are not the API) and the busy
 * ones (429/503): the same batch goes again with the same id and bytes, and nothing is lost or
 * stored twice, however often it happens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cases, parties } from '../../../db/schema';
import { FAULT_KINDS, startDistrictServer, type DistrictServer, type FaultKind } from '../../peers/district-server';
import { expectCleanLog, expectEachVersionInOneBatch, expectServerHoldsLatest, upload } from './harness';
import { addCase, addParty, change, count, seedCentre, tempDb, tombstone, type TempDb } from './seed';

let server: DistrictServer | undefined;
let t: TempDb | undefined;
afterEach(async () => {
  await server?.close();
  t?.cleanup();
  server = undefined;
  t = undefined;
});

// Long enough for a normal answer on a loaded machine, short enough to keep the suite quick.
const TIMEOUT_MS = 500;

describe('runUpload: faults', () => {
  it.each(FAULT_KINDS.map((k) => [k]))('%s: the same batch is retried until the district answers', async (kind: FaultKind) => {
    server = await startDistrictServer({ seed: 5, faults: { script: [kind], slowMs: TIMEOUT_MS * 3, retryAfterSeconds: 2 } });
    t = tempDb();
    seedCentre(t.db, 3);
    const waits: number[] = [];
    const summary = await upload(server, t.db, { timeoutMs: TIMEOUT_MS, sleep: async (ms) => void waits.push(ms) });

    expect(summary.result).toBe('ok');
    expect(summary.pending).toBe(0);
    // One batch, tried at least twice, always with the same bytes (a loaded machine may add a try).
    const log = server.state.log;
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(new Set(log.map((e) => e.batchId)).size).toBe(1);
    expect(new Set(log.map((e) => e.sha256)).size).toBe(1);
    expect(log[0]!.fault).toBe(kind);
    expect(log.at(-1)!.status).toBe(200);
    expect(waits.length).toBe(log.length - 1);
    if (kind === '429' || kind === '503') expect(waits[0]).toBe(2000);
    const storedFirst = ['500-after', 'reset-after', 'slow', 'garbage'].includes(kind);
    // When the first try was stored, the retry is a replay: the district counts the records once.
    expect(summary.accepted).toBe(summary.sent);
    expect(log.reduce((n, e) => n + e.stored, 0)).toBe(summary.sent);
    expect(log[0]!.stored).toBe(storedFirst ? summary.sent : 0);
    expectServerHoldsLatest(server, t.db);
    expectEachVersionInOneBatch(server);
    expect(summary.reconciliation?.ok).toBe(true);
  });

  it('gives up after a bounded number of tries with growing waits, and the next run sends the same bytes', async () => {
    server = await startDistrictServer({ seed: 5, faults: { script: [null, ...Array<FaultKind>(5).fill('500-before')] } });
    t = tempDb();
    const { db } = t;
    seedCentre(db, 10);
    const waits: number[] = [];
    const first = await upload(server, db, { maxRecords: 30, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(first.result).toBe('partial');
    expect(first.message).toContain('已重试 5 次');
    expect(first.message).toContain('下次上传');
    expect(first.pending).toBeGreaterThan(0);
    expect(first.pending).toBe(count(db, 'outbox'));
    // base 2 s doubling, with jitter between half and all of each step
    expect(waits).toEqual([1500, 3000, 6000, 12000]);
    const left = db.sqlite.prepare('SELECT batch_id AS id, attempts, last_error AS lastError FROM upload_batches').all() as {
      id: string;
      attempts: number;
      lastError: string;
    }[];
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ attempts: 5, lastError: expect.stringContaining('500') });

    const second = await upload(server, db, { maxRecords: 30 });
    expect(second.result).toBe('ok');
    const tries = server.state.log.filter((e) => e.batchId === left[0]!.id);
    expect(tries).toHaveLength(6);
    expect(new Set(tries.map((e) => e.sha256)).size).toBe(1);
    expectServerHoldsLatest(server, db);
    expectEachVersionInOneBatch(server);
  });

  it('a Retry-After beyond the cap ends the run instead of waiting all night', async () => {
    server = await startDistrictServer({ seed: 5, faults: { script: ['503'], retryAfterSeconds: 3600 } });
    t = tempDb();
    seedCentre(t.db, 2);
    const waits: number[] = [];
    const first = await upload(server, t.db, { sleep: async (ms) => void waits.push(ms) });
    expect(first.result).toBe('failed');
    expect(first.message).toContain('繁忙');
    expect(waits).toEqual([]);
    const second = await upload(server, t.db);
    expect(second.result).toBe('ok');
    expectEachVersionInOneBatch(server);
  });

  it('30% faults over repeated runs with changes in between: the district ends with every record at its latest version', async () => {
    server = await startDistrictServer({ seed: 2026, faults: { rate: 0.3, slowMs: TIMEOUT_MS * 3, retryAfterSeconds: 1 } });
    t = tempDb();
    const { db } = t;
    const { caseIds } = seedCentre(db, 100);
    const limits = { maxRecords: 20, maxBytes: 24 * 1024 };
    const results: string[] = [];
    let runs = 0;
    for (; runs < 30; runs++) {
      if (runs < 8) {
        // The office keeps working between nightly runs.
        for (let i = 0; i < 20; i++) change(db, cases, caseIds[(runs * 11 + i * 7) % caseIds.length]!, { title: `第 ${runs} 晚改 ${i}` });
        for (let i = 0; i < 3; i++) addParty(db, addCase(db));
        const party = (db.sqlite.prepare('SELECT id FROM parties WHERE deleted = 0 LIMIT 1 OFFSET ?').get(runs * 3) as { id: string }).id;
        tombstone(db, parties, party);
      }
      const s = await upload(server, db, { ...limits, timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 2, maxBusyWaits: 1 } });
      results.push(s.result);
      if (runs >= 8 && s.result === 'ok' && count(db, 'outbox') === 0 && count(db, 'upload_batches') === 0) break;
    }
    expect(runs).toBeLessThan(30);
    expect(results.at(-1)).toBe('ok');
    // Some nights ended early and left batches for the next: the resend path ran too.
    expect(results).toContain('partial');
    const faults = server.state.log.filter((e) => e.fault !== null);
    expect(faults.length).toBeGreaterThan(15);
    expect(new Set(faults.map((e) => e.fault)).size).toBeGreaterThanOrEqual(6);
    expectServerHoldsLatest(server, db);
    expectCleanLog(server, limits);
    expectEachVersionInOneBatch(server);
    const last = db.sqlite.prepare('SELECT reconciliation FROM upload_runs ORDER BY started_at DESC, id DESC LIMIT 1').get() as {
      reconciliation: string;
    };
    expect(JSON.parse(last.reconciliation)).toMatchObject({ ok: true });
  });
});
