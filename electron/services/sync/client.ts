/**
 * The till's HTTP client for the central server: JSON in and out, a timeout on
 * every request, and every reply's serverTime kept for the clock check. A
 * request that got no HTTP answer is a NetworkFailure: its events stay pending.
 */

export type Fetch = typeof globalThis.fetch;

/** Long enough for a 500-event batch on a slow shop line; short enough to retry soon. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface ServerReply {
  readonly status: number;
  readonly body: unknown;
  /** The server's clock as it answered, if the reply says. */
  readonly serverTime: Date | null;
  /** Seconds the server asks us to wait (429), if it says. */
  readonly retryAfterSeconds: number | null;
  /** The till's clock halfway through the request, to compare with serverTime. */
  readonly localTime: Date;
}

/** No HTTP answer: refused, reset, timed out, DNS. Nothing can be assumed about the server. */
export class NetworkFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

export interface RequestOptions {
  readonly fetch?: Fetch;
  readonly credential?: string;
  readonly now?: () => Date;
  readonly timeoutMs?: number;
}

function serverTimeOf(body: unknown): Date | null {
  if (typeof body !== 'object' || body === null) return null;
  const text = (body as { serverTime?: unknown }).serverTime;
  if (typeof text !== 'string') return null;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (error instanceof Error && error.name === 'TimeoutError') return 'TIMEOUT';
  return error instanceof Error ? error.message : String(error);
}

export async function request(
  serverUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<ServerReply> {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => new Date());
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  const sentAt = now().getTime();
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(`${serverUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw new NetworkFailure(`The server did not answer (${reasonOf(error)})`);
  }
  const receivedAt = now().getTime();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = { error: { code: 'INTERNAL', message: text.slice(0, 200) } };
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    status: response.status,
    body: parsed,
    serverTime: serverTimeOf(parsed),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    localTime: new Date(Math.round((sentAt + receivedAt) / 2)),
  };
}

/** The `{ error: { code, message, details } }` of a refusal, or a stand-in. */
export function errorOf(reply: ServerReply): {
  code: string;
  message: string;
  details: Record<string, unknown>;
} {
  const error = (reply.body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : `HTTP_${reply.status}`,
    message: typeof error?.message === 'string' ? error.message : `HTTP ${reply.status}`,
    details:
      typeof error?.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : {},
  };
}
