/** The clerk's review: accept into a case, merge with a repeat dispute, reject with a reason; retention. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpiredIntakes } from '../../../electron/services/intake/retention';
import { walkInCase } from '../../support/cases';
import { WANG_ID, failure, kioskInput, staff, startEnv, type Env } from './harness';

let env: Env;
beforeEach(async () => {
  env = await startEnv();
});
afterEach(async () => env.close());

async function pendingOne() {
  const list = await env.app.call('intake.pending', {}, env.admin);
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe('accepting a registration into a case', () => {
  it('registers a walk-in case with the citizen as applicant and the other party as respondent, and links both ways', async () => {
    await env.app.call('intake.submit', kioskInput());
    const p = await pendingOne();
    expect(p).toMatchObject({
      name: '王秀兰',
      phone: '13803734321',
      idNumber: '4107**********' + WANG_ID.slice(-4),
      categoryLabel: '邻里',
      registrationNumber: '20261120-A001',
    });
    const clerk = await staff(env.app, env.admin, 'xiaoliu', 'intake');
    const ref = await env.app.call('intake.accept', { intakeId: p.id }, clerk);
    expect(ref).toMatchObject({ caseNumber: '（2026）牧调字第0001号', status: 'registered' });

    const c = await env.app.call('cases.get', { id: ref.id }, env.admin);
    expect(c).toMatchObject({
      title: '邻里纠纷',
      category: 'neighbor',
      source: 'walk_in',
      tier: 'district',
      summary: kioskInput().description,
    });
    expect(c.parties.map((x) => [x.role, x.name, x.phone, x.idType, x.idNumber])).toEqual([
      ['applicant', '王秀兰', '13803734321', 'resident_id', WANG_ID],
      ['respondent', '赵大勇', '13937351234', null, null],
    ]);
    expect(c.timeline.map((t) => t.operation)).toEqual(expect.arrayContaining(['cases.register', 'intake.accept']));

    const [row] = (await env.app.call('intake.list', { status: ['accepted'] }, env.admin)).rows;
    expect(row).toMatchObject({
      id: p.id,
      status: 'accepted',
      caseId: ref.id,
      caseNumber: ref.caseNumber,
      reviewerName: 'intake用户',
      registrationNumber: ref.caseNumber,
    });
    const q = await env.app.call('queue.today', {}, env.admin);
    expect(q.tickets[0]).toMatchObject({ code: 'A001', caseId: ref.id, caseNumber: ref.caseNumber });
    expect(await env.app.call('intake.pending', {}, env.admin)).toEqual([]);

    // Two clerks on the same registration: the second is told it is done.
    const again = await failure(env.app.call('intake.accept', { intakeId: p.id }, env.admin));
    expect(again).toMatchObject({ code: 'ILLEGAL_STEP' });
    expect(again.message).toMatch(/已经处理过了/);
  });

  it('without another party and with a title from the clerk', async () => {
    await env.app.call('intake.submit', kioskInput({ otherParty: '', otherPartyPhone: '', idNumber: '', category: 'labor' }));
    const p = await pendingOne();
    const ref = await env.app.call('intake.accept', { intakeId: p.id, title: '装修工人追讨工资' }, env.admin);
    const c = await env.app.call('cases.get', { id: ref.id }, env.admin);
    expect(c.title).toBe('装修工人追讨工资');
    expect(c.parties.map((x) => x.role)).toEqual(['applicant']);
  });
});

describe('merging with a repeat dispute', () => {
  it('shows the open case the citizen is already a party of, and links the registration to it', async () => {
    const existing = await env.app.call('cases.register', walkInCase(), env.admin);
    // 张建国 comes back about the same wall, giving the same name and phone.
    await env.app.call('intake.submit', kioskInput({ name: '张建国', phone: '13803731234', idNumber: '', category: 'housing_homestead' }));
    const p = await pendingOne();
    expect(p.repeats).toEqual([
      expect.objectContaining({ caseId: existing.id, caseNumber: existing.caseNumber, reason: '当事人“张建国”姓名和电话相同' }),
    ]);
    const ref = await env.app.call('intake.merge', { intakeId: p.id, caseId: existing.id }, env.admin);
    expect(ref.id).toBe(existing.id);
    const [row] = (await env.app.call('intake.list', { status: ['merged'] }, env.admin)).rows;
    expect(row).toMatchObject({ status: 'merged', caseId: existing.id });
    const c = await env.app.call('cases.get', { id: existing.id }, env.admin);
    expect(c.parties).toHaveLength(2); // nobody added
    expect(c.timeline.map((t) => t.operation)).toContain('intake.merge');
    // Only one case exists.
    expect((await env.app.call('cases.list', {}, env.admin)).total).toBe(1);
  });

  it('refuses a closed case and an unknown one', async () => {
    const c = await env.app.call('cases.register', walkInCase(), env.admin);
    await env.app.call('cases.step', { id: c.id, version: c.version, action: 'reject', reason: '不属于调解范围' }, env.admin);
    await env.app.call('intake.submit', kioskInput());
    const p = await pendingOne();
    expect((await failure(env.app.call('intake.merge', { intakeId: p.id, caseId: c.id }, env.admin))).code).toBe('ILLEGAL_STEP');
    expect((await failure(env.app.call('intake.merge', { intakeId: p.id, caseId: 'nope' }, env.admin))).code).toBe('NOT_FOUND');
    expect((await pendingOne()).status).toBe('pending');
  });
});

describe('rejecting', () => {
  it('needs a reason; the registration leaves the pending list', async () => {
    await env.app.call('intake.submit', kioskInput());
    const p = await pendingOne();
    expect((await failure(env.app.call('intake.reject', { intakeId: p.id, reason: '  ' }, env.admin))).message).toBe(
      '请填写不予受理的理由',
    );
    const row = await env.app.call('intake.reject', { intakeId: p.id, reason: '属于劳动仲裁范围，已引导至劳动仲裁委' }, env.admin);
    expect(row).toMatchObject({ status: 'rejected', rejectReason: '属于劳动仲裁范围，已引导至劳动仲裁委' });
    expect(await env.app.call('intake.pending', {}, env.admin)).toEqual([]);
    expect((await failure(env.app.call('intake.accept', { intakeId: p.id }, env.admin))).code).toBe('ILLEGAL_STEP');
  });
});

describe('roles', () => {
  it('court mediators may not review; nobody without a login may', async () => {
    await env.app.call('intake.submit', kioskInput());
    const p = await pendingOne();
    const court = await staff(env.app, env.admin, 'fayuan', 'court_mediator');
    expect((await failure(env.app.call('intake.accept', { intakeId: p.id }, court))).code).toBe('FORBIDDEN');
    expect((await failure(env.app.call('intake.pending', {}))).code).toBe('UNAUTHENTICATED');
    expect((await failure(env.app.call('intake.list', {}))).code).toBe('UNAUTHENTICATED');
    const mediator = await staff(env.app, env.admin, 'tiaojie', 'mediator');
    expect((await env.app.call('intake.accept', { intakeId: p.id }, mediator)).status).toBe('registered');
  });
});

describe('retention', () => {
  it('deletes registrations never taken up after 180 days, keeps those behind a case', async () => {
    for (const name of ['甲某', '乙某', '丙某']) await env.app.call('intake.submit', kioskInput({ name }));
    const [a, b] = await env.app.call('intake.pending', {}, env.admin);
    await env.app.call('intake.accept', { intakeId: a!.id }, env.admin);
    await env.app.call('intake.reject', { intakeId: b!.id, reason: '重复登记' }, env.admin);
    const ctx = env.app.backend.app.ctx;
    env.app.clock.advance(179 * 86_400_000);
    expect(purgeExpiredIntakes(ctx)).toBe(0);
    env.app.clock.advance(2 * 86_400_000);
    expect(purgeExpiredIntakes(ctx)).toBe(2);
    const left = ctx.db.sqlite.prepare('SELECT name, status FROM intakes').all();
    expect(left).toEqual([{ name: '甲某', status: 'accepted' }]);
    expect((ctx.db.sqlite.prepare('SELECT count(*) AS n FROM queue_tickets').get() as { n: number }).n).toBe(1);
  });

  it('the background jobs purge expired registrations even when nobody registers', async () => {
    await env.app.call('intake.submit', kioskInput({ name: '丁某' }));
    const ctx = env.app.backend.app.ctx;
    const count = () => (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM intakes').get() as { n: number }).n;
    env.app.clock.advance(181 * 86_400_000);
    expect(count()).toBe(1);
    env.app.backend.startBackgroundJobs();
    expect(count()).toBe(0);
  });
});
