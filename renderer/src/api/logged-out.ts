/**
 * Calls refused because nobody is logged in on this page any more (the web
 * host's session expired or was evicted). Apart from client.ts so that the
 * session store and the screens can listen without depending on a transport.
 */
import type { ErrorInfo } from '../../../core/errors';

/** A refusal for want of a login (no reason, or the host's SESSION_EXPIRED), not a wrong PIN. */
export function isLoggedOut(error: ErrorInfo): boolean {
  if (error.code !== 'UNAUTHENTICATED') return false;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return reason === undefined || reason === 'SESSION_EXPIRED';
}

type Listener = (channel: string) => void;
const listeners = new Set<Listener>();

/** The session store listens, so any screen's call leads back to the login. */
export function onLoggedOut(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the API client with every refusal: tells the listeners of a logged-out one. */
export function reportRefusal(channel: string, error: ErrorInfo): void {
  if (isLoggedOut(error)) for (const listener of listeners) listener(channel);
}
