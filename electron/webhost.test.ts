import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from './webhost';
import { ADMIN, setUpTill, type Till } from './testing/till';

let till: Till;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  till = await setUpTill('PE');
  staticDir = mkdtempSync(join(tmpdir(), 'tendero-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tendero</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  host = await startWebHost({ api: till.api, staticDir });
});
afterAll(async () => {
  await host.close();
  till.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function session(): Promise<string> {
  const page = await fetch(host.url);
  const cookie = page.headers.get('set-cookie') ?? '';
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  return cookie.split(';')[0]!;
}

function call(channel: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

describe('webhost', () => {
  it('listens on loopback only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 401 without a session cookie', async () => {
    const res = await call('setup.status', {});
    expect(res.status).toBe(401);
    const forged = await call('setup.status', {}, { cookie: `${host.cookieName}=made-up` });
    expect(forged.status).toBe(401);
  });

  it('logs in and calls with the session, each session with its own user', async () => {
    const cookie = await session();
    expect(await (await call('settings.get', {}, { cookie })).json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const login = await (await call('auth.login', ADMIN, { cookie })).json();
    expect(login).toMatchObject({ ok: true, value: { name: 'Ana', role: 'admin' } });
    expect(await (await call('settings.get', {}, { cookie })).json()).toMatchObject({
      ok: true,
      value: { country: 'PE' },
    });

    const other = await session();
    expect(await (await call('settings.get', {}, { cookie: other })).json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await call('auth.logout', {}, { cookie });
    expect(await (await call('settings.get', {}, { cookie })).json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses cross-origin requests', async () => {
    const cookie = await session();
    const evil = await call('setup.status', {}, { cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const crossSite = await call('setup.status', {}, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${host.url}/api/setup.status`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const same = await call('setup.status', {}, { cookie, origin: host.url });
    expect(same.status).toBe(200);
  });

  it('serves the renderer with security headers and never leaves its folder', async () => {
    const page = await fetch(`${host.url}/till`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Tendero</title>');
    const js = await fetch(`${host.url}/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const escape = await fetch(`${host.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('answers bad bodies and unknown channels with structured errors', async () => {
    const cookie = await session();
    const bad = await fetch(`${host.url}/api/setup.status`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await call('nope.nope', {}, { cookie });
    expect(unknown.status).toBe(404);
  });
});
