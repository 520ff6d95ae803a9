/**
 * Issue 12 item 6: on Linux the data dir is the user's alone — folders 0700, every file the app
 * writes 0600 — and a data dir left 755/644 by an older version is tightened at start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { runCli } from '../../../electron/cli/run';
import { dailyBackup } from '../../../electron/services/backup';
import { createLogger } from '../../../electron/services/core/logger';
import { fileSecretStore } from '../../../electron/services/secrets';
import { ADMIN, CENTRE } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { tempDir } from '../../support/tmp';

const dirs: ReturnType<typeof tempDir>[] = [];
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 300));
  for (const d of dirs) d.cleanup();
});

const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** Every folder and file under `dir` with a mode other than 0700 / 0600. */
function loose(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (mode(d) !== 0o700) out.push(`${path.relative(dir, d) || '.'} ${mode(d).toString(8)}`);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && mode(full) !== 0o600) out.push(`${path.relative(dir, full)} ${mode(full).toString(8)}`);
    }
  };
  walk(dir);
  return out;
}

async function useApp(dataDir: string) {
  const backend = createBackend({ dataDir, host: 'browser', logger: createLogger({ logsDir: path.join(dataDir, 'logs') }) });
  try {
    const setup = await backend.invoke({ op: 'setup.status' });
    if (setup.ok && !(setup.data as { setUp: boolean }).setUp)
      await backend.invoke({ op: 'setup.create', input: { centre: CENTRE, admin: ADMIN } });
    const login = await backend.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } });
    const session = (login as { ok: true; data: { session: string } }).data.session;
    const c = await backend.invoke({ op: 'cases.register', input: walkInCase(), session });
    expect(c.ok).toBe(true);
    // A document, a daily backup, a secret and a machine preference: each a file of its own.
    const caseId = (c as { ok: true; data: { id: string } }).data.id;
    const doc = await backend.invoke({ op: 'documents.generate', input: { caseId, type: 'rights-notice' }, session });
    expect(doc.ok).toBe(true);
    await dailyBackup(backend.app.ctx.db.sqlite, backend.app.ctx.paths.backups, new Date());
    fileSecretStore(backend.app.ctx.paths.secrets).set('district-token', 'secret-value');
    backend.app.prefs.set('deskName', '2号调解室');
    backend.app.ctx.logger.info('a line in the log');
    await new Promise((r) => setTimeout(r, 300));
    return backend;
  } catch (e) {
    backend.close();
    throw e;
  }
}

describe('data dir permissions (Linux)', () => {
  it('creates the data dir 0700 and every file in it 0600: database, WAL, SHM, backups, documents, logs, secrets, prefs', async () => {
    const t = tempDir('md-perm-');
    dirs.push(t);
    const dataDir = path.join(t.dir, 'data');
    const backend = await useApp(dataDir);
    try {
      const files = fs.readdirSync(dataDir);
      expect(files).toEqual(
        expect.arrayContaining(['mediation.sqlite', 'mediation.sqlite-wal', 'mediation.sqlite-shm', 'secrets.json', 'machine-prefs.json']),
      );
      expect(fs.readdirSync(path.join(dataDir, 'backups')).length).toBeGreaterThan(0);
      expect(fs.readdirSync(path.join(dataDir, 'logs')).some((f) => f.endsWith('.log'))).toBe(true);
      expect(fs.readdirSync(path.join(dataDir, 'documents'), { recursive: true }).length).toBeGreaterThan(0);
      expect(loose(dataDir)).toEqual([]);
    } finally {
      backend.close();
    }
    // An export written by the CLI, wherever it goes, is not readable by others either.
    const out = path.join(t.dir, 'export.jsonl');
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    try {
      expect(await runCli(['export', '--data-dir', dataDir, '--out', out])).toBe(0);
    } finally {
      process.stdout.write = write;
      process.exitCode = undefined;
    }
    expect(mode(out)).toBe(0o600);
  });

  it('tightens a data dir an older version left 755 / 644', async () => {
    const t = tempDir('md-perm-old-');
    dirs.push(t);
    const dataDir = path.join(t.dir, 'data');
    (await useApp(dataDir)).close();
    // As an older version left it.
    const loosen = (d: string) => {
      fs.chmodSync(d, 0o755);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) loosen(full);
        else fs.chmodSync(full, 0o644);
      }
    };
    loosen(dataDir);
    expect(loose(dataDir).length).toBeGreaterThan(5);
    const backend = createBackend({ dataDir, host: 'browser', logger: createLogger({}) });
    try {
      expect(loose(dataDir)).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
