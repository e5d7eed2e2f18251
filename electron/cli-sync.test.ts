/**
 * `pos sync enroll | status | push` as real processes on a real database file,
 * against the real server app on a loopback port (the child must not block
 * this process's event loop, hence spawn, not spawnSync).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestStore } from './testing/sync-server';

let dir: string;
let db: string;
let server: TestServer;
let store: TestStore;

function pos(args: string[]): Promise<{ code: number | null; json: any; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli.ts', ...args, '--db', db],
      { env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code) => {
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, json, stdout });
    });
  });
}

const admin = ['--user', 'Rosa', '--pin', '1234'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-cli-sync-'));
  db = join(dir, 'till.sqlite');
  server = await startTestServer();
  store = await server.store();
}, 60_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pos sync', { timeout: 120_000 }, () => {
  it('enrols with a code, says what waits, and pushes every event once', async () => {
    const demo = await pos(['demo', '--days', '2']);
    expect(demo.code, demo.stdout).toBe(0);

    const before = await pos(['sync', 'status', ...admin]);
    expect(before.json.value).toMatchObject({ phase: 'not-enrolled' });
    const waiting = before.json.value.pending as number;
    expect(waiting).toBeGreaterThan(0);

    const missing = await pos(['sync', 'enroll', '--server', server.url, ...admin]);
    expect(missing.code).toBe(2);

    const enrolled = await pos([
      'sync',
      'enroll',
      '--server',
      server.url,
      '--code',
      await store.code(),
      ...admin,
    ]);
    expect(enrolled.code, enrolled.stdout).toBe(0);
    expect(enrolled.json.value).toMatchObject({ enrolled: true, pending: waiting });
    expect(enrolled.stdout).not.toMatch(/credential/);

    const pushed = await pos(['sync', 'push', ...admin]);
    expect(pushed.code, pushed.stdout).toBe(0);
    expect(pushed.json.value).toMatchObject({ acknowledged: waiting, status: { phase: 'synced' } });
    expect(await store.eventCount()).toBe(waiting);

    const again = await pos(['sync', 'now', ...admin]);
    expect(again.json.value).toMatchObject({ sent: 0, status: { pending: 0 } });
    expect(await store.eventCount()).toBe(waiting);
  });
});
