/**
 * A named lock between processes on one data dir (table `locks`): the app's scheduler and the
 * OS scheduler's `cli upload` must never upload at the same time. The lock expires, and is
 * renewed while held, so a holder killed with SIGKILL cannot block uploads for long; a holder on
 * this machine whose process is gone is taken over at once.
 */
import os from 'node:os';
import { AppError } from '../../common/errors';
import type { Db } from '../../../db/open';
import { rfc3339, type Clock } from '../core/clock';

export interface LockHandle {
  holder: string;
  /** Push the expiry forward; false when the lock was lost (expired and taken by another). */
  refresh(): boolean;
  release(): void;
}

function holderIsGone(holder: string): boolean {
  const m = /^(\d+)@(\S+)/.exec(holder);
  if (!m || m[2] !== os.hostname()) return false;
  try {
    process.kill(Number(m[1]), 0);
    return false;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export function acquireLock(db: Pick<Db, 'sqlite'>, name: string, opts: { ttlMs: number; clock: Clock; what: string }): LockHandle {
  const holder = `${process.pid}@${os.hostname()} ${opts.what} ${rfc3339(opts.clock.now())}`;
  const expiry = () => rfc3339(new Date(opts.clock.now().getTime() + opts.ttlMs));
  const take = db.sqlite.transaction(() => {
    const row = db.sqlite.prepare('SELECT holder, expires_at AS expiresAt FROM locks WHERE name = ?').get(name) as
      { holder: string; expiresAt: string } | undefined;
    if (row && Date.parse(row.expiresAt) > opts.clock.now().getTime() && !holderIsGone(row.holder)) {
      throw new AppError('BUSY', `另一个上传正在进行（${row.holder}，锁至 ${row.expiresAt}），请稍后再试`);
    }
    db.sqlite
      .prepare(
        'INSERT INTO locks (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at',
      )
      .run(name, holder, expiry());
  });
  // IMMEDIATE: two processes reading "free" at the same moment must not both take it.
  take.immediate();
  return {
    holder,
    refresh: () =>
      db.sqlite.prepare('UPDATE locks SET expires_at = ? WHERE name = ? AND holder = ?').run(expiry(), name, holder).changes === 1,
    release: () => {
      if (db.sqlite.open) db.sqlite.prepare('DELETE FROM locks WHERE name = ? AND holder = ?').run(name, holder);
    },
  };
}
