/**
 * Twenty processes type a wrong PIN for the same user at the same moment on
 * one SQLite file. The counter is read, the PIN checked and the miss written
 * in one IMMEDIATE transaction, so all twenty count, only five PINs are ever
 * tried, and the user ends locked: parallel processes cannot race past it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { user } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';

const CHILDREN = 20;
let till: Till;

beforeAll(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  till.db.close();
});
afterAll(() => till.close());

function start(): { child: ChildProcess; ready: Promise<void>; result: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/testing/login-child.ts', till.file, 'Carla', '0000'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const result = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('READY')) markReady();
    });
    child.on('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) resolve(line.slice(7));
      else reject(new Error(`child gave no result: ${err}`));
    });
  });
  return { child, ready, result };
}

describe('parallel wrong PINs', { timeout: 120_000 }, () => {
  it(`${CHILDREN} processes at once: all ${CHILDREN} count, 5 PINs tried, the user locked`, async () => {
    const children = Array.from({ length: CHILDREN }, start);
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.child.stdin!.write('go\n');
    const results = (await Promise.all(children.map((c) => c.result))).map(
      (r) => JSON.parse(r) as { ok: boolean; error: { code: string; details: { reason: string } } },
    );
    // Listing the odd ones out, so a failure says what came back instead of 'false'.
    expect(results.filter((r) => r.ok || r.error.code !== 'UNAUTHENTICATED')).toEqual([]);
    const reasons = results.map((r) => r.error.details.reason);
    expect(reasons.filter((r) => r === 'BAD_CREDENTIALS')).toHaveLength(4);
    expect(reasons.filter((r) => r === 'LOCKED')).toHaveLength(16);

    const db = openDatabase(till.file);
    try {
      const carla = db.sqlite
        .prepare("SELECT failed_logins, lockouts, locked_until FROM users WHERE name = 'Carla'")
        .get() as { failed_logins: number; lockouts: number; locked_until: string | null };
      expect(carla.lockouts).toBe(1);
      expect(carla.locked_until).not.toBeNull();
      const denied = db.sqlite
        .prepare(
          "SELECT reason, COUNT(*) AS n FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied' GROUP BY reason ORDER BY reason",
        )
        .all();
      // Four misses, the fifth that locked, fifteen refused without trying the PIN.
      expect(denied).toEqual([
        { reason: 'locked 1 min', n: 1 },
        { reason: 'refused: locked', n: 15 },
        { reason: 'wrong PIN', n: 4 },
      ]);
      const alert = db.sqlite.prepare('SELECT user_name, misses, lockouts FROM lock_alerts').all();
      expect(alert).toEqual([{ user_name: 'Carla', misses: CHILDREN, lockouts: 1 }]);
    } finally {
      db.close();
    }
  });
});
