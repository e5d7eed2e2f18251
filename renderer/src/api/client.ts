/**
 * The renderer's one door to the API. In Electron the preload provides
 * window.tendero.invoke (IPC); in a browser the same calls go over HTTP to the
 * webhost. Nothing else in the renderer knows which.
 */
import { createClient, type ApiClient, type Transport } from '../../../core/api/client';
import { failure, type Result } from '../../../core/api/result';

declare global {
  interface Window {
    tendero?: {
      invoke(channel: string, input: unknown): Promise<unknown>;
      onEvent?(listener: (name: string, payload: unknown) => void): () => void;
    };
  }
}

const ipc: Transport = async (channel, input) =>
  (await window.tendero!.invoke(channel, input)) as Result<unknown>;

const http: Transport = async (channel, input) => {
  let response: Response;
  try {
    response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return failure('INTERNAL', 'The till server is not answering', { reason: 'OFFLINE' });
  }
  if (response.status === 401) {
    // The browser session expired: reloading the page starts a new one.
    return failure('UNAUTHENTICATED', 'The session expired', { reason: 'SESSION_EXPIRED' });
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure('INTERNAL', `Unexpected answer (${response.status})`, {
      reason: 'BAD_RESPONSE',
    });
  }
};

export function transportName(): 'ipc' | 'http' {
  return typeof window !== 'undefined' && window.tendero ? 'ipc' : 'http';
}

export const api: ApiClient = createClient((channel, input) =>
  transportName() === 'ipc' ? ipc(channel, input) : http(channel, input),
);
