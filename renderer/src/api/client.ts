/**
 * The renderer's one door to the API. In Electron the preload provides
 * window.tendero.invoke (IPC); in a browser the same calls go over HTTP to the
 * webhost. Nothing else in the renderer knows which.
 */
import { createClient, type ApiClient, type Transport } from '../../../core/api/client';
import { failure, type Result } from '../../../core/api/result';
import { reportRefusal } from './logged-out';

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

function isResult(body: unknown): body is Result<unknown> {
  return (
    typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
  );
}

/**
 * An answer that is not a Result (a proxy, an older host) as the refusal it
 * stands for: the server answered, so it is never "no connection".
 */
function refusalOf(status: number, body: unknown): Result<unknown> {
  const said = (body as { error?: unknown } | null)?.error;
  const message = typeof said === 'string' ? said : `The till server answered ${status}`;
  if (status === 413) return failure('VALIDATION', message, { reason: 'TOO_LARGE', status });
  if (status === 421) return failure('FORBIDDEN', message, { reason: 'WRONG_HOST', status });
  if (status === 403) return failure('FORBIDDEN', message, { reason: 'REFUSED', status });
  if (status >= 400 && status < 500)
    return failure('VALIDATION', message, { reason: 'REFUSED', status });
  return failure('INTERNAL', message, { reason: 'BAD_RESPONSE', status });
}

async function post(channel: string, input: unknown): Promise<Response> {
  return fetch(`./api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
}

const http: Transport = async (channel, input) => {
  let response: Response;
  try {
    response = await post(channel, input);
    if (response.status === 401) {
      // The host forgot this page's session (a page idle for a while before
      // logging in): loading the page again gives a new one. A till that was
      // logged in gets its answer from the API: log in again.
      await fetch('./', { credentials: 'same-origin', cache: 'no-store' });
      response = await post(channel, input);
    }
  } catch {
    return failure('INTERNAL', 'The till server is not answering', { reason: 'OFFLINE' });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) {
    return failure('UNAUTHENTICATED', 'The session expired', { reason: 'SESSION_EXPIRED' });
  }
  return isResult(body) ? body : refusalOf(response.status, body);
};

export function transportName(): 'ipc' | 'http' {
  return typeof window !== 'undefined' && window.tendero ? 'ipc' : 'http';
}

export const api: ApiClient = createClient(async (channel, input) => {
  const result = await (transportName() === 'ipc' ? ipc(channel, input) : http(channel, input));
  if (!result.ok) reportRefusal(channel, result.error);
  return result;
});
