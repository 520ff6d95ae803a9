/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is what a shared counter PC
 * wants. A session ends after the configured idle time (every call refreshes it) and, however
 * busy, SESSION_MAX_HOURS after sign-in: a token copied off a machine is not good for ever.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';

/** The absolute lifetime of a session, whatever the activity: one working day and then some. */
export const SESSION_MAX_HOURS = 12;

interface Session {
  userId: string;
  createdAt: number;
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  create(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now().getTime();
    this.sessions.set(token, { userId, createdAt: now, lastSeen: now });
    return token;
  }

  /** The user of a live session, refreshing it; null when missing, idle too long or too old. */
  touch(token: string | null | undefined, idleMinutes: number): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > idleMinutes * 60_000 || now - s.createdAt > SESSION_MAX_HOURS * 3_600_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  end(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Ends every session of the user, except `keep` (the caller's own, when it changed its password). */
  endAllFor(userId: string, keep?: string | null): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== keep) this.sessions.delete(t);
  }
}
