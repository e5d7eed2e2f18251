/**
 * The CLI as a user runs it: a child process per command on a real database
 * file, through a whole day: init, import, open, sell, void, close, Z report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let db: string;

function pos(args: string[], input?: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli.ts', ...args, '--db', db],
    {
      encoding: 'utf8',
      input,
      env: { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '' },
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
    const init = pos([
      'init',
      '--country',
      'PE',
      '--business',
      'Bodega Ana',
      '--tax-id',
      '20123456789',
      '--admin',
      'Ana',
      '--pin',
      '1234',
      '--register',
      'CAJA1',
      '--time-zone',
      'America/Lima',
    ]);
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

  it('backs up and restores, keeping the current database aside first', () => {
    const backup = join(dir, 'copy.sqlite');
    expect(pos(['backup', backup]).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    pos(['call', 'cash.open', '{"float": 100}', ...admin]);
    const restored = pos(['restore', backup]);
    expect(restored.code).toBe(0);
    expect(existsSync(restored.json.previousKeptAs)).toBe(true);
    expect(pos(['call', 'cash.current', '{}', ...admin]).json.value).toBeNull();
  });

  it('exits 3 when the database cannot be opened', () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database'.repeat(300));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli.ts', 'call', 'setup.status', '--db', garbage],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/CORRUPT/);
  });
});
