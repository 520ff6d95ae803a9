/**
 * `cli upload` and `cli export` as an OS scheduler or a script runs them: real processes on a real
 * data dir, the real test district server on 127.0.0.1. The printed lines and the exit codes are
 * a contract (electron/cli/commands/upload.ts): 0 only when every record was acknowledged and the
 * counts reconcile, 1 with a Chinese message otherwise, 3 when another upload is running.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parties } from '../../../db/schema';
import { openDatabase } from '../../../db/open';
import { dataPaths } from '../../../electron/services/data-dir';
import { acquireLock } from '../../../electron/services/upload/lock';
import { systemClock } from '../../../electron/services/core/clock';
import { RECORD_KINDS, type UploadRecord } from '../../../electron/services/records/kinds';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { startTestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { tempDir } from '../../support/tmp';
import { DISTRICT_CASE_FIELDS } from './harness';
import { CENTRE, seedCentre, tombstone } from './seed';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

/** Asynchronous: the district server answers from this very process while the CLI runs. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
      cwd: repo,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `key: value` lines → object. */
const parse = (stdout: string) =>
  Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );

const CASE_FIELDS = DISTRICT_CASE_FIELDS;
const SOURCES = [
  'walk_in',
  'grid_report',
  'petition_referral',
  'informant_report',
  'court_delegated',
  'court_entrusted',
  'agency_referral',
  'hotline',
  'other',
];

let server: DistrictServer;
let token: string;
let dataDir: string;
const tmp = tempDir('md-upload-cli-');

beforeAll(async () => {
  server = await startDistrictServer({ seed: 8 });
  token = server.tokens[CENTRE]!;
  const app = await startTestApp();
  dataDir = app.dir;
  const db = app.backend.app.ctx.db;
  seedCentre(db, 40);
  // One case through the real service too; in the next year, so its number cannot meet the seed's.
  app.clock.set('2027-01-05T09:00:00+08:00');
  const session = await app.login();
  await app.call('cases.register', walkInCase(), session);
  const party = (db.sqlite.prepare('SELECT id FROM parties LIMIT 1').get() as { id: string }).id;
  tombstone(db, parties, party);
  await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
  // The data dir stays (the CLI uses it); only the app closes.
  app.backend.close();
}, 120_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  tmp.cleanup();
});

