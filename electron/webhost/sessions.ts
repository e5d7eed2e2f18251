/**
 * The browser sessions of the web host, one per page load. Every page load
 * makes one, so a flood of page loads must not grow memory without end nor
 * push out a till that is logged in: anonymous sessions (pages that never
 * logged in) expire soon and are evicted first; a logged-in till keeps its
 * session for a working day.
 */
import { randomBytes } from 'node:crypto';
import type { Session } from '../api';

export interface HostSession extends Session {
  lastSeen: number;
}

export interface SessionLimits {
  /** Most sessions kept at once. */
  readonly max: number;
  /** Idle time after which a page that never logged in loses its session. */
  readonly anonymousIdleMs: number;
  /** Idle time after which a logged-in session ends. */
  readonly loggedInIdleMs: number;
  readonly now: () => number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  max: 1_000,
  anonymousIdleMs: 15 * 60_000,
  loggedInIdleMs: 12 * 3_600_000,
  now: () => Date.now(),
};

export class SessionTable {
  /** In order of last use, oldest first (touching moves a session to the end). */
  private readonly sessions = new Map<string, HostSession>();
  private readonly limits: SessionLimits;

  constructor(limits: Partial<SessionLimits> = {}) {
    this.limits = { ...DEFAULT_SESSION_LIMITS, ...limits };
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(session: HostSession, now: number): boolean {
    const idle = session.actor ? this.limits.loggedInIdleMs : this.limits.anonymousIdleMs;
    return now - session.lastSeen > idle;
  }

  /**
   * The live session with this id, marked as used now unless `touch` is false
   * (a background poll is not someone using the till); undefined when unknown
   * or expired.
   */
  get(id: string | undefined, touch = true): HostSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.limits.now();
    if (this.expired(session, now)) {
      this.sessions.delete(id);
      return undefined;
    }
    if (!touch) return session;
    this.sessions.delete(id);
    session.lastSeen = now;
    this.sessions.set(id, session);
    return session;
  }

  /** A new anonymous session; makes room first if the table is full. */
  create(): string {
    if (this.sessions.size >= this.limits.max) this.makeRoom();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { actor: null, lastSeen: this.limits.now() });
    return id;
  }

  /** Drops expired sessions, then the least recently used anonymous one, then the oldest. */
  private makeRoom(): void {
    const now = this.limits.now();
    for (const [id, session] of this.sessions) {
      if (this.expired(session, now)) this.sessions.delete(id);
    }
    if (this.sessions.size < this.limits.max) return;
    for (const [id, session] of this.sessions) {
      if (!session.actor) {
        this.sessions.delete(id);
        return;
      }
    }
    // Only logged-in sessions are left (as many as the limit): the idlest goes.
    const oldest = this.sessions.keys().next();
    if (!oldest.done) this.sessions.delete(oldest.value);
  }
}
