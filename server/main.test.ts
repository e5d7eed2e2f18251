/**
 * `npm run server` as a real process on an embedded PGlite data folder: first
 * start prints a one-time code, a till enrols and pushes over HTTP, and after
 * a stop the admin commands read the same folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

function admin(...args: string[]) {
  return spawnSync(tsx, ['server/main.ts', 'admin', ...args, '--data', join(dir, 'data')], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
}

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
  it('starts on PGlite, prints a one-time code, serves enrolment, push and pull; admin commands go through it while it runs and open the data after', async () => {
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

      // While it runs (PGlite is held by the server), admin commands go through its endpoint.
      const stores = admin('stores');
      expect(stores.status, stores.stderr).toBe(0);
      const storeId = JSON.parse(stores.stdout).value[0].storeId as string;
      writeFileSync(join(dir, 'catalogo.csv'), 'codigo;nombre;precio\nARR001;Arroz 1 kg;4,90\n');
      const imported = admin('import-products', join(dir, 'catalogo.csv'), '--store', storeId);
      expect(imported.status, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout).value).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const priced = admin('price', '--store', storeId, '--code', 'ARR001', '--price', '5.20');
      expect(JSON.parse(priced.stdout).value).toMatchObject({ price: 520, before: 490 });
      const refused = admin('price', '--store', storeId, '--code', 'NOPE', '--price', '1');
      expect(refused.status).toBe(1);
      expect(JSON.parse(refused.stderr).error.code).toBe('NOT_FOUND');
      const pulled = await fetch(`${base}/v1/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${till.credential}` },
        body: JSON.stringify({ cursor: null }),
      });
      const changes = ((await pulled.json()) as any).changes;
      expect(changes.filter((c: any) => c.entity === 'product').at(-1).data).toMatchObject({
        code: 'ARR001',
        price: 520,
      });
      expect(admin('review').stdout).toContain('"value": []');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The server itself (tsx's child, named in server.json) gets the signal, as from a service manager.
      const info = join(dir, 'data', 'server.json');
      if (existsSync(info)) process.kill(JSON.parse(readFileSync(info, 'utf8')).pid, 'SIGTERM');
      else child.kill('SIGTERM');
      await exited;
    }
    // Stopped: the same commands open the data folder directly.
    const devices = admin('devices');
    expect(devices.status, devices.stderr).toBe(0);
    expect(JSON.parse(devices.stdout)).toMatchObject({ ok: true, value: [{ lastSeq: 1 }] });
    expect(existsSync(join(dir, 'data', 'server.json'))).toBe(false);
    expect(existsSync(join(dir, 'data', 'admin-token'))).toBe(true);
  }, 240_000);
});
