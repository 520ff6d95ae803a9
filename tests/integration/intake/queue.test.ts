/** The day's queue: gapless numbers under concurrency, a new day starts at A001, calling and the hall display. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, kioskInput, staff, startEnv, type Env } from './harness';

const run = promisify(execFile);
let env: Env;
afterEach(async () => env?.close());

describe('queue numbers', () => {
  it('four kiosks (processes) submitting at the same moment never get the same number, and none is skipped', async () => {
    env = await startEnv();
    const worker = path.resolve('tests/integration/intake/submit-worker.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => run(tsx, [worker, env.app.dir, '25'], { env: { ...process.env, TZ: 'Asia/Shanghai' } })),
    );
    const issued = results.flatMap((r) => JSON.parse(r.stdout) as string[]);
    expect(issued).toHaveLength(100);
    expect(new Set(issued).size).toBe(100);
    const db = env.app.backend.app.ctx.db.sqlite;
    const rows = db.prepare('SELECT number, code FROM queue_tickets ORDER BY number').all() as { number: number; code: string }[];
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(rows[0]!.code).toBe('A001');
    expect(rows[99]!.code).toBe('A100');
    const intakes = db.prepare('SELECT count(*) AS n, count(DISTINCT query_code) AS codes FROM intakes').get() as {
      n: number;
      codes: number;
    };
    expect(intakes).toEqual({ n: 100, codes: 100 });
    // Each ticket belongs to exactly one registration.
    expect((db.prepare('SELECT count(DISTINCT intake_id) AS n FROM queue_tickets').get() as { n: number }).n).toBe(100);
  }, 90_000);

  it('restart at A001 each day; yesterday’s tickets leave today’s queue', async () => {
    env = await startEnv({ now: '2026-11-20T16:50:00+08:00' });
    expect((await env.app.call('intake.submit', kioskInput())).queueCode).toBe('A001');
    expect((await env.app.call('intake.submit', kioskInput({ name: '李四' }))).queueCode).toBe('A002');
    env.app.clock.set('2026-11-21T08:30:00+08:00');
    const admin = await env.app.login();
    const r = await env.app.call('intake.submit', kioskInput({ name: '周五' }));
    expect(r.queueCode).toBe('A001');
    expect(r.registrationNumber).toBe('20261121-A001');
    const today = await env.app.call('queue.today', {}, admin);
    expect(today.day).toBe('2026-11-21');
    expect(today.tickets.map((t) => t.code)).toEqual(['A001']);
    expect(today.tickets[0]!.name).toBe('周五');
  });
});

describe('calling numbers', () => {
  it('a mediator calls the next number to their desk; the hall display shows codes and desks only', async () => {
    env = await startEnv();
    for (const name of ['甲', '乙', '丙']) await env.app.call('intake.submit', kioskInput({ name: `${name}某` }));
    const mediator = await staff(env.app, env.admin, 'tiaojie', 'mediator');

    const first = await env.app.call('queue.callNext', {}, mediator);
    expect(first).toMatchObject({ code: 'A001', status: 'called', desk: '1号调解室', calledByName: 'mediator用户' });
    await env.app.call('queue.setDesk', { desk: '2号窗口' }, env.admin);
    const second = await env.app.call('queue.callNext', {}, env.admin);
    expect(second).toMatchObject({ code: 'A002', desk: '2号窗口' });

    const display = await env.app.call('queue.display', undefined);
    expect(display.called).toEqual([
      { code: 'A002', desk: '2号窗口', calledAt: '2026-11-20T09:00:00+08:00' },
      { code: 'A001', desk: '1号调解室', calledAt: '2026-11-20T09:00:00+08:00' },
    ]);
    expect(display.waiting).toBe(1);
    expect(JSON.stringify(display)).not.toMatch(/某|intake|id/);

    // serving, done; a no-show goes back into the queue and can be called again.
    await env.app.call('queue.setStatus', { ticketId: first.id, status: 'serving' }, mediator);
    await env.app.call('queue.setStatus', { ticketId: first.id, status: 'done' }, mediator);
    await env.app.call('queue.setStatus', { ticketId: second.id, status: 'no_show' }, mediator);
    const after = await env.app.call('queue.display', undefined);
    expect(after.called).toEqual([]);
    expect((await failure(env.app.call('queue.setStatus', { ticketId: first.id, status: 'waiting' }, mediator))).code).toBe('ILLEGAL_STEP');
    expect(await env.app.call('queue.call', { ticketId: second.id, desk: '3号调解室' }, mediator)).toMatchObject({
      code: 'A002',
      status: 'called',
      desk: '3号调解室',
    });

    const third = await env.app.call('queue.callNext', {}, mediator);
    expect(third.code).toBe('A003');
    expect((await failure(env.app.call('queue.callNext', {}, mediator))).message).toBe('现在没有等候的号');

    const today = await env.app.call('queue.today', {}, mediator);
    expect(today.counts).toEqual({ waiting: 0, called: 2, serving: 0, done: 1, no_show: 0 });
  });

  it('two desks pressing 叫号 together get two different numbers', async () => {
    env = await startEnv();
    for (let i = 0; i < 6; i++) await env.app.call('intake.submit', kioskInput({ name: `市民${i}` }));
    const calls = await Promise.all(
      Array.from({ length: 6 }, (_, i) => env.app.call('queue.callNext', { desk: `${i + 1}号窗口` }, env.admin)),
    );
    expect(new Set(calls.map((c) => c.code)).size).toBe(6);
  });

  it('court mediators and the public cannot call numbers; the display needs no login', async () => {
    env = await startEnv();
    await env.app.call('intake.submit', kioskInput());
    const court = await staff(env.app, env.admin, 'fayuan', 'court_mediator');
    expect((await failure(env.app.call('queue.callNext', {}, court))).code).toBe('FORBIDDEN');
    expect((await failure(env.app.call('queue.callNext', {}))).code).toBe('UNAUTHENTICATED');
    expect((await failure(env.app.call('queue.today', {}))).code).toBe('UNAUTHENTICATED');
    expect((await env.app.call('queue.display', undefined)).waiting).toBe(1);
  });
});
