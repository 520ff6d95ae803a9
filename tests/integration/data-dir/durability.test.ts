/**
 * Issue 12 item 13: an acknowledged registration must survive a power cut, so the app's database
 * syncs the WAL on every commit (synchronous=FULL), in every process that opens it. The cost is
 * measured by `npm run bench -- --only register-case-sync-normal,register-case-sync-full`.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { startTestApp, type TestApp } from '../../support/backend';
import { tempDir } from '../../support/tmp';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const FULL = 2;

describe('durable commits', () => {
  it('the running app commits with synchronous=FULL in WAL mode', async () => {
    app = await startTestApp();
    const sqlite = app.backend.app.ctx.db.sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('so does every other opener of the database (CLI commands, the upload)', () => {
    const t = tempDir();
    const db = openDatabase(path.join(t.dir, 'x.sqlite'));
    try {
      expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
    } finally {
      db.close();
      t.cleanup();
    }
  });
});
