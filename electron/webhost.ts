/**
 * Browser mode: the same API over HTTP on 127.0.0.1, serving the built
 * renderer, so the UI runs (and is tested) in a plain browser. Each browser
 * session logs in like the desktop does and has its own acting user.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isChannelName } from '../core/api/channels';
import type { Api, Session } from './api';
import { CONTENT_SECURITY_POLICY } from './window-options';

export const SESSION_COOKIE = 'tendero_session';
const MAX_BODY = 60 * 1024 * 1024;
const SESSION_IDLE_MS = 12 * 3_600_000;

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

export interface WebHostOptions {
  readonly api: Api;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly host?: string;
  readonly port?: number;
  readonly log?: (message: string) => void;
}

export interface WebHost {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

interface HostSession extends Session {
  lastSeen: number;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const sessions = new Map<string, HostSession>();
  const staticRoot = resolve(options.staticDir);
  let origin = '';

  function newSession(res: ServerResponse): string {
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { actor: null, lastSeen: Date.now() });
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`);
    return id;
  }

  function sessionOf(req: IncomingMessage): HostSession | undefined {
    const id = cookieOf(req, SESSION_COOKIE);
    const session = id ? sessions.get(id) : undefined;
    if (!session) return undefined;
    if (Date.now() - session.lastSeen > SESSION_IDLE_MS) {
      sessions.delete(id!);
      return undefined;
    }
    session.lastSeen = Date.now();
    return session;
  }

  /** Only this page's own origin may call: a page elsewhere cannot drive the till. */
  function isSameOrigin(req: IncomingMessage): boolean {
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
    const from = req.headers.origin;
    return from === undefined || from === origin;
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
  ): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' }, { allow: 'POST' });
    if (!isSameOrigin(req)) return send(res, 403, { error: 'Cross-origin requests are refused' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, { error: 'Send JSON' });
    }
    const session = sessionOf(req);
    if (!session) return send(res, 401, { error: 'No session: load the app first' });
    if (!isChannelName(channel)) {
      return send(res, 404, {
        ok: false,
        error: { code: 'NOT_FOUND', message: `Unknown channel "${channel}"` },
      });
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body === '' ? {} : (JSON.parse(body) as unknown);
    } catch {
      return send(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'The body is not valid JSON' },
      });
    }
    send(res, 200, await options.api.call(channel, input, session));
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(403).end();
      return;
    }
    // The single-page app answers every unknown path with index.html.
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticRoot, 'index.html');
    if (!existsSync(file)) {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The renderer is not built: run npm run build:renderer');
      return;
    }
    const isHtml = file.endsWith('.html');
    if (isHtml && !sessionOf(req)) newSession(res);
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

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin || 'http://localhost');
    const api = /^\/api\/([A-Za-z]+\.[A-Za-z]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((error: unknown) => {
        options.log?.(`webhost error: ${String(error)}`);
        if (!res.headersSent)
          send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error' } });
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) return send(res, 404, { error: 'Unknown API path' });
    serveStatic(req, res, url.pathname);
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ready());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  options.log?.(`Tendero is serving ${origin}`);
  return {
    server,
    url: origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
