/**
 * `npm run server` as a real process on an embedded PGlite data folder: first
 * start prints a one-time code, a till enrols and pushes over HTTP, and after
 * a stop the admin commands read the same folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './testing/pg-cluster';
import { saleEvent } from './testing/fixtures';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'tendero-server-'));
const env = { ...process.env, DATABASE_URL: '' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function waitForCode(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no code in: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('npm run server', () => {
  it('starts on PGlite, prints a one-time code, serves enrolment and push; admin reads the data after', async () => {
    const port = await freePort();
    const child = spawn(
      tsx,
      ['server/main.ts', '--port', String(port), '--data', join(dir, 'data')],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const code = await waitForCode(child);
      const base = `http://127.0.0.1:${port}`;
      const enrolled = await fetch(`${base}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, series: [{ documentType: 'BOLETA', series: 'B001' }] }),
      });
      expect(enrolled.status).toBe(200);
      const till = (await enrolled.json()) as any;
      const pushed = await fetch(`${base}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${till.credential}` },
        body: JSON.stringify({ device: till.deviceId, events: [saleEvent(till.deviceId, 1)] }),
      });
      expect(pushed.status).toBe(200);
      expect(await pushed.json()).toMatchObject({ acknowledgedSeq: 1, applied: 1 });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const devices = spawnSync(
      tsx,
      ['server/main.ts', 'admin', 'devices', '--data', join(dir, 'data')],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    expect(devices.status, devices.stderr).toBe(0);
    expect(JSON.parse(devices.stdout)).toMatchObject({ ok: true, value: [{ lastSeq: 1 }] });
  }, 120_000);
});
