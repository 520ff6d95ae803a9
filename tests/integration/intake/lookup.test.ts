/** The citizen's progress lookup: the stage in plain words and nothing else; wrong tries and brute force refused. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressWords } from '../../../electron/services/intake/lookup';
import { failure, kioskInput, startEnv, type Env } from './harness';

let env: Env;
beforeEach(async () => {
  env = await startEnv();
});
afterEach(async () => env.close());

const MISS = '查询码或电话后四位不正确，请核对小票上的查询码后重试。';

describe('progress lookup', () => {
  it('shows the stage in plain words as the registration becomes a case and the case moves on', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    const look = () => env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' });
    expect(await look()).toEqual({ stage: 'waiting', text: '已登记，等待受理' });

    const [p] = await env.app.call('intake.pending', {}, env.admin);
    const c = await env.app.call('intake.accept', { intakeId: p!.id }, env.admin);
    expect(await look()).toEqual({ stage: 'waiting', text: '已登记，等待受理' });

    await env.app.call('cases.step', { id: c.id, version: 1, action: 'accept' }, env.admin);
    expect(await look()).toEqual({ stage: 'accepted', text: '已受理，正在安排调解' });

    // Mediation itself is the case pages' business; the words for the rest of the life cycle:
    const db = env.app.backend.app.ctx.db.sqlite;
    db.prepare(`UPDATE cases SET status = 'mediating' WHERE id = ?`).run(c.id);
    expect(await look()).toEqual({ stage: 'mediating', text: '调解中' });
    db.prepare(`UPDATE cases SET status = 'closed', outcome = 'agreement' WHERE id = ?`).run(c.id);
    expect(await look()).toEqual({ stage: 'closed', text: '已结案：达成协议' });

    // Nothing but the words: the answer has exactly these two keys.
    expect(Object.keys(await look()).sort()).toEqual(['stage', 'text']);
  });

  it('takes the code as people type it: lower case, without the dash, full-width, or the QR payload', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    const plain = r.queryCode.replace('-', '');
    for (const code of [
      plain.toLowerCase(),
      ` ${r.queryCode.slice(0, 4)} ${r.queryCode.slice(5)} `,
      `MDQ:${plain}`,
      plain.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
    ]) {
      expect((await env.app.call('intake.lookup', { code, phoneLast4: '4321' })).stage).toBe('waiting');
    }
  });

  it('a rejected registration says so without the reason', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    await env.app.call('intake.reject', { intakeId: p!.id, reason: '属于行政复议范围，已告知当事人王秀兰向区政府申请' }, env.admin);
    const res = await env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' });
    expect(res).toEqual({ stage: 'not_accepted', text: '未予受理，详情请到窗口咨询' });
  });

  it('a wrong code and a wrong phone get the same message', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    const other = await env.app.call('intake.submit', kioskInput({ name: '李四', phone: '13700001111' }));
    const wrongPhone = await failure(env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '1111' }));
    const wrongCode = await failure(env.app.call('intake.lookup', { code: 'AAAA-AAAA', phoneLast4: '4321' }));
    const crossed = await failure(env.app.call('intake.lookup', { code: other.queryCode, phoneLast4: '4321' }));
    for (const e of [wrongPhone, wrongCode, crossed]) expect(e).toMatchObject({ code: 'NOT_FOUND', message: MISS });
    expect((await failure(env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '43' }))).code).toBe('VALIDATION');
  });

  it('after five wrong tries in ten minutes the kiosk is refused for a while, even with the right code', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    for (let i = 0; i < 5; i++) {
      expect((await failure(env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: String(1000 + i) }))).code).toBe('NOT_FOUND');
      env.app.clock.advance(60_000);
    }
    const blocked = await failure(env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' }));
    expect(blocked.code).toBe('REFUSED');
    expect(blocked.message).toMatch(/查询错误次数过多，请 (9|10) 分钟后再试/);

    // Staff at the counter are counted on their own and can still help.
    expect((await env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' }, env.admin)).stage).toBe('waiting');

    env.app.clock.advance(10 * 60_000);
    expect((await env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' })).stage).toBe('waiting');
  });

  it('wrong tries spread over more than ten minutes do not block', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    for (let i = 0; i < 8; i++) {
      await failure(env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '0000' }));
      env.app.clock.advance(3 * 60_000);
    }
    expect((await env.app.call('intake.lookup', { code: r.queryCode, phoneLast4: '4321' })).stage).toBe('waiting');
  });
});

describe('the words for every case status', () => {
  it.each([
    ['registered', null, '已登记，等待受理'],
    ['accepted', null, '已受理，正在安排调解'],
    ['mediating', null, '调解中'],
    ['agreement', 'agreement', '调解成功：已达成协议'],
    ['failed', 'failed', '调解结束：未达成协议'],
    ['withdrawn', 'withdrawn', '已撤回调解申请'],
    ['transferred', 'transferred', '已移交有关部门处理'],
    ['rejected', null, '未予受理，详情请到窗口咨询'],
    ['closed', 'agreement', '已结案：达成协议'],
    ['closed', 'failed', '已结案：调解未达成协议'],
  ] as const)('%s (%s) → %s', (status, outcome, text) => {
    expect(progressWords('accepted', { status, outcome }).text).toBe(text);
  });
});
