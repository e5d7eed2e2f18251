/**
 * The browser-mode host's limits: body sizes, the session table, the Host
 * header (DNS rebinding), the origin of pages opened by localhost or a LAN
 * address, and one session cookie per port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from './webhost';
import { rawRequest } from './testing/raw-http';
import { ADMIN, setUpTill, type Till } from './testing/till';
import { csvFile } from './testing/csv-file';

let till: Till;
let staticDir: string;
const hosts: WebHost[] = [];
let clock = Date.now();

beforeAll(async () => {
  till = await setUpTill('PE');
  staticDir = mkdtempSync(join(tmpdir(), 'tendero-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tendero</title>');
});
afterAll(async () => {
  for (const host of hosts) await host.close();
  till.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function start(options: Partial<Parameters<typeof startWebHost>[0]> = {}) {
  const host = await startWebHost({ api: till.api, staticDir, ...options });
  hosts.push(host);
  return host;
}

const portOf = (host: WebHost) => Number(new URL(host.url).port);

/** Loads the page and returns its session cookie ("name=value"). */
async function page(host: WebHost): Promise<string> {
  const res = await fetch(host.url);
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function call(host: WebHost, channel: string, input: unknown, cookie: string) {
  const res = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A raw POST to the API with exact headers (Host, Origin) and body. */
function rawPost(
  port: number,
  channel: string,
  headers: Record<string, string>,
  body = '{}',
  address = '127.0.0.1',
) {
  const all: Record<string, string> = {
    host: `${address}:${port}`,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...headers,
  };
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return rawRequest(port, `POST /api/${channel} HTTP/1.1\r\n${head}\r\n\r\n${body}`, {
    host: address,
  });
}

describe('webhost: body limits', () => {
  it('answers 413 to a body announced over 1 MB without waiting for it', async () => {
    const host = await start();
    const cookie = await page(host);
    const started = Date.now();
    const answer = await rawRequest(
      portOf(host),
      `POST /api/setup.status HTTP/1.1\r\nhost: 127.0.0.1:${portOf(host)}\r\ncookie: ${cookie}\r\n` +
        `content-type: application/json\r\ncontent-length: 2000000\r\n\r\n{"a":`,
      { timeoutMs: 3_000 },
    );
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('answers 413 to a chunked body once it passes 1 MB', async () => {
    const host = await start();
    const cookie = await page(host);
    const chunk = 'x'.repeat(64 * 1024);
    const chunks = Array.from({ length: 24 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const answer = await rawRequest(
      portOf(host),
      `POST /api/setup.status HTTP/1.1\r\nhost: 127.0.0.1:${portOf(host)}\r\ncookie: ${cookie}\r\n` +
        `content-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n${chunks.join('')}`,
      { timeoutMs: 3_000 },
    );
    expect(answer.status).toBe(413);
    // The host still works afterwards.
    expect((await call(host, 'setup.status', {}, cookie)).status).toBe(200);
  });

  it('lets a logged-in session import a CSV over 1 MB, but not an anonymous page', async () => {
    const host = await start();
    const csv = 'code,name,price\n' + 'X,' + 'y'.repeat(2 * 1024 * 1024) + ',1\n';
    const anonymous = await page(host);
    const refused = await call(
      host,
      'products.import',
      { file: csvFile(csv), dryRun: true },
      anonymous,
    );
    expect(refused.status).toBe(413);
    const cookie = await page(host);
    expect((await call(host, 'auth.login', ADMIN, cookie)).body.ok).toBe(true);
    const imported = await call(
      host,
      'products.import',
      { file: csvFile(csv), dryRun: true },
      cookie,
    );
    expect(imported.status).toBe(200);
    // Past the API's door: the import itself answers (this CSV's one row is bad).
    expect(imported.body).toHaveProperty('ok');
    const other = await call(host, 'settings.get', { junk: 'x'.repeat(2 * 1024 * 1024) }, cookie);
    expect(other.status).toBe(413);
  });
});

describe('webhost: sessions', () => {
  it('forgets a page that never logged in after 15 idle minutes, keeps a logged-in one', async () => {
    const host = await start({ sessionLimits: { now: () => clock } });
    const anonymous = await page(host);
    const cashier = await page(host);
    expect((await call(host, 'auth.login', ADMIN, cashier)).body.ok).toBe(true);
    expect((await call(host, 'setup.status', {}, anonymous)).status).toBe(200);
    clock += 16 * 60_000;
    expect((await call(host, 'setup.status', {}, anonymous)).status).toBe(401);
    expect((await call(host, 'settings.get', {}, cashier)).body).toMatchObject({ ok: true });
  });

  it('bounds the session table; a flood of page loads never logs a till out', async () => {
    const host = await start({ sessionLimits: { max: 20 } });
    const till1 = await page(host);
    expect((await call(host, 'auth.login', ADMIN, till1)).body.ok).toBe(true);
    const firstAnonymous = await page(host);
    for (let i = 0; i < 300; i++) await page(host);
    // The table kept only the newest pages: the first anonymous one is gone…
    expect((await call(host, 'setup.status', {}, firstAnonymous)).status).toBe(401);
    // …and the logged-in till was never evicted.
    expect((await call(host, 'settings.get', {}, till1)).body).toMatchObject({ ok: true });
  });
});

describe('webhost: Host header and origin', () => {
  it('refuses a forged Host (DNS rebinding) for the page and the API, with a clear text', async () => {
    const host = await start();
    const port = portOf(host);
    const cookie = await page(host);
    const pageAnswer = await rawRequest(
      port,
      `GET / HTTP/1.1\r\nhost: evil.example:${port}\r\nconnection: close\r\n\r\n`,
    );
    expect(pageAnswer.status).toBe(421);
    expect(pageAnswer.text).toContain('does not answer to the name "evil.example:');
    expect(pageAnswer.text).not.toContain('<title>Tendero</title>');
    const apiAnswer = await rawPost(port, 'setup.status', {
      host: `evil.example:${port}`,
      origin: `http://evil.example:${port}`,
      cookie,
    });
    expect(apiAnswer.status).toBe(421);
    expect(apiAnswer.text).toContain('WRONG_HOST');
    // The right name on another port is not this host either.
    const wrongPort = await rawPost(port, 'setup.status', { host: `127.0.0.1:1`, cookie });
    expect(wrongPort.status).toBe(421);
  });

  it('serves a page opened by http://localhost:PORT and takes its calls (its own origin)', async () => {
    const host = await start();
    const port = portOf(host);
    const cookie = await page(host);
    const pageAnswer = await rawRequest(
      port,
      `GET / HTTP/1.1\r\nhost: localhost:${port}\r\nconnection: close\r\n\r\n`,
    );
    expect(pageAnswer.status).toBe(200);
    const answer = await rawPost(port, 'setup.status', {
      host: `localhost:${port}`,
      origin: `http://localhost:${port}`,
      'sec-fetch-site': 'same-origin',
      cookie,
    });
    expect(answer.status).toBe(200);
    // A page on localhost cannot call through another name.
    const crossed = await rawPost(port, 'setup.status', {
      host: `127.0.0.1:${port}`,
      origin: `http://localhost:${port}`,
      cookie,
    });
    expect(crossed.status).toBe(403);
  });

  it('bound to 0.0.0.0: prints openable URLs and serves the LAN address and loopback names', async () => {
    const host = await start({ host: '0.0.0.0' });
    const port = portOf(host);
    expect(host.url).not.toContain('0.0.0.0');
    expect(host.urls.join(' ')).not.toContain('0.0.0.0');
    expect(host.urls[0]).toBe(`http://localhost:${port}`);
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of lan) expect(host.urls).toContain(`http://${address}:${port}`);
    const cookie = await page(host);
    // Another loopback address and this machine's own interface address stand in for the LAN.
    for (const address of ['127.0.0.2', ...lan]) {
      const answer = await rawPost(
        port,
        'setup.status',
        { origin: `http://${address}:${port}`, 'sec-fetch-site': 'same-origin', cookie },
        '{}',
        address,
      );
      expect(answer.status, address).toBe(200);
    }
    const forged = await rawPost(port, 'setup.status', { host: `evil.example:${port}`, cookie });
    expect(forged.status).toBe(421);
  });
});

describe('webhost: one cookie per port', () => {
  it('two hosts on one machine do not log each other out', async () => {
    const a = await start();
    const b = await start();
    // A browser's cookie jar: cookies are per machine name, not per port.
    const jar = new Map<string, string>();
    const load = async (host: WebHost) => {
      const [name, value] = (await page(host)).split('=');
      jar.set(name!, value!);
    };
    const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    await load(a);
    expect((await call(a, 'auth.login', ADMIN, cookies())).body.ok).toBe(true);
    await load(b);
    expect((await call(a, 'settings.get', {}, cookies())).body).toMatchObject({ ok: true });
    expect((await call(b, 'settings.get', {}, cookies())).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(a.cookieName).toBe(`tendero_session_${portOf(a)}`);
  });
});
