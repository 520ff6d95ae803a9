import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

const run = promisify(execFile);
let app: TestApp;
afterEach(() => app?.close());

describe('case numbers', () => {
  it('stay gapless and unique when four processes register at the same time', async () => {
    app = await startTestApp();
    const worker = path.resolve('tests/peers/register-worker.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    await Promise.all([1, 2, 3, 4].map(() => run(tsx, [worker, app.dir, '25'], { env: { ...process.env, TZ: 'Asia/Shanghai' } })));
    const rows = app.backend.app.ctx.db.sqlite.prepare('SELECT serial, case_number AS n FROM cases ORDER BY serial').all() as {
      serial: number;
      n: string;
    }[];
    expect(rows).toHaveLength(100);
    expect(rows.map((r) => r.serial)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.n)).size).toBe(100);
  }, 60_000);

  it('are never reused after a rejected or withdrawn case, and restart at 1 in a new year', async () => {
    app = await startTestApp({ now: '2026-12-31T23:00:00+08:00' });
    const s = await app.login();
    const a = await app.call('cases.register', walkInCase(), s);
    await app.call('cases.step', { id: a.id, version: a.version, action: 'reject', reason: '不属于人民调解范围' }, s);
    const b = await app.call('cases.register', walkInCase(), s);
    expect(b.caseNumber).toBe('（2026）牧调字第0002号');
    app.clock.set('2027-01-01T08:30:00+08:00');
    const s2 = await app.login();
    expect((await app.call('cases.register', walkInCase(), s2)).caseNumber).toBe('（2027）牧调字第0001号');
  });
});
