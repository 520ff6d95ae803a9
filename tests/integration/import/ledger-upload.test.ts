/**
 * Imported cases go up to the district like any other record (issue #16): the real upload to the
 * real test district server accepts every imported case, party and event, and after an undo it
 * receives the tombstones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { startTestApp, type TestApp } from '../../support/backend';
import { ledgerBytes, streetLedger, toBase64 } from '../../support/ledgers';
import { expectServerHoldsLatest, upload } from '../upload/harness';
import { CENTRE } from '../upload/seed';

let server: DistrictServer;
let app: TestApp;

beforeEach(async () => {
  server = await startDistrictServer({ seed: 16 });
  app = await startTestApp();
  // The test app's centre has the upload tests' centre code, which the test server holds a token for.
  expect(app.backend.app.ctx.db.sqlite.prepare('SELECT centre_code AS c FROM centre').get()).toEqual({ c: CENTRE });
});
afterEach(async () => {
  app.close();
  await server.close();
});

describe('imported cases and the nightly upload', () => {
  it('uploads every imported record, accepted, and the undo as deletions', async () => {
    const s = await app.login();
    const file = { fileName: '台账.xlsx', contentBase64: toBase64(await ledgerBytes(streetLedger())) };
    const ins = await app.call('import.inspect', { file }, s);
    const run = await app.call('import.run', { file, sheet: ins.sheet, kind: ins.kind, mapping: ins.mapping }, s);
    const db = app.backend.app.ctx.db;

    const first = await upload(server, db);
    expect(first).toMatchObject({ result: 'ok', rejected: 0, pending: 0 });
    expectServerHoldsLatest(server, db);
    const ids = (db.sqlite.prepare('SELECT id FROM cases WHERE import_batch_id = ?').all(run.batchId) as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(server.state.record(CENTRE, 'case', id)).toMatchObject({ version: 1, deleted: false });

    await app.call('import.undo', { batchId: run.batchId! }, s);
    const second = await upload(server, db);
    expect(second).toMatchObject({ result: 'ok', rejected: 0, pending: 0 });
    for (const id of ids) expect(server.state.record(CENTRE, 'case', id)).toMatchObject({ version: 2, deleted: true });
    expectServerHoldsLatest(server, db);
  });
});
