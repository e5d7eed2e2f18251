/**
 * Browser mode: the same API over HTTP, serving the built renderer, so the UI
 * runs (and is tested) in a plain browser, on this computer or from the other
 * tills of the shop's network. Each browser session logs in like the desktop
 * does and has its own acting user. No request, however malformed, may end
 * the process: the whole handler is caught at its boundary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isChannelName } from '../core/api/channels';
import type { ErrorCode } from '../core/errors';
import type { Api } from './api';
import {
  announcedTooLarge,
  BodyTooLarge,
  MAX_BODY,
  MAX_IMPORT_BODY,
  readBody,
} from './webhost/body';
import {
  isServedHost,
  openableUrls,
  parseHostHeader,
  servedNames,
  type HostName,
} from './webhost/hosts';
import { SessionTable, type HostSession, type SessionLimits } from './webhost/sessions';
import { CONTENT_SECURITY_POLICY } from './window-options';

/**
 * Cookies are shared by every port of a machine, so two stores served on one
 * computer (ports 5757 and 5758) would log each other out with one name.
 */
export function sessionCookieName(port: number): string {
  return `tendero_session_${port}`;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

/** Bad requests logged per minute at most: a flood of them must not fill the disk. */
const LOG_PER_MINUTE = 30;

export interface WebHostOptions {
  readonly api: Api;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** The address to bind: 127.0.0.1 (default), a LAN address, or 0.0.0.0 for every one. */
  readonly host?: string;
  readonly port?: number;
  readonly log?: (message: string) => void;
  readonly sessionLimits?: Partial<SessionLimits>;
}

export interface WebHost {
  readonly server: Server;
  /** A URL that opens the app on this computer. */
  readonly url: string;
  /** Every URL that opens the app: this computer's, then each LAN address when bound to all. */
  readonly urls: readonly string[];
  readonly cookieName: string;
  close(): Promise<void>;
}

/** A request the host refuses to read: answered with `status` and the structured error. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Every API refusal has the shape of a failed Result, so the renderer can show why. */
function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  send(
    res,
    refusal.status,
    {
      ok: false,
      error: { code: refusal.code, message: refusal.message, details: { reason: refusal.reason } },
    },
    refusal.headers,
  );
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function rateLimited(log: (message: string) => void): (message: string) => void {
  let windowStart = 0;
  let count = 0;
  let dropped = 0;
  return (message) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      if (dropped > 0) log(`webhost: ${dropped} more bad requests were not logged`);
      windowStart = now;
      count = 0;
      dropped = 0;
    }
    if (count++ < LOG_PER_MINUTE) log(message);
    else dropped++;
  };
}

/**
 * Channels a page polls by itself (the header's sync state): they do not keep
 * a session alive, so a till left open still goes idle and asks for the PIN.
 */
