/**
 * `pos import-products` with the files Excel writes (issue 13), in child
 * processes on real files: the bytes are read as they are on disk, the JSON
 * says the encoding and lists every change, stock is set only with
 * --set-stock, and the export starts with the UTF-8 BOM bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
const admin = ['--user', 'Ana', '--pin', '1234'];
const env = { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '' };

function pos(db: string, args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli.ts', ...args, '--db', db],
    { encoding: 'utf8', env },
  );
  let json: any;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { code: run.status, stderr: run.stderr, json };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-cli-excel-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pos import-products with Excel files', { timeout: 240_000 }, () => {
  it('imports Windows-1252 and UTF-16 files, re-imports without touching stock unless --set-stock', () => {
    const db = join(dir, 'excel.sqlite');
    expect(
      pos(db, [
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
      ]).code,
    ).toBe(0);
    const win = join(dir, 'lista-1252.csv');
    writeFileSync(
      win,
      iconv.encode('codigo;nombre;precio;stock\r\nAZ1;Azúcar rubia;2,50;96\r\n', 'win1252'),
    );
    const first = pos(db, ['import-products', win, ...admin]);
    expect(first.code).toBe(0);
    expect(first.json.value).toMatchObject({
      created: 1,
      encoding: 'windows-1252',
      separator: ';',
    });

    // Since that file: a new price and a shelf count.
    const sqlite = new Database(db);
    const id = sqlite.prepare("SELECT id FROM products WHERE code = 'AZ1'").pluck().get();
    sqlite.close();
    expect(
      pos(db, ['call', 'products.update', JSON.stringify({ id, price: 280 }), ...admin]).code,
    ).toBe(0);
    expect(
      pos(db, [
        'call',
        'stock.adjust',
        JSON.stringify({ productId: id, counted: 48, reason: 'Conteo' }),
        ...admin,
      ]).code,
    ).toBe(0);

    const utf16 = join(dir, 'lista-utf16.csv');
    writeFileSync(
      utf16,
      iconv.encode('codigo\tnombre\tprecio\tstock\r\nAZ1\tAzúcar rubia\t2,50\t96\r\n', 'utf16le', {
        addBOM: true,
      }),
    );
    const again = pos(db, ['import-products', utf16, ...admin]);
    expect(again.code).toBe(0);
    expect(again.json.value).toMatchObject({ updated: 1, encoding: 'utf-16le', separator: '\t' });
    expect(again.json.value.changes).toEqual([
      {
        line: 2,
        code: 'AZ1',
        name: 'Azúcar rubia',
        fields: [{ field: 'price', from: 280, to: 250 }],
        stock: { from: 48, to: 96, applied: false },
      },
    ]);
    const got = pos(db, ['call', 'products.get', '{"code":"AZ1"}', ...admin]);
    expect(got.json.value).toMatchObject({ name: 'Azúcar rubia', price: 250, stock: 48 });

    const withStock = pos(db, [
      'import-products',
      win,
      '--set-stock',
      '--reason',
      'Inventario anual',
      ...admin,
    ]);
    expect(withStock.code).toBe(0);
    expect(withStock.json.value.changes[0].stock).toEqual({ from: 48, to: 96, applied: true });
    const moves = pos(db, ['call', 'stock.movements', JSON.stringify({ productId: id }), ...admin]);
    expect(moves.json.value[0]).toMatchObject({
      kind: 'ADJUST',
      quantity: 48,
      reason: 'Inventario anual',
      balanceAfter: 96,
    });
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, and exports with the BOM bytes', () => {
    const db = join(dir, 'bad.sqlite');
    pos(db, ['demo', '--days', '1']);
    const sjis = join(dir, 'sjis.csv');
    writeFileSync(
      sjis,
      iconv.encode('codigo,nombre,precio\r\nJ1,日本茶のティーバッグ,4.50\r\n', 'shift_jis'),
    );
    const refused = pos(db, ['import-products', sjis, '--user', 'Rosa', '--pin', '1234']);
    expect(refused.code).toBe(1);
    expect(refused.json.error.details.report.errors[0]).toMatchObject({
      line: 2,
      reason: 'INVALID_ENCODING',
    });
    const out = join(dir, 'export.csv');
    expect(pos(db, ['export-products', out, '--user', 'Rosa', '--pin', '1234']).code).toBe(0);
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
