/**
 * The CLI as a user runs it: a child process per command on a real database
 * file, through a whole day: init, import, open, sell, void, close, Z report.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeForeignSqlite } from '../db/testing/foreign';
import { crash, holdOpen } from '../db/testing/processes';
import { INIT_BODEGA_ANA } from './testing/cli-run';

let dir: string;
let db: string;

function pos(args: string[], input?: string, env: Record<string, string> = {}) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli.ts', ...args, ...(args.includes('--db') ? [] : ['--db', db])],
    {
      encoding: 'utf8',
      input,
      env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '', ...env },
    },
  );
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    json: json as any,
  };
}

const admin = ['--user', 'Ana', '--pin', '1234'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-cli-'));
  db = join(dir, 'till.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pos CLI', { timeout: 60_000 }, () => {
  it('runs a whole day from the terminal', () => {
    const init = pos([...INIT_BODEGA_ANA, '--time-zone', 'America/Lima']);
    expect(init.code).toBe(0);
    expect(init.json.ok).toBe(true);

    const csv = join(dir, 'products.csv');
    writeFileSync(
      csv,
      'codigo,nombre,precio,stock,codigos_barras\r\nA1,Arroz 1 kg,4.90,10,7751001200373\r\nB1,Leche 400 g,4.30,20,\r\n',
    );
    const imported = pos(['import-products', csv, ...admin]);
    expect(imported.code).toBe(0);
    expect(imported.json.value).toMatchObject({ created: 2, errors: [] });

    expect(pos(['call', 'cash.open', '{"float": 5000}', ...admin]).json.ok).toBe(true);
    const sale = pos(
      ['call', 'sales.create', '-', ...admin],
      JSON.stringify({
        id: '11111111-1111-4111-8111-111111111111',
        lines: [{ barcode: '2*7751001200373' }, { barcode: 'B1' }],
        payments: [{ method: 'EFECTIVO', amount: 2000 }],
      }),
    );
    expect(sale.code).toBe(0);
    expect(sale.json.value).toMatchObject({ number: 'B001-00000001', total: 1410, change: 590 });

    const second = pos([
      'call',
      'sales.create',
      JSON.stringify({
        id: '22222222-2222-4222-8222-222222222222',
        lines: [{ barcode: 'A1' }],
        payments: [{ method: 'EFECTIVO', amount: 490 }],
      }),
      ...admin,
    ]);
    expect(second.json.value.number).toBe('B001-00000002');
    const voided = pos([
      'call',
      'sales.void',
      JSON.stringify({ id: '22222222-2222-4222-8222-222222222222', reason: 'Cliente desistió' }),
      ...admin,
    ]);
    expect(voided.json.value.status).toBe('ANULADA');

    const closed = pos(['call', 'cash.close', '{"countedCash": 6310}', ...admin]);
    expect(closed.code).toBe(0);
    expect(closed.json.value).toMatchObject({
      kind: 'Z',
      sales: { count: 1, total: 1410 },
      voids: { count: 1, total: 490 },
    });
    expect(closed.json.value.cash).toMatchObject({
      expected: 6410,
      counted: 6310,
      difference: -100,
    });

    const z = pos([
      'call',
      'cash.report',
      JSON.stringify({ sessionId: closed.json.value.session.id }),
      ...admin,
    ]);
    expect(z.json.value.kind).toBe('Z');
    expect(z.json.value.cash.difference).toBe(-100);
  });

  it('exits 1 with the structured error when the API refuses', () => {
    const refused = pos([
      'call',
      'sales.create',
      '{"id":"33333333-3333-4333-8333-333333333333","lines":[{"barcode":"A1"}]}',
      ...admin,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'NO_OPEN_SESSION' } });
    const unauthenticated = pos(['call', 'settings.get']);
    expect(unauthenticated.code).toBe(1);
    expect(unauthenticated.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('exits 2 on bad usage and lists channels with JSON schemas', () => {
    expect(pos(['call', 'nope.nope']).code).toBe(2);
    expect(pos(['call', 'settings.get', '{not json']).code).toBe(2);
    const listed = pos(['channels', '--json']);
    expect(listed.code).toBe(0);
    expect(listed.json).toHaveProperty(['sales.create', 'input', 'properties', 'lines']);
  });

  it('backs up and restores, keeping the current database aside first, both audited', () => {
    const backup = join(dir, 'copy.sqlite');
    const made = pos(['backup', backup, ...admin]);
    expect(made.code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    pos(['call', 'cash.open', '{"float": 100}', ...admin]);
    const restored = pos(['restore', backup, ...admin]);
    expect(restored.code).toBe(0);
    const { safetyCopy } = restored.json.value;
    expect(existsSync(safetyCopy)).toBe(true);
    expect(pos(['call', 'cash.current', '{}', ...admin]).json.value).toBeNull();
    const audit = pos(['call', 'audit.list', '{"action": "database.restore"}', ...admin]);
    expect(audit.json.value).toHaveLength(1);
    expect(audit.json.value[0]).toMatchObject({ userName: 'Ana', entityId: backup });
    expect(audit.json.value[0].after).toMatchObject({ from: backup, into: db, safetyCopy });
    // The backup's own row is in the safety copy (the database it was made from).
    const before = new Database(safetyCopy, { readonly: true });
    expect(
      before
        .prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'database.backup'")
        .pluck()
        .get(),
    ).toBe(1);
    before.close();
  });

  it('exits 3 when the database cannot be opened', () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database'.repeat(300));
    const run = pos(['call', 'setup.status', '--db', garbage]);
    expect(run.code).toBe(3);
    expect(run.json.error.code).toBe('DATABASE_CORRUPT');
  });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** One JSON line on stdout and no stack trace anywhere. */
