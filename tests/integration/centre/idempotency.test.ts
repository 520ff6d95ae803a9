import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { walkInCase } from '../../support/cases';
import { ADMIN } from '../../support/backend';
import { startCentre, type Centre } from '../../support/centre';
import { kioskInput } from '../intake/harness';

let centre: Centre | undefined;
afterEach(async () => {
  await centre?.close();
  centre = undefined;
});

const count = (c: Centre, sql: string) => (c.backend.app.ctx.db.sqlite.prepare(sql).get() as { n: number }).n;

async function deskSession(c: Centre, cookie: string) {
  const res = await c.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } }, { cookie });
  return (res.json.data as { session: string }).session;
}

describe('a save that reached the host is never applied twice', () => {
  it('answers a repeated write with the same key from the first answer', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk');
    const session = await deskSession(centre, desk.cookie);
    const idempotencyKey = randomUUID();
    const body = { op: 'cases.register', input: walkInCase(), session, idempotencyKey };
    const first = await centre.invoke(body, { cookie: desk.cookie });
    const second = await centre.invoke(body, { cookie: desk.cookie });
    expect(first.json.ok).toBe(true);
    expect(second.body).toBe(first.body);
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(1);
    // A new key is a new save.
    await centre.invoke({ ...body, idempotencyKey: randomUUID() }, { cookie: desk.cookie });
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(2);
  });

  it('applies concurrent repeats (a retry while the first is still running) once', async () => {
    centre = await startCentre();
    const kiosk = await centre.pair('kiosk');
    const body = { op: 'intake.submit', input: kioskInput(), idempotencyKey: randomUUID() };
    const answers = await Promise.all([1, 2, 3, 4].map(() => centre!.invoke(body, { cookie: kiosk.cookie })));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.json.ok).toBe(true);
    expect(count(centre, 'SELECT count(*) AS n FROM intakes')).toBe(1);
  });

  it('keeps the answer across a host restart, per caller, for 24 hours', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk');
    const other = await centre.pair('desk', '另一台');
    const session = await deskSession(centre, desk.cookie);
    const idempotencyKey = randomUUID();
    const body = { op: 'cases.register', input: walkInCase(), session, idempotencyKey };
    const first = await centre.invoke(body, { cookie: desk.cookie });
    await centre.restart();
    const session2 = await deskSession(centre, desk.cookie);
    const after = await centre.invoke({ ...body, session: session2 }, { cookie: desk.cookie });
    expect(after.json).toEqual(first.json);
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(1);

    // Another device's key space is its own.
    const otherSession = await deskSession(centre, other.cookie);
    await centre.invoke({ ...body, session: otherSession }, { cookie: other.cookie });
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(2);

    centre.clock.advance(24 * 60 * 60_000 + 60_000);
    const session3 = await deskSession(centre, desk.cookie);
    await centre.invoke({ ...body, session: session3 }, { cookie: desk.cookie });
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(3);
  });

  it('does not keep a refused write, so the corrected retry goes through', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk');
    const session = await deskSession(centre, desk.cookie);
    const idempotencyKey = randomUUID();
    const bad = await centre.invoke(
      { op: 'cases.register', input: { ...walkInCase(), title: '' }, session, idempotencyKey },
      { cookie: desk.cookie },
    );
    expect(bad.json.error?.code).toBe('VALIDATION');
    const good = await centre.invoke({ op: 'cases.register', input: walkInCase(), session, idempotencyKey }, { cookie: desk.cookie });
    expect(good.json.ok).toBe(true);
  });

  it('says plainly when a save was cut off by a crash and its outcome is unknown, instead of applying it again', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk');
    const session = await deskSession(centre, desk.cookie);
    const idempotencyKey = randomUUID();
    // What a host killed between the save and its answer leaves behind.
    centre.backend.app.ctx.db.sqlite
      .prepare("INSERT INTO idempotent_answers (caller, key, op, answer, created_at) VALUES (?, ?, 'cases.register', 'pending', ?)")
      .run(`device:${desk.deviceId}`, idempotencyKey, centre.clock.now().toISOString());
    const res = await centre.invoke({ op: 'cases.register', input: walkInCase(), session, idempotencyKey }, { cookie: desk.cookie });
    expect(res.json.error?.code).toBe('CONFLICT');
    expect(res.json.error?.message).toContain('无法确认');
    expect(count(centre, 'SELECT count(*) AS n FROM cases')).toBe(0);
  });

  it('refuses a key reused for another operation', async () => {
    centre = await startCentre();
    const desk = await centre.pair('desk');
    const session = await deskSession(centre, desk.cookie);
    const idempotencyKey = randomUUID();
    await centre.invoke({ op: 'cases.register', input: walkInCase(), session, idempotencyKey }, { cookie: desk.cookie });
    const res = await centre.invoke(
      {
        op: 'users.create',
        input: { loginName: 'u2', displayName: '甲', role: 'intake', password: 'Clerk12345' },
        session,
        idempotencyKey,
      },
      { cookie: desk.cookie },
    );
    expect(res.json.error?.code).toBe('VALIDATION');
    expect(count(centre, "SELECT count(*) AS n FROM users WHERE login_name = 'u2'")).toBe(0);
  });
});
