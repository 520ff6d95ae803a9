/** The lockout table on its own: per (login name, source), windowed, lifted by time or by unlock, bounded. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../electron/services/core/clock';
import { FAILURE_WINDOW_MS, LOCK_MS, LoginLockout, MAX_FAILED_LOGINS } from '../../../electron/services/auth/lockout';
import { sourceKey } from '../../../electron/services/auth/source-key';

const setup = () => {
  const clock = fixedClock('2026-11-20T09:00:00+08:00');
  return { clock, lockout: new LoginLockout(clock) };
};

describe('LoginLockout', () => {
  it('locks a name at one source on the fifth failure, and nowhere else', () => {
    const { lockout } = setup();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) expect(lockout.failed('liming', 'device:a')).toBe(false);
    expect(lockout.isLocked('liming', 'device:a')).toBe(false);
    expect(lockout.failed('liming', 'device:a')).toBe(true);
    expect(lockout.isLocked('liming', 'device:a')).toBe(true);
    expect(lockout.isLocked('liming', 'device:b')).toBe(false);
    expect(lockout.isLocked('liming', 'local')).toBe(false);
    expect(lockout.isLocked('sunli', 'device:a')).toBe(false);
  });

  it('forgets failures older than the window and locks for LOCK_MS', () => {
    const { clock, lockout } = setup();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) lockout.failed('liming', 'local');
    clock.advance(FAILURE_WINDOW_MS);
    expect(lockout.failed('liming', 'local')).toBe(false);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) lockout.failed('liming', 'local');
    expect(lockout.isLocked('liming', 'local')).toBe(true);
    expect(lockout.lockedUntil('liming')?.getTime()).toBe(clock.now().getTime() + LOCK_MS);
    clock.advance(LOCK_MS);
    expect(lockout.isLocked('liming', 'local')).toBe(false);
    expect(lockout.lockedUntil('liming')).toBeNull();
  });

  it('a success clears its own source only; unlock clears every source of the name', () => {
    const { lockout } = setup();
    for (const source of ['device:a', 'device:b', 'local']) for (let i = 0; i < MAX_FAILED_LOGINS; i++) lockout.failed('liming', source);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) lockout.failed('sunli', 'device:a');
    lockout.succeeded('liming', 'local');
    expect(lockout.isLocked('liming', 'local')).toBe(false);
    expect(lockout.unlock('liming')).toBe(2);
    expect(lockout.isLocked('liming', 'device:a')).toBe(false);
    expect(lockout.isLocked('liming', 'device:b')).toBe(false);
    expect(lockout.isLocked('sunli', 'device:a')).toBe(true);
  });

  it('stays small when names are sprayed at the login form', () => {
    const { clock, lockout } = setup();
    for (let i = 0; i < 5000; i++) {
      lockout.failed(`name${i}`, 'device:a');
      clock.advance(1000);
    }
    // Only the names failed within the window (15 min = 900 tries at one a second) can be kept.
    expect(lockout.size).toBeLessThanOrEqual(1001);
  });
});

describe('sourceKey', () => {
  it('is the device when paired, else the address, else this machine', () => {
    expect(sourceKey({ deviceId: 'd1', address: '192.168.1.5' })).toBe('device:d1');
    expect(sourceKey({ deviceId: null, address: '192.168.1.5' })).toBe('address:192.168.1.5');
    expect(sourceKey({ deviceId: null, address: null })).toBe('local');
  });
});
