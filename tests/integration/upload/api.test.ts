/**
 * 设置 › 区级上传 through the API, as the window calls it, against the real test district server:
 * the token is write-only (masked in every answer, absent from the database, the logs, the export
 * and what the district receives), the settings are checked as district-api.md demands, 立即上传
 * runs in the background with a progress and refuses a second start, the status shows the
 * result, and a record the district refused goes again with 重新上传 once the cause is fixed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../../electron/services/upload/lock';
import type { BackendOptions } from '../../../electron/backend';
import { DISTRICT_TOKEN } from '../../../electron/services/upload/background';
import { exportJsonl } from '../../../electron/services/records/export';
import { maskSecret } from '../../../electron/services/secrets';
import { startDistrictServer, type DistrictServer } from '../../peers/district-server';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { CENTRE, seedCentre } from './seed';

let app: TestApp | undefined;
let server: DistrictServer | undefined;
afterEach(async () => {
  app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

async function setUp(
  opts: { cases?: number; faults?: Parameters<typeof startDistrictServer>[0]; uploads?: BackendOptions['uploads'] } = {},
) {
  server = await startDistrictServer({ seed: 3, ...opts.faults });
  app = await startTestApp(opts.uploads ? { uploads: opts.uploads } : {});
  const session = await app.login();
  if (opts.cases) seedCentre(app.backend.app.ctx.db, opts.cases);
  return { app, server, session, token: server.tokens[CENTRE]! };
}

type Call = TestApp['call'];
async function expectError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { code?: string; message?: string; fields?: Record<string, string> } | null;
  expect(e, 'the call should have failed').not.toBeNull();
  expect(e!.code).toBe(code);
  if (message) expect(e!.message).toMatch(message);
  return e!;
}

/** Poll upload.progress until the run started here has ended. */
async function waitForRun(call: Call, session: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const p = await call('upload.progress', undefined, session);
    if (!p.running) return p;
    if (Date.now() > until) throw new Error('upload did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('upload settings', () => {
  it('starts unset, with the default night window', async () => {
    const { app, session } = await setUp();
    expect(await app.call('upload.settings.get', undefined, session)).toEqual({
      serverUrl: null,
      tokenSet: false,
      tokenMasked: null,
      windowStart: '01:00',
      windowEnd: '05:00',
      centreCode: CENTRE,
    });
    const status = await app.call('upload.status', undefined, session);
    expect(status).toMatchObject({ configured: false, lastRun: null, pending: 0, rejections: [], nextRunAt: null });
  });

  it('refuses addresses district-api.md forbids, bad times and bad tokens, with the field named', async () => {
    const { app, session } = await setUp();
    const save = (over: Record<string, unknown>) =>
      app.call(
        'upload.settings.save',
        { serverUrl: 'https://district.example.cn', windowStart: '01:00', windowEnd: '05:00', ...over },
        session,
      );

    for (const [url, message] of [
      ['http://district.example.cn', /HTTPS/],
      ['http://192.168.1.10:8080', /HTTPS/],
      ['ftp://district.example.cn', /https/],
      ['district.example.cn', /完整/],
      ['https://user:pw@district.example.cn', /用户名或密码/],
      ['', /请填写/],
    ] as const) {
      const e = await expectError(save({ serverUrl: url }), 'VALIDATION', message);
      expect(e.fields).toHaveProperty('serverUrl');
    }
    expect(
      (await expectError(save({ windowStart: '02:00', windowEnd: '02:00' }), 'VALIDATION', /不能与开始时间相同/)).fields,
    ).toHaveProperty('windowEnd');
    expect((await expectError(save({ windowStart: '25:00' }), 'VALIDATION', /HH:MM/)).fields).toHaveProperty('windowStart');
    expect((await expectError(save({ token: '令牌 abc def' }), 'VALIDATION', /不能有空格或中文/)).fields).toHaveProperty('token');
    expect((await expectError(save({ token: 'abc' }), 'VALIDATION', /太短/)).fields).toHaveProperty('token');
    // Nothing was saved by the refused calls.
    expect(await app.call('upload.settings.get', undefined, session)).toMatchObject({ serverUrl: null, tokenSet: false });

    // Loopback may use plain HTTP (tests, local staging); a window may cross midnight.
    for (const url of ['http://127.0.0.1:8443', 'http://localhost:8443/platform', 'https://district.example.cn/api-root']) {
      expect((await save({ serverUrl: url })).serverUrl).toBe(url);
    }
    expect(await save({ windowStart: '23:00', windowEnd: '04:30' })).toMatchObject({ windowStart: '23:00', windowEnd: '04:30' });
  });

  it('only administrators may see or change any of it', async () => {
    const { app, session } = await setUp();
    await app.call('users.create', { loginName: 'mediator1', displayName: '调解员甲', role: 'mediator', password: 'Mediator123' }, session);
    const other = await app.login('mediator1', 'Mediator123');
    for (const op of ['upload.settings.get', 'upload.status', 'upload.progress', 'upload.runNow', 'upload.testConnection'] as const) {
      await expectError(app.call(op, undefined, other), 'FORBIDDEN');
    }
    await expectError(app.call('upload.resend', { kind: 'case', recordId: 'x' }, other), 'FORBIDDEN');
    await expectError(
      app.call(
        'upload.settings.save',
        { serverUrl: 'https://a.example.cn', windowStart: '01:00', windowEnd: '05:00', token: 'abcdefghijk' },
        other,
      ),
      'FORBIDDEN',
    );
  });
});