function expectOneJsonLine(run: ReturnType<typeof pos>) {
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  expect(run.json.ok).toBe(false);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
}

describe('pos restore and backup, as the issue reproduced them', { timeout: 60_000 }, () => {
  it('refuses while the web host has the database open, naming it, until it dies', async () => {
    const backup = join(dir, 'before-host.sqlite');
    expect(pos(['backup', backup, ...admin]).code).toBe(0);
    const host = await holdOpen(db, 'web');
    try {
      const before = sha(db);
      const refused = pos(['restore', backup, ...admin]);
      expect(refused.code).toBe(3);
      expectOneJsonLine(refused);
      expect(refused.json.error.code).toBe('DATABASE_IN_USE');
      expect(refused.json.error.message).toMatch(
        new RegExp(`the Tendero web host, pid ${host.pid}, started \\d{2}:\\d{2}`),
      );
      expect(sha(db)).toBe(before);
    } finally {
      await crash(host);
    }
    expect(pos(['restore', backup, ...admin]).code).toBe(0);
  });

  it('never lets a foreign SQLite file replace the live database', () => {
    const foreign = writeForeignSqlite(join(dir, 'foreign.sqlite'));
    const before = sha(db);
    const refused = pos(['restore', foreign, ...admin]);
    expect(refused.code).toBe(3);
    expectOneJsonLine(refused);
    expect(refused.json.error.code).toBe('DATABASE_NOT_A_TENDERO_DATABASE');
    expect(sha(db)).toBe(before);
    expect(pos(['call', 'settings.get', '{}', ...admin]).code).toBe(0);
  });

  it('restores over a corrupt database, keeping the broken file aside', () => {
    const backup = join(dir, 'good.sqlite');
    expect(pos(['backup', backup, ...admin]).code).toBe(0);
    const broken = join(dir, 'broken.sqlite');
    const garbage = Buffer.alloc(20_000, 0x42);
    writeFileSync(broken, garbage);
    const restored = pos(['restore', backup, '--db', broken, ...admin]);
    expect(restored.code).toBe(0);
    const kept = restored.json.value.unreadableKeptAs;
    expect(kept).toMatch(/broken\.sqlite\.unreadable-/);
    expect(readFileSync(kept).equals(garbage)).toBe(true);
    expect(pos(['call', 'settings.get', '{}', '--db', broken, ...admin]).code).toBe(0);
  });

  it('says there is no database at a mistyped path, and creates nothing', () => {
    const typo = join(dir, 'tipo', 'tendero.sqlite');
    for (const args of [
      ['call', 'settings.get', '{}', ...admin],
      ['backup', join(dir, 'x.sqlite'), ...admin],
      ['export-products', join(dir, 'x.csv'), ...admin],
    ]) {
      const run = pos([...args, '--db', typo]);
      expect(run.code).toBe(3);
      expectOneJsonLine(run);
      expect(run.json.error).toMatchObject({
        code: 'DATABASE_NOT_FOUND',
        message: `No Tendero database at ${typo}`,
      });
    }
    expect(existsSync(join(dir, 'tipo'))).toBe(false);
  });

  it('needs an admin for backup and restore, with the PIN from TENDERO_PIN', () => {
    const out = join(dir, 'by-whom.sqlite');
    const anonymous = pos(['backup', out]);
    expect(anonymous.code).toBe(2);
    expect(anonymous.json.error.code).toBe('USAGE');
    expect(
      pos(['call', 'users.create', '{"name":"Caja","role":"cashier","pin":"5555"}', ...admin]).code,
    ).toBe(0);
    const cashier = pos(['backup', out, '--user', 'Caja', '--pin', '5555']);
    expect(cashier.code).toBe(1);
    expect(cashier.json.error.code).toBe('FORBIDDEN');
    expect(pos(['restore', join(dir, 'good.sqlite'), '--user', 'Caja', '--pin', '5555']).code).toBe(
      1,
    );
    expect(pos(['backup', out, '--user', 'Ana', '--pin', '9999']).json.error.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(existsSync(out)).toBe(false);
    const denied = pos(['call', 'audit.list', '{"outcome": "denied"}', ...admin]);
    expect(denied.json.value.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['database.backup', 'database.restore']),
    );

    const viaEnv = pos(['backup', out, '--user', 'Ana'], undefined, { TENDERO_PIN: '1234' });
    expect(viaEnv.code).toBe(0);
    expect(viaEnv.json.value.file).toBe(out);
  });

  it('treats a missing CSV or backup file as bad usage, in one JSON line', () => {
    for (const args of [
      ['import-products', join(dir, 'nope.csv'), ...admin],
      ['restore', join(dir, 'nope.sqlite'), ...admin],
    ]) {
      const run = pos(args);
      expect(run.code).toBe(2);
      expectOneJsonLine(run);
      expect(run.json.error.code).toBe('FILE_NOT_FOUND');
    }
  });

  it('asks for the PIN on a terminal without echoing it', async () => {
    const out = join(dir, 'typed.sqlite');
    const command = `${process.execPath} --import tsx electron/cli.ts backup ${out} --user Ana --db ${db}`;
    // script(1) gives the CLI a real terminal; the PIN is typed once it is asked for.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '' },
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const before = screen;
      screen += chunk.toString();
      if (!before.includes('PIN for Ana:') && screen.includes('PIN for Ana:'))
        child.stdin.write('1234\r');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(screen).toContain('PIN for Ana:');
    expect(screen).not.toContain('1234');
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('npm run pos from another folder', { timeout: 120_000 }, () => {
  it('resolves relative paths against the folder the command was typed in', () => {
    const project = process.cwd();
    const shop = mkdtempSync(join(tmpdir(), 'tendero-shop-'));
    try {
      const run = spawnSync(
        'npm',
        [
          '--prefix',
          project,
          'run',
          '-s',
          'pos',
          '--',
          'init',
          '--country',
          'PE',
          '--business',
          'Bodega',
          '--tax-id',
          '20123456789',
          '--admin',
          'Ana',
          '--pin',
          '1234',
          '--register',
          'CAJA1',
          '--db',
          'rel-till.sqlite',
        ],
        { cwd: shop, encoding: 'utf8', env: { ...process.env, TENDERO_DB: '' } },
      );
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(existsSync(join(shop, 'rel-till.sqlite'))).toBe(true);
      expect(existsSync(join(project, 'rel-till.sqlite'))).toBe(false);
    } finally {
      rmSync(shop, { recursive: true, force: true });
      // Had it gone to the project (the bug), leave nothing there.
      for (const left of ['', '-wal', '-shm', '.lock', '.owners'])
        rmSync(join(project, `rel-till.sqlite${left}`), { recursive: true, force: true });
    }
  });
});
