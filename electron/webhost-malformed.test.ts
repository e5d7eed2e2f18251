/**
 * No request, however malformed, may end the browser-mode host: it answers
 * 400 (500 for the unexpected), logs it, and keeps serving.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from './webhost';
import { rawGet, rawRequest } from './testing/raw-http';
import { setUpTill, type Till } from './testing/till';

let till: Till;
let host: WebHost;
let staticDir: string;
let port: number;
const logged: string[] = [];

beforeAll(async () => {
  till = await setUpTill('PE');
  staticDir = mkdtempSync(join(tmpdir(), 'tendero-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tendero</title>');
  host = await startWebHost({ api: till.api, staticDir, log: (m) => logged.push(m) });
  port = new URL(host.url).port ? Number(new URL(host.url).port) : 80;
});
afterAll(async () => {
  await host.close();
  till.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function stillServes(): Promise<void> {
  const page = await fetch(host.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Tendero</title>');
}

describe('webhost: malformed requests', () => {
  it('answers GET /% (a broken percent escape) with 400 and keeps serving', async () => {
    const answer = await rawGet(port, '/%');
    expect(answer.status).toBe(400);
    expect(logged.join('\n')).toMatch(/400/);
    await stillServes();
  });

  it('survives a raw GET //[ (not a URL relative to a base) and keeps serving', async () => {
    // It is a path as browsers send it (they do not escape "["): the app's page answers.
    const answer = await rawGet(port, '//[');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<title>Tendero</title>');
    await stillServes();
  });

  it('answers other broken paths with 400 or 404, never a crash', async () => {
    for (const target of ['/%E0%A4%A', '/api/%zz', '/..%', '/%00', '*', 'http://[', '/\u0000']) {
      const answer = await rawGet(port, target);
      expect([400, 403, 404], target).toContain(answer.status);
    }
    await stillServes();
  });

  it('answers a malformed request line or header with 400 (clientError)', async () => {
    const lines = [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nbad header\r\n\r\n`,
      `GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-length: -1\r\n\r\n`,
    ];
    for (const bytes of lines) {
      const answer = await rawRequest(port, bytes);
      expect(answer.status, JSON.stringify(bytes)).toBe(400);
    }
    await stillServes();
  });
});