describe('the district token', () => {
  it('is never returned, stored, logged, exported or uploaded in full', async () => {
    const { app, server, session, token } = await setUp({ cases: 5 });
    const ctx = app.backend.app.ctx;
    const saved = await app.call(
      'upload.settings.save',
      { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' },
      session,
    );
    expect(saved.tokenSet).toBe(true);
    expect(saved.tokenMasked).toBe(maskSecret(token));
    expect(saved.tokenMasked).toMatch(/^.{4}\*+.{2}$/);
    // It sits in the secret store under its name, nowhere in the settings table.
    expect(ctx.secrets.get(DISTRICT_TOKEN)).toBe(token);

    // An empty token keeps the saved one; a changed address does not touch it.
    const kept = await app.call(
      'upload.settings.save',
      { serverUrl: server.url, token: '', windowStart: '02:00', windowEnd: '04:00' },
      session,
    );
    expect(kept.tokenMasked).toBe(maskSecret(token));
    expect(ctx.secrets.get(DISTRICT_TOKEN)).toBe(token);

    const answers: unknown[] = [saved, kept];
    answers.push(await app.call('upload.settings.get', undefined, session));
    answers.push(await app.call('upload.testConnection', undefined, session));
    answers.push(await app.call('upload.runNow', undefined, session));
    answers.push(await app.call('upload.progress', undefined, session));
    answers.push(await waitForRun(app.call, session));
    answers.push(await app.call('upload.status', undefined, session));
    answers.push(await app.call('settings.get', undefined, session));
    for (const a of answers) expect(JSON.stringify(a)).not.toContain(token);

    // Not in the database (tables, audit, WAL), not in the logs, not in the export.
    ctx.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of fs.readdirSync(app.dir, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(app.dir, f);
      if (!fs.statSync(file).isFile() || path.basename(file) === 'secrets.json') continue;
      expect(fs.readFileSync(file).includes(Buffer.from(token)), `${f} holds the token`).toBe(false);
    }
    const out = path.join(app.dir, 'export.jsonl');
    await exportJsonl(ctx.db, out);
    expect(fs.readFileSync(out, 'utf8')).not.toContain(token);
    // Not in what the district received (the Authorization header is the only place it goes).
    expect(server.state.log.length).toBeGreaterThan(0);
    for (const r of server.state.records.values()) expect(JSON.stringify(r)).not.toContain(token);
    // The audit says it was set, not what it is.
    const audit = ctx.db.sqlite.prepare("SELECT summary, after FROM audit WHERE operation = 'upload.token'").all() as {
      summary: string;
      after: unknown;
    }[];
    expect(audit).toEqual([{ summary: '设置区平台令牌', after: null }]);
  });
});

describe('test connection', () => {
  it('with the saved settings, with a given address and token, and the failures in clear Chinese', async () => {
    const { app, server, session, token } = await setUp();
    expect(await app.call('upload.testConnection', undefined, session)).toEqual({ ok: false, message: '尚未填写区平台地址。' });
    // Before saving: what the form holds.
    const given = await app.call('upload.testConnection', { serverUrl: server.url, token }, session);
    expect(given.ok).toBe(true);
    expect(given.message).toContain('连接正常');
    await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
    expect((await app.call('upload.testConnection', {}, session)).ok).toBe(true);

    const wrong = await app.call('upload.testConnection', { token: 'wrong-token-1234' }, session);
    expect(wrong).toEqual({ ok: false, message: expect.stringContaining('令牌错误') as string });
    const other = await app.call('upload.testConnection', { token: server.tokens['410711002']! }, session);
    expect(other.message).toContain('其他中心');
    const closed = await startDistrictServer();
    const deadUrl = closed.url;
    await closed.close();
    const down = await app.call('upload.testConnection', { serverUrl: deadUrl }, session);
    expect(down).toEqual({ ok: false, message: expect.stringContaining('无法连接区平台') as string });
  });
});

describe('立即上传 and the status', () => {
  it('runs in the background, shows its progress, refuses a second start, and the status shows what the district holds', async () => {
    const { app, server, token } = await setUp({ cases: 120 });
    // One case through the real service too; in the next year, so its number cannot meet the seed's.
    app.clock.set('2027-01-05T09:00:00+08:00');
    const session = await app.login();
    await app.call('cases.register', walkInCase(), session);
    await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
    const before = await app.call('upload.status', undefined, session);
    expect(before.configured).toBe(true);
    expect(before.pending).toBeGreaterThan(500);

    const { runId } = await app.call('upload.runNow', undefined, session);
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    // Returned at once: the upload is still running, and a second start is refused clearly.
    const progress = await app.call('upload.progress', undefined, session);
    expect(progress).toMatchObject({ running: true, runId, trigger: 'manual', total: before.pending });
    await expectError(app.call('upload.runNow', undefined, session), 'BUSY', /另一个上传正在进行/);

    const end = await waitForRun(app.call, session);
    expect(end.last).toMatchObject({ runId, result: 'ok' });
    const status = await app.call('upload.status', undefined, session);
    const held = Object.values(server.state.counts(CENTRE)).reduce((a, n) => a + n, 0);
    expect(status.lastRun).toMatchObject({ id: runId, trigger: 'manual', result: 'ok', rejected: 0, pending: 0 });
    expect(status.lastRun!.accepted).toBe(held);
    expect(status.lastRun!.accepted).toBe(before.pending);
    expect(status.lastRun!.reconciliation).toMatchObject({ ok: true, differences: [] });
    expect(status).toMatchObject({ pending: 0, inFlightBatches: 0, rejections: [], rejectionCount: 0 });

    // Nothing new: the next run sends nothing and still reconciles.
    await app.call('upload.runNow', undefined, session);
    expect((await waitForRun(app.call, session)).last?.message).toContain('没有需要上传的记录');
  });

  it('BUSY while another process holds the upload lock', async () => {
    const { app, server, session, token } = await setUp({ cases: 3 });
    await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
    const ctx = app.backend.app.ctx;
    const lock = acquireLock(ctx.db, 'upload', { ttlMs: 60_000, clock: ctx.clock, what: 'upload:cli' });
    await expectError(app.call('upload.runNow', undefined, session), 'BUSY', /另一个上传正在进行/);
    expect((await app.call('upload.progress', undefined, session)).elsewhere).toBe(true);
    lock.release();
    await app.call('upload.runNow', undefined, session);
    expect((await waitForRun(app.call, session)).last?.result).toBe('ok');
  });

  it('a wrong token: the run fails with a clear message, nothing is lost', async () => {
    const { app, server, session } = await setUp({ cases: 3 });
    await app.call(
      'upload.settings.save',
      { serverUrl: server.url, token: 'not-the-district-token', windowStart: '01:00', windowEnd: '05:00' },
      session,
    );
    await app.call('upload.runNow', undefined, session);
    const end = await waitForRun(app.call, session);
    expect(end.last?.result).toBe('failed');
    expect(end.last?.message).toContain('令牌');
    const status = await app.call('upload.status', undefined, session);
    expect(status.lastRun?.result).toBe('failed');
    expect(status.pending).toBeGreaterThan(0);
  });

  it('a record the district refused is listed with the reason, and 重新上传 sends it once fixed', async () => {
    const { app, server, session, token } = await setUp({ cases: 10 });
    const db = app.backend.app.ctx.db;
    const refused = db.sqlite.prepare('SELECT id, case_number AS n FROM cases ORDER BY id LIMIT 1 OFFSET 4').get() as {
      id: string;
      n: string;
    };
    server.setFaults({ rejectIds: [refused.id] });
    await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
    await app.call('upload.runNow', undefined, session);
    expect((await waitForRun(app.call, session)).last?.result).toBe('partial');
    const status = await app.call('upload.status', undefined, session);
    expect(status.rejections).toEqual([
      expect.objectContaining({
        kind: 'case',
        kindLabel: '案件',
        recordId: refused.id,
        caseNumber: refused.n,
        message: '区平台拒收该记录（测试注入）',
      }),
    ]);
    expect(status.rejectionCount).toBe(1);
    expect(status.pending).toBe(1);
    expect(server.state.record(CENTRE, 'case', refused.id)).toBeUndefined();

    // Another run alone does not send it again (it has not changed)…
    await app.call('upload.runNow', undefined, session);
    await waitForRun(app.call, session);
    expect(server.state.record(CENTRE, 'case', refused.id)).toBeUndefined();

    // …the district fixes its side, the administrator presses 重新上传.
    server.setFaults({ rejectIds: [] });
    expect(await app.call('upload.resend', { kind: 'case', recordId: refused.id }, session)).toEqual({ released: 1 });
    await expectError(app.call('upload.resend', { kind: 'case', recordId: refused.id }, session), 'NOT_FOUND');
    await app.call('upload.runNow', undefined, session);
    expect((await waitForRun(app.call, session)).last?.result).toBe('ok');
    expect(server.state.record(CENTRE, 'case', refused.id)).toMatchObject({ version: 1 });
    expect(await app.call('upload.status', undefined, session)).toMatchObject({ pending: 0, rejections: [], lastRun: { result: 'ok' } });
  });
});

describe('the app scheduler', () => {
  it('started with the background jobs: idle without settings, then catches up a missed night against the real server', async () => {
    // No delay before the catch-up (the test app's clock stands still).
    const { app, server, session, token } = await setUp({ cases: 4, uploads: { scheduler: { catchUpDelayMs: [0, 0] } } });
    const uploads = app.backend.app.uploads;
    app.backend.startBackgroundJobs();
    expect(uploads.schedule()).toMatchObject({ nextRunAt: null, running: false });
    expect((await app.call('upload.status', undefined, session)).nextRunAt).toBeNull();

    // Saving the settings plans at once: the night before was missed (never uploaded).
    await app.call('upload.settings.save', { serverUrl: server.url, token, windowStart: '01:00', windowEnd: '05:00' }, session);
    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const s = await app.call('upload.status', undefined, session);
      if (s.lastRun?.finishedAt) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const status = await app.call('upload.status', undefined, session);
    expect(status.lastRun).toMatchObject({ trigger: 'catch-up', result: 'ok', pending: 0 });
    // Next: tonight's window (the test clock says 2026-11-20 09:00).
    expect(status.nextRunAt).toMatch(/^2026-11-21T0[1-4]:/);
  });
});
