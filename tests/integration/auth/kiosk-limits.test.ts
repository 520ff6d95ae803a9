/**
 * Item 9 of issue 12: the kiosk's limits hold per kiosk device and per citizen, not for everyone
 * at once. 20 registrations / 5 failed lookups from one kiosk, or for one phone number (one query
 * code for a lookup), are refused for a while; another kiosk and another citizen are not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSource } from '../../../electron/api/handler';
import type { ApiResponse } from '../../../electron/common/api/contract';
import { LOOKUP_BLOCK_MS, LOOKUP_MAX_FAILURES, SUBMIT_MAX_PER_WINDOW, SUBMIT_WINDOW_MS } from '../../../electron/services/intake/guard';
import { kioskInput, startEnv, type Env } from '../intake/harness';
import { ADMIN } from '../../support/backend';
import { device, from, loginFrom } from './harness';

let env: Env;
beforeEach(async () => {
  env = await startEnv();
});
afterEach(async () => env.close());

const K1 = device('kiosk-hall', 'kiosk');
const K2 = device('kiosk-annex', 'kiosk');
/** A phone number per citizen: 139 0373 0000 + i. */
const phone = (i: number) => `1390373${String(i).padStart(4, '0')}`;

const submit = (source: RequestSource, i: number) => from(env.app, source, 'intake.submit', kioskInput({ phone: phone(i) }));
const lookup = (source: RequestSource, code: string, phoneLast4: string, session: string | null = null) =>
  from(env.app, source, 'intake.lookup', { code, phoneLast4 }, session);
const queryCode = (res: ApiResponse) => {
  if (!res.ok) throw new Error(res.error.message);
  return (res.data as { queryCode: string }).queryCode;
};

describe('registrations at the kiosk', () => {
  it('one busy kiosk is limited; another kiosk is not', async () => {
    expect(SUBMIT_MAX_PER_WINDOW).toBe(20);
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW; i++) expect(await submit(K1, i), `registration ${i + 1}`).toMatchObject({ ok: true });
    expect(await submit(K1, 100)).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: '提交过于频繁，请稍后再试，或到窗口找工作人员登记。' },
    });
    expect(await submit(K2, 101)).toMatchObject({ ok: true });
    // The window slides: ten minutes on, the first kiosk takes registrations again.
    env.app.clock.advance(SUBMIT_WINDOW_MS);
    expect(await submit(K1, 102)).toMatchObject({ ok: true });
  });

  it('one phone number is limited from any kiosk; another citizen is not', async () => {
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW; i++) expect(await submit(device(`kiosk-${i}`, 'kiosk'), 7)).toMatchObject({ ok: true });
    expect(await submit(K2, 7)).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(await submit(K2, 8)).toMatchObject({ ok: true });
  });

  it('a refused registration does not count against the other keys', async () => {
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW; i++) await submit(K1, i);
    // K1 is full; its refused tries for citizen 50 must not use up citizen 50's allowance.
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW + 5; i++) await submit(K1, 50);
    expect(await submit(K2, 50)).toMatchObject({ ok: true });
  });
});

describe('progress lookups at the kiosk', () => {
  it('wrong tries block the kiosk that made them; another kiosk still looks up', async () => {
    const code = queryCode(await submit(K2, 1));
    for (let i = 0; i < LOOKUP_MAX_FAILURES; i++) {
      // Wrong codes that look right: each a different registration, so only the kiosk adds up.
      expect(await lookup(K1, `AAAA-AAA${'ACDEFGH'[i]}`, '0001')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await lookup(K1, code, '0001')).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(await lookup(K2, code, '0001')).toMatchObject({ ok: true, data: { stage: 'waiting' } });
    env.app.clock.advance(LOOKUP_BLOCK_MS);
    expect(await lookup(K1, code, '0001')).toMatchObject({ ok: true });
  });

  it('wrong tries at one query code from many kiosks block that code only; staff at the counter can still look it up', async () => {
    const target = queryCode(await submit(K1, 1));
    const other = queryCode(await submit(K1, 2));
    for (let i = 0; i < LOOKUP_MAX_FAILURES; i++) {
      expect(await lookup(device(`kiosk-${i}`, 'kiosk'), target, String(5000 + i))).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }
    // The right phone from a fresh kiosk: refused, the code is being guessed at.
    expect(await lookup(K2, target, '0001')).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    // Another citizen at that kiosk is not.
    expect(await lookup(K2, other, '0002')).toMatchObject({ ok: true });
    // The clerk at the counter's desk helps the citizen (a kiosk never acts as staff, whatever session it sends).
    const counter = device('counter-window', 'desk');
    const signedIn = await loginFrom(env.app, counter, ADMIN.loginName, ADMIN.password);
    const session = signedIn.ok ? (signedIn.data as { session: string }).session : null;
    expect(await lookup(counter, target, '0001', session)).toMatchObject({
      ok: true,
      data: { stage: 'waiting' },
    });
  });
});
