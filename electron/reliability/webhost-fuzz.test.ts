/**
 * The browser-mode host under malformed traffic: a few thousand request
 * lines, paths, headers and bodies, generated from a fixed seed so a failure
 * replays, sent over raw sockets in a bounded time. Afterwards the host must
 * still serve the app and complete a real sale over HTTP, and it must never
 * have answered 500 (an unexpected error is a bug, even when caught).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../webhost';
import { product } from '../testing/fixtures';
import { rawRequest } from '../testing/raw-http';
import { ADMIN, setUpTill, type Till } from '../testing/till';

const SEED = 20_261_205;
const REQUESTS = 3_000;
const BUDGET_MS = 6_000;
const PARALLEL = 16;

let till: Till;
let host: WebHost;
let staticDir: string;
let port = 0;
let productId = 0;
const logged: string[] = [];

beforeAll(async () => {
  till = await setUpTill('PE');
  productId = (await product(till, { code: 'F1', price: 350, stock: 100 })).id;
  staticDir = mkdtempSync(join(tmpdir(), 'tendero-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tendero</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  host = await startWebHost({ api: till.api, staticDir, log: (m) => logged.push(m) });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  till.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const ascii = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 255 }), { minLength: min, maxLength: max })
    .map((codes) => String.fromCharCode(...codes));

// Mostly well-formed request lines, so most requests reach the handler's own checks.
const method = fc.oneof(
  {
    arbitrary: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
    weight: 8,
  },
  { arbitrary: fc.constantFrom('get', 'G ET', '', 'POST\0', 'BREW', 'CONNECT'), weight: 1 },
  { arbitrary: ascii(0, 8), weight: 1 },
);

const target = fc.oneof(
  fc.constantFrom(
    '/',
    '/%',
    '//[',
    '/%%',
    '/%E0%A4%A',
    '/%00',
    '/..%2f..%2fetc%2fpasswd',
    '/../../etc/passwd',
    '/api/',
    '/api/sales.create',
    '/api/%zz.%zz',
    '/api/__proto__.constructor',
    '*',
    'http://[',
    'http://evil.example/',
    '/?%',
    '/#%',
    '/' + 'a'.repeat(10_000),
    '/\u00ff\u00fe',
  ),
  fc.tuple(fc.constantFrom('/', '/api/', '//', '/app.js/'), ascii(0, 40)).map(([a, b]) => a + b),
  fc.webPath(),
  ascii(0, 60),
);

const version = fc.oneof(
  { arbitrary: fc.constantFrom('HTTP/1.1', 'HTTP/1.0'), weight: 8 },
  { arbitrary: fc.constantFrom('HTTP/2.0', 'HTTP/1.', 'HTTP/9.9', '', 'http/1.1'), weight: 1 },
);

const header = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      'host',
      'content-length',
      'transfer-encoding',
      'content-type',
      'cookie',
      'origin',
      'sec-fetch-site',
      'expect',
      'connection',
      'upgrade',
    ),
    fc.oneof(
      fc.constantFrom(
        '-1',
        '99999999999999999999',
        '1, 2',
        'chunked',
        'chunked, identity',
        'application/json',
        'localhost',
        'evil.example',
        '[::1',
        'null',
        'cross-site',
        '100-continue',
        'upgrade',
        'websocket',
        'tendero_session=x; tendero_session=y',
      ),
      ascii(0, 30),
    ),
  ),
  fc.tuple(fc.constantFrom('x-a', 'accept', 'user-agent'), fc.string({ maxLength: 30 })),
  fc.tuple(ascii(0, 12), ascii(0, 30)),
);

const body = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '{}',
    '{"a":',
    '[]',
    'null',
    '0\r\n\r\n',
    'zz\r\nxx\r\n',
    '{"__proto__":{"x":1}}',
  ),
  ascii(0, 200),
);

/** Anything at all: most of it dies in the HTTP parser (clientError). */
const anything = fc
  .tuple(method, target, version, fc.array(header, { maxLength: 4 }), body, fc.nat(9))
  .map(([m, t, v, headers, b, withHost]) => {
    const lines = headers.map(([name, value]) => `${name}: ${value}`);
    if (withHost > 0) lines.unshift(`host: 127.0.0.1:${port}`);
    return `${m} ${t} ${v}\r\n${lines.join('\r\n')}\r\n\r\n${b}`;
  });

/** A request the parser accepts, with an odd path, header or body: it reaches the handler. */
const parsed = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS'),
    fc.oneof(
      target.filter((t) => /^[\x21-\x7e]*$/.test(t) && t !== ''),
      fc.webPath().map((p) => p || '/'),
      fc.webPath().map((p) => `/api${p}`),
    ),
    fc.array(header, { maxLength: 3 }),
    body,
  )
  .map(([m, t, headers, b]) => {
    const lines = headers
      .filter(([name, value]) => /^[a-z-]+$/.test(name) && /^[\x20-\x7e]*$/.test(value))
      .map(([name, value]) => `${name}: ${value}`);
    lines.unshift(`host: 127.0.0.1:${port}`, `content-length: ${Buffer.byteLength(b, 'latin1')}`);
    return `${m} ${t} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${b}`;
  });

const request = fc.oneof({ arbitrary: anything, weight: 1 }, { arbitrary: parsed, weight: 2 });

/** Sends JSON to a channel the way the renderer does. */
async function call(channel: string, input: unknown, cookie: string) {
  const res = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { details?: unknown } };
}

describe('webhost under malformed traffic', () => {
  it('answers thousands of malformed requests and then still sells', async () => {
    const samples = fc.sample(request, { seed: SEED, numRuns: REQUESTS });
    const statuses = new Map<number, number>();
    const started = Date.now();
    let sent = 0;
    while (sent < samples.length && Date.now() - started < BUDGET_MS) {
      const batch = samples.slice(sent, sent + PARALLEL);
      const answers = await Promise.all(
        batch.map((bytes) =>
          rawRequest(port, Buffer.from(bytes, 'latin1'), { timeoutMs: 500, endAfterWrite: true }),
        ),
      );
      answers.forEach((answer, i) => {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, JSON.stringify(batch[i]!.slice(0, 200))).not.toBe(500);
      });
      sent += batch.length;
    }
    // Bounded in time, yet most of the corpus was sent.
    expect(sent).toBeGreaterThan(REQUESTS / 2);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);

    // The app is still served…
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tendero</title>');
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;

    // …and a real sale goes through over HTTP: log in, open the cash, sell.
    expect(await call('auth.login', ADMIN, cookie)).toMatchObject({ ok: true });
    expect(await call('cash.open', { float: 10_000 }, cookie)).toMatchObject({ ok: true });
    const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const lines = [{ productId, quantity: 2 }];
    const preview = await call('sales.create', { id, lines, payments: [] }, cookie);
    const due = (preview.error?.details as { due?: number } | undefined)?.due;
    expect(due).toBeGreaterThan(0);
    const sale = await call(
      'sales.create',
      { id, lines, payments: [{ method: 'EFECTIVO', amount: due }] },
      cookie,
    );
    expect(sale).toMatchObject({ ok: true, value: { id } });
    expect(logged.some((line) => line.includes('webhost: 400'))).toBe(true);
  }, 60_000);
});
