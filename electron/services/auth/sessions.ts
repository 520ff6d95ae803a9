/**
 * Signed-in sessions, in memory: a restart signs everyone out, which is what a shared counter PC
 * wants. A session ends after the configured idle time; every call refreshes it.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock';

interface Session {
  userId: string;
  lastSeen: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  create(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** The user of a live session, refreshing it; null when missing or idle too long. */
  touch(token: string | null | undefined, idleMinutes: number): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    const now = this.clock.now().getTime();
    if (now - s.lastSeen > idleMinutes * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = now;
    return s.userId;
  }

  end(token: string | null | undefined): void {
    if (token) this.sessions.delete(token);
  }

  endAllFor(userId: string): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }
}
