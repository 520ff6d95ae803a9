/** What the public submit accepts: Chinese messages for bad input, limits against abuse, text stored as text. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../electron/common/domain/identity';
import { failure, kioskInput, startEnv, type Env } from './harness';

let env: Env;
beforeEach(async () => {
  env = await startEnv();
});
afterEach(async () => env.close());

/** The same ID number with another check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');

const count = () =>
  (
    env.app.backend.app.ctx.db.sqlite
      .prepare('SELECT (SELECT count(*) FROM intakes) + (SELECT count(*) FROM queue_tickets) AS n')
      .get() as { n: number }
  ).n;

describe('bad input is refused with Chinese messages and nothing is saved', () => {
  it('nothing typed', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the API's {code, message, fields} answer is what the test reads
    const e = await failure(env.app.raw({ op: 'intake.submit', input: {} }).then((r) => (r.ok ? r : Promise.reject(r.error))));
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['category', 'name', 'phone', 'description', 'consent']));
    expect(e.fields).toMatchObject({
      name: '请填写姓名',
      phone: '请填写联系电话',
      description: '请简单说说发生了什么',
      consent: '请阅读告知内容并勾选同意后再提交',
    });
    expect((await failure(env.app.call('intake.submit', kioskInput({ name: '   ', description: '\n\n' })))).fields).toMatchObject({
      name: '请填写姓名',
      description: '请简单说说发生了什么',
    });
    expect(count()).toBe(0);
  });

  it.each([
    ['a 500-character name', { name: '张'.repeat(500) }, 'name', '姓名不能超过 50 个字'],
    ['a 51-character name', { name: '王'.repeat(51) }, 'name', '姓名不能超过 50 个字'],
    [
      'a wrong ID number (check character)',
      { idNumber: wrongCheck(makeResidentId('410711', '1962-07-08', 17)) },
      'idNumber',
      '身份证号码校验位不符，请核对号码',
    ],
    ['an ID number of 15 digits', { idNumber: '410711196207080' }, 'idNumber', '身份证号码应为18位，现为15位'],
    ['a wrong phone', { phone: '1380373' }, 'phone', '手机号码应为11位，以13至19开头'],
    ['letters for a phone', { phone: 'abc' }, 'phone', '电话号码格式不正确'],
    ['a wrong phone of the other party', { otherPartyPhone: '12' }, 'otherPartyPhone', '对方电话'],
    ['501 characters of what happened', { description: '漏'.repeat(501) }, 'description', '纠纷情况不能超过 500 个字'],
    ['no consent', { consent: false as unknown as true }, 'consent', '请阅读告知内容并勾选同意后再提交'],
    ['an unknown kind of dispute', { category: 'aliens' as 'other' }, 'category', ''],
  ])('%s', async (_what, over, field, message) => {
    const e = await failure(env.app.call('intake.submit', kioskInput(over)));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.[field]).toContain(message);
    expect(count()).toBe(0);
  });

  it('fields the kiosk does not have (a status, a case) are refused outright', async () => {
    const e = await failure(env.app.call('intake.submit', { ...kioskInput(), status: 'accepted', caseId: 'x' } as never));
    expect(e.code).toBe('VALIDATION');
    expect(count()).toBe(0);
  });

  it('500 characters of what happened are fine, and a landline is accepted', async () => {
    const r = await env.app.call('intake.submit', kioskInput({ description: '漏'.repeat(500), phone: '0373 1234567', idNumber: '' }));
    expect(r.queueCode).toBe('A001');
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    expect(p).toMatchObject({ phone: '0373-1234567', idNumber: null });
  });
});

describe('pasted HTML and control characters', () => {
  it('are stored and returned as text (the screens render text, never markup); invisible characters are dropped', async () => {
    const name = '<b>张三</b>';
    const description = '<script>alert("x")</script>\n<img src=x onerror=alert(1)> 对方 & 我';
    const r = await env.app.call('intake.submit', kioskInput({ name: `${name}\u0007\u202E`, description, otherParty: '李\u0000四' }));
    expect(r.printed).toBe(false); // no printer here; the registration stands anyway
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    expect(p).toMatchObject({ name, description, otherParty: '李四' });
  });
});

describe('who may submit', () => {
  it('the clerk channel needs a signed-in staff member, who gets the registration id', async () => {
    expect((await failure(env.app.call('intake.submit', kioskInput({ channel: 'clerk' })))).code).toBe('UNAUTHENTICATED');
    const r = await env.app.call('intake.submit', kioskInput({ channel: 'clerk' }), env.admin);
    expect(r.intakeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    expect(p).toMatchObject({ id: r.intakeId, channel: 'clerk' });
  });

  it('a script flooding the public submit is stopped; a real queue never reaches the limit', async () => {
    for (let i = 0; i < 20; i++) await env.app.call('intake.submit', kioskInput({ name: `市民${i}` }));
    const e = await failure(env.app.call('intake.submit', kioskInput({ name: '第二十一' })));
    expect(e).toMatchObject({ code: 'REFUSED', message: '提交过于频繁，请稍后再试，或到窗口找工作人员登记。' });
    // The counter is not throttled, and the kiosk recovers after the window.
    expect((await env.app.call('intake.submit', kioskInput({ channel: 'clerk' }), env.admin)).queueCode).toBe('A021');
    env.app.clock.advance(10 * 60_000);
    expect((await env.app.call('intake.submit', kioskInput())).queueCode).toBe('A022');
  });
});