const pendingRows = () => {
  const db = openDatabase(dataPaths(dataDir).database);
  try {
    return (db.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('cli upload', () => {
  it('exit 3 with a clear message while another upload (the app) holds the lock; nothing sent', async () => {
    const db = openDatabase(dataPaths(dataDir).database);
    const lock = acquireLock(db, 'upload', { ttlMs: 60_000, clock: systemClock, what: 'upload:manual' });
    try {
      const r = await cli('upload', '--data-dir', dataDir);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('另一个上传正在进行');
      expect(r.stdout).toBe('');
    } finally {
      lock.release();
      db.close();
    }
    expect(server.state.log).toHaveLength(0);
  });

  it('a wrong token: exit 1, the counts, and the message to fix the token; nothing lost', async () => {
    const before = pendingRows();
    const r = await cli('upload', '--data-dir', dataDir, '--token', 'wrong-token-12345');
    expect(r.code).toBe(1);
    const out = parse(r.stdout);
    expect(out).toMatchObject({ accepted: '0', result: 'failed', reconciliation: 'skipped' });
    expect(Number(out.pending)).toBe(before);
    expect(r.stderr).toContain('令牌错误或已失效');
    expect(r.stderr).toContain('设置 → 区级上传');
    expect(r.stdout + r.stderr).not.toContain('wrong-token-12345');
  });

  it('the server down: exit 1 once the same batch has been retried, with the reason', async () => {
    const dead = await startDistrictServer();
    const url = dead.url;
    await dead.close();
    const r = await cli('upload', '--data-dir', dataDir, '--server', url, '--token', token);
    expect(r.code).toBe(1);
    expect(parse(r.stdout)).toMatchObject({ accepted: '0', result: 'failed' });
    expect(r.stderr).toContain('区平台拒绝连接');
    expect(r.stderr).toContain('下次上传时继续');
  }, 90_000);

  it('success: exit 0 and the counts, equal to what the district holds; the token never in output or logs', async () => {
    const before = pendingRows();
    const r = await cli('upload', '--data-dir', dataDir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.slice(0, l.indexOf(':')));
    expect(lines).toEqual(['sent', 'accepted', 'duplicates', 'rejected', 'pending', 'reconciliation', 'result', 'message']);
    const out = parse(r.stdout);
    // The batch left by the failed run above went first, under its own id: nothing twice.
    expect(out).toMatchObject({ duplicates: '0', rejected: '0', pending: '0', reconciliation: 'ok', result: 'ok' });
    expect(Number(out.sent)).toBe(before);
    expect(Number(out.accepted)).toBe(before);
    expect(server.state.records.size).toBe(before);
    expect(out.message).toContain('上传完成');

    const logs = fs
      .readdirSync(dataPaths(dataDir).logs)
      .map((f) => fs.readFileSync(path.join(dataPaths(dataDir).logs, f), 'utf8'))
      .join('');
    expect(logs).toContain('upload run');
    expect(logs).not.toContain(token);
    expect(r.stdout).not.toContain(token);
  });

  it('pointed at a district that lacks what was sent: exit 1, the reconciliation says where', async () => {
    const other = await startDistrictServer({ centres: { [CENTRE]: 'another-district-token' } });
    try {
      const r = await cli('upload', '--data-dir', dataDir, '--server', other.url, '--token', 'another-district-token');
      expect(r.code).toBe(1);
      const out = parse(r.stdout);
      expect(out).toMatchObject({ sent: '0', pending: '0', result: 'partial' });
      expect(out.reconciliation).toMatch(/^mismatch case local 41 server 0; party local \d+ server 0/);
      expect(r.stderr).toContain('核对不一致');
    } finally {
      await other.close();
    }
  });

  it('no server address anywhere: exit 1 and what to do', async () => {
    const blank = await startTestApp();
    const dir = blank.dir;
    blank.backend.close();
    try {
      const r = await cli('upload', '--data-dir', dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('尚未设置区平台地址');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli export', () => {
  it('every record, one JSON object a line in the upload format; case lines carry every Case field; counts per kind', async () => {
    const file = path.join(tmp.dir, 'all.jsonl');
    const r = await cli('export', '--data-dir', dataDir, '--out', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const records = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as UploadRecord);
    for (const rec of records) {
      expect(Object.keys(rec).sort()).toEqual(['data', 'deleted', 'id', 'kind', 'updatedAt', 'version']);
      expect(RECORD_KINDS).toContain(rec.kind);
      expect(rec.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(Number.isInteger(rec.version) && rec.version >= 1).toBe(true);
      expect(rec.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(typeof rec.deleted).toBe('boolean');
      if (rec.deleted) expect(rec.data).toEqual({});
    }
    const cases = records.filter((x) => x.kind === 'case');
    expect(cases).toHaveLength(41);
    for (const c of cases) {
      for (const f of CASE_FIELDS) expect(c.data, `case ${c.id} lacks ${f}`).toHaveProperty(f);
      const d = c.data;
      expect(SOURCES).toContain(d.source);
      expect(['village', 'town', 'district']).toContain(d.tier);
      expect(Array.isArray(d.mediatorIds) && Array.isArray(d.partyIds)).toBe(true);
      if (d.courtReferral !== null)
        expect(Object.keys(d.courtReferral as object)).toEqual(expect.arrayContaining(['mode', 'court', 'referenceNumber', 'referredAt']));
    }
    expect(cases.some((c) => (c.data as { courtReferral: unknown }).courtReferral !== null)).toBe(true);
    expect(records.some((x) => x.kind === 'party' && x.deleted)).toBe(true);

    // The printed counts are the file's, kind by kind, in district-api.md's order.
    const out = parse(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('已导出'))
        .join('\n'),
    );
    for (const kind of RECORD_KINDS) expect(Number(out[kind]), kind).toBe(records.filter((x) => x.kind === kind).length);
    expect(Number(out.total)).toBe(records.length);
    // The district (after the upload above) holds exactly the live records of the export.
    const live = Object.fromEntries(RECORD_KINDS.map((k) => [k, records.filter((x) => x.kind === k && !x.deleted).length]));
    expect(server.state.counts(CENTRE)).toEqual(live);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('scrypt$');
  });

  it('refuses to overwrite an existing file', async () => {
    const file = path.join(tmp.dir, 'exists.jsonl');
    fs.writeFileSync(file, 'keep me\n');
    const r = await cli('export', '--data-dir', dataDir, '--out', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('目标文件已存在，不会覆盖');
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me\n');
  });
});