const PASSIVE_CHANNELS: ReadonlySet<string> = new Set(['sync.status']);

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const bind = options.host ?? '127.0.0.1';
  const sessions = new SessionTable(options.sessionLimits);
  const staticRoot = resolve(options.staticDir);
  const log = rateLimited(options.log ?? (() => undefined));
  let port = 0;
  let cookieName = '';
  // The machine's addresses can change (DHCP): read them again now and then.
  let names = servedNames(bind);
  let namesRead = Date.now();

  function isOurs(host: HostName): boolean {
    if (Date.now() - namesRead > 10_000) {
      names = servedNames(bind);
      namesRead = Date.now();
    }
    return isServedHost(host, bind, port, names);
  }

  function newSession(res: ServerResponse): void {
    const id = sessions.create();
    res.setHeader('set-cookie', `${cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`);
  }

  /**
   * Only this page's own origin may call: a page elsewhere cannot drive the
   * till. The page's origin is the (already validated) Host it was opened by:
   * localhost, 127.0.0.1 or a LAN address all work.
   */
  function isSameOrigin(req: IncomingMessage, host: HostName): boolean {
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
    const from = req.headers.origin;
    if (from === undefined) return true;
    try {
      const url = new URL(from);
      const fromPort = url.port === '' ? 80 : Number(url.port);
      return url.protocol === 'http:' && url.hostname === host.name && fromPort === host.port;
    } catch {
      return false;
    }
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
    host: HostName,
  ): Promise<void> {
    if (req.method !== 'POST') {
      throw new Refusal(405, 'VALIDATION', 'POST_ONLY', 'POST only', { allow: 'POST' });
    }
    if (!isSameOrigin(req, host)) {
      throw new Refusal(403, 'FORBIDDEN', 'CROSS_ORIGIN', 'Cross-origin requests are refused');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new Refusal(415, 'VALIDATION', 'NOT_JSON', 'Send JSON');
    }
    const session = sessions.get(cookieOf(req, cookieName), !PASSIVE_CHANNELS.has(channel));
    if (!session) {
      throw new Refusal(
        401,
        'UNAUTHENTICATED',
        'SESSION_EXPIRED',
        'No session: load the app first',
      );
    }
    if (!isChannelName(channel)) {
      throw new Refusal(404, 'NOT_FOUND', 'UNKNOWN_CHANNEL', `Unknown channel "${channel}"`);
    }
    const limit = channel === 'products.import' && session.actor ? MAX_IMPORT_BODY : MAX_BODY;
    if (announcedTooLarge(req, limit)) throw tooLarge(limit);
    let body: string;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) throw tooLarge(limit);
      throw error;
    }
    let input: unknown;
    try {
      input = body === '' ? {} : (JSON.parse(body) as unknown);
    } catch {
      throw new Refusal(400, 'VALIDATION', 'BAD_JSON', 'The body is not valid JSON');
    }
    send(res, 200, await callApi(channel, input, session));
  }

  function callApi(channel: string, input: unknown, session: HostSession) {
    return options.api.call(channel as never, input, session);
  }

  function tooLarge(limit: number): Refusal {
    return new Refusal(413, 'VALIDATION', 'TOO_LARGE', `The request is over ${limit} bytes`, {
      connection: 'close',
    });
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new Refusal(400, 'VALIDATION', 'BAD_PATH', 'The path is not valid');
    }
    if (decoded.includes('\0'))
      throw new Refusal(400, 'VALIDATION', 'BAD_PATH', 'The path is not valid');
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(403).end();
      return;
    }
    // The single-page app answers every unknown path with index.html.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      sendText(res, 503, 'The renderer is not built: run npm run build:renderer');
      return;
    }
    const isHtml = file.endsWith('.html');
    if (isHtml && !sessions.get(cookieOf(req, cookieName))) newSession(res);
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': isHtml ? 'no-store' : 'public, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '';
    // Only origin-form targets ("/path?query"): anything else is not for this host.
    if (!target.startsWith('/')) {
      throw new Refusal(400, 'VALIDATION', 'BAD_PATH', 'The request target is not a path');
    }
    const pathname = target.split(/[?#]/, 1)[0]!;
    const isApi = pathname.startsWith('/api/');
    const host = parseHostHeader(req.headers.host);
    if (!host || !isOurs(host)) {
      // The answer names no LAN address: a rebinding page could read it.
      const name = JSON.stringify((req.headers.host ?? '').slice(0, 100));
      const message =
        `This Tendero host does not answer to the name ${name}. Open it at the address ` +
        `it printed when it started (http://localhost:${port} on this computer).`;
      if (!isApi) {
        // A person reads this page: Spanish first, as the app is.
        const spanish =
          `Este servidor de Tendero no atiende con el nombre ${name}. Ábralo con la dirección ` +
          `que mostró al iniciar (http://localhost:${port} en este equipo).`;
        return sendText(res, 421, `${spanish}\n${message}\n`);
      }
      throw new Refusal(421, 'FORBIDDEN', 'WRONG_HOST', message);
    }
    const api = /^\/api\/([A-Za-z]+\.[A-Za-z]+)$/.exec(pathname);
    if (api) return handleApi(req, res, api[1]!, host);
    if (isApi) throw new Refusal(404, 'NOT_FOUND', 'UNKNOWN_CHANNEL', 'Unknown API path');
    serveStatic(req, res, pathname);
  }

  /** The answer to a request the handler refused or failed on; the process lives on. */
  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    const refusal =
      error instanceof Refusal
        ? error
        : new Refusal(500, 'INTERNAL', 'UNEXPECTED', 'Unexpected error in the web host');
    const what = `${req.method ?? '?'} ${JSON.stringify((req.url ?? '').slice(0, 200))}`;
    if (refusal.status >= 500) log(`webhost: 500 for ${what}: ${String(error)}`);
    else if (refusal.status === 400 || refusal.status === 413 || refusal.status === 421) {
      log(`webhost: ${refusal.status} for ${what}: ${refusal.message}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const isApi = (req.url ?? '').startsWith('/api/');
    if (isApi) sendRefusal(res, refusal);
    else sendText(res, refusal.status, refusal.message);
    // A refused body is not read: close the connection rather than drain it.
    if (refusal.status === 413) res.on('finish', () => req.socket.destroySoon());
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res).catch((error: unknown) => fail(req, res, error));
    } catch (error) {
      fail(req, res, error);
    }
  });
  // Malformed request lines and headers never reach the handler: answer them here.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    log(`webhost: ${status} for a malformed request (${error.code ?? error.message})`);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n\r\nMalformed request\n`,
    );
  });

  await new Promise<void>((ready, failToListen) => {
    server.once('error', failToListen);
    server.listen(options.port ?? 0, bind, () => ready());
  });
  port = (server.address() as AddressInfo).port;
  cookieName = sessionCookieName(port);
  const urls = openableUrls(bind, port);
  const url = urls[0]!.startsWith('http://localhost:') ? `http://127.0.0.1:${port}` : urls[0]!;
  options.log?.(`Tendero is serving ${urls.join(' ')}`);
  return {
    server,
    url,
    urls,
    cookieName,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
