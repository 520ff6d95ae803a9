/** The kiosk guard on its own: every limit per key, a refusal counts nothing, and the tables stay small. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/services/core/clock';
import {
  KioskGuard,
  LOOKUP_BLOCK_MS,
  LOOKUP_MAX_FAILURES,
  SUBMIT_MAX_PER_WINDOW,
  SUBMIT_WINDOW_MS,
} from '../../../electron/services/intake/guard';

const setup = () => {
  const clock = fixedClock('2026-11-20T09:00:00+08:00');
  return { clock, guard: new KioskGuard(clock) };
};

describe('KioskGuard', () => {
  it('blocks lookups for the key that failed, not for the others', () => {
    const { clock, guard } = setup();
    for (let i = 0; i < LOOKUP_MAX_FAILURES; i++) guard.lookupFailed(['source:device:k1', `code:CODE000${i}`]);
    expect(() => guard.checkLookup(['source:device:k1'])).toThrow(/查询错误次数过多/);
    expect(() => guard.checkLookup(['source:device:k2', 'code:CODE0001'])).not.toThrow();
    // Any blocked key refuses the call.
    expect(() => guard.checkLookup(['source:device:k2', 'source:device:k1'])).toThrow();
    clock.advance(LOOKUP_BLOCK_MS);
    expect(() => guard.checkLookup(['source:device:k1'])).not.toThrow();
  });

  it('limits registrations per key, and a refused one is counted against no key', () => {
    const { clock, guard } = setup();
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW; i++) guard.admitSubmit(['source:device:k1', `phone:1390373000${i % 10}`]);
    expect(() => guard.admitSubmit(['source:device:k1', 'phone:13800000000'])).toThrow(/提交过于频繁/);
    // The refused try did not use up 13800000000's allowance.
    for (let i = 0; i < SUBMIT_MAX_PER_WINDOW; i++) guard.admitSubmit([`source:device:k${i + 2}`, 'phone:13800000000']);
    expect(() => guard.admitSubmit(['source:device:k99', 'phone:13800000000'])).toThrow();
    clock.advance(SUBMIT_WINDOW_MS);
    expect(() => guard.admitSubmit(['source:device:k1', 'phone:13800000000'])).not.toThrow();
  });

  it('sweeps the keys of citizens long gone', () => {
    const { clock, guard } = setup();
    for (let i = 0; i < 3000; i++) {
      guard.admitSubmit(['source:device:k1', `phone:139${String(i).padStart(8, '0')}`]);
      clock.advance(60_000);
    }
    expect(guard.size).toBeLessThanOrEqual(1001 + SUBMIT_MAX_PER_WINDOW);
  });
});
