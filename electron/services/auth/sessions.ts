/**
 * Signed-in sessions, kept in the database (`login_sessions`) so that restarting the centre host
 * does not sign out every desk in the building. Only a SHA-256 of each token is stored: the token
 * itself exists only in the client that holds it.
 *
 * A session ends after the configured idle time (every call refreshes it) and, however busy,
 * SESSION_MAX_HOURS after sign-in: a token copied off a machine is not good for ever. A session
 * started on a paired workstation is good only from that workstation, and ends when it is revoked.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServiceContext } from '../core/context';

/** The absolute lifetime of a session, whatever the activity: one working day and then some. */
export const SESSION_MAX_HOURS = 12;
/**
 * `last_seen_at` is written at most this often per session: a busy desk makes many calls a minute
 * and each would otherwise be a synchronous disk write. Idle time-outs are counted in minutes, so
 * being up to this late costs nothing anyone notices.
 */
export const SESSION_TOUCH_MS = 30_000;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

interface Row {
  user_id: string;
  device_id: string | null;
  created_at: number;
  last_seen_at: number;
}

export class SessionStore {
  /** The context, not its connection: a restore swaps `ctx.db` while the store lives on. */
  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'clock'>) {}

  private get sql() {
    return this.ctx.db.sqlite;
  }

  create(userId: string, deviceId: string | null = null): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now().getTime();
    this.sql
      .prepare('INSERT INTO login_sessions (token_hash, user_id, device_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashOf(token), userId, deviceId, now, now);
    return token;
  }

  /**
   * The user of a live session, refreshing it; null when missing, idle too long, too old, or used
   * from another machine than the one it was started on.
   */
  touch(token: string | null | undefined, idleMinutes: number, deviceId: string | null = null): string | null {
    if (!token || token.length > 200) return null;
    const key = hashOf(token);
    const s = this.sql.prepare('SELECT user_id, device_id, created_at, last_seen_at FROM login_sessions WHERE token_hash = ?').get(key) as
      Row | undefined;
    if (!s) return null;
    if (s.device_id !== deviceId) return null;
    const now = this.ctx.clock.now().getTime();
    if (now - s.last_seen_at > idleMinutes * 60_000 || now - s.created_at > SESSION_MAX_HOURS * 3_600_000) {
      this.sql.prepare('DELETE FROM login_sessions WHERE token_hash = ?').run(key);
      return null;
    }
    if (now - s.last_seen_at >= SESSION_TOUCH_MS)
      this.sql.prepare('UPDATE login_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, key);
    return s.user_id;
  }

  end(token: string | null | undefined): void {
    if (token) this.sql.prepare('DELETE FROM login_sessions WHERE token_hash = ?').run(hashOf(token));
  }

  /** Ends every session of the user, except `keep` (the caller's own, when it changed its password). */
  endAllFor(userId: string, keep?: string | null): void {
    this.sql.prepare('DELETE FROM login_sessions WHERE user_id = ? AND token_hash <> ?').run(userId, keep ? hashOf(keep) : '');
  }

  /** Ends every session started on a workstation (it was revoked). */
  endAllOnDevice(deviceId: string): void {
    this.sql.prepare('DELETE FROM login_sessions WHERE device_id = ?').run(deviceId);
  }

  /** Ends every session (a restored database's sign-ins belong to another moment). */
  endAll(): void {
    this.sql.prepare('DELETE FROM login_sessions').run();
  }

  /** Forgets sessions that can no longer be used, whatever the idle setting; run by the daily chores. */
  purgeExpired(): number {
    const cutoff = this.ctx.clock.now().getTime() - SESSION_MAX_HOURS * 3_600_000;
    return this.sql.prepare('DELETE FROM login_sessions WHERE created_at < ?').run(cutoff).changes;
  }
}
