/**
 * `pos import-products` as a user runs it, in child processes on real files:
 * the all-or-nothing refusal names --skip-invalid, and an import killed
 * between chunks is completed by running it again, leaving the catalog a
 * clean import would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ANA, INIT_BODEGA_ANA, runPos } from './testing/cli-run';

let dir: string;

const admin = ADMIN_ANA;
const env = { ...process.env, TENDERO_DB: '', TENDERO_USER: '', TENDERO_PIN: '' };
const cli = (args: string[], db: string) => [
  '--import',
  'tsx',
  'electron/cli.ts',
  ...args,
  '--db',
  db,
];

const pos = (db: string, args: readonly string[]) => runPos([...args, '--db', db]);

function init(name: string): string {
  const db = join(dir, name);
  expect(pos(db, INIT_BODEGA_ANA).code).toBe(0);
  return db;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-cli-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pos import-products', { timeout: 240_000 }, () => {
  it('names --skip-invalid when one bad row stops the import, and imports the rest with it', () => {
    const db = init('skip.sqlite');
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'codigo,nombre,precio\nA1,Arroz,4.50\nA2,Azúcar,abc\nA3,Sal,1.00\n');
    const refused = pos(db, ['import-products', csv, ...admin]);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'IMPORT_HAS_ERRORS' },
    });
    expect(refused.json.error.message).toContain('--skip-invalid');
    expect(refused.json.error.message).toMatch(/^1 rows have errors; nothing was imported/);

    const skipped = pos(db, ['import-products', csv, '--skip-invalid', ...admin]);
    expect(skipped.code).toBe(0);
    expect(skipped.json.value).toMatchObject({ created: 2, skipped: 1 });

    // Wrong columns: skipping rows would not help, so it is not offered.
    const columns = join(dir, 'columns.csv');
    writeFileSync(columns, 'codigo;nombre\nA1;Arroz\n');
    const wrong = pos(db, ['import-products', columns, ...admin]);
    expect(wrong.code).toBe(1);
    expect(wrong.json.error.message).not.toContain('--skip-invalid');
  });

  it('completes an import killed between chunks when run again, as one clean import would', async () => {
    const ROWS = 4000;
    const lines = ['codigo,nombre,precio,categoria,stock,codigos_barras'];
    for (let i = 1; i <= ROWS; i++) {
      lines.push(
        `K${i},Producto ${i},${(i % 90) + 1}.25,Categoría ${i % 7},${i % 13},21${String(i).padStart(11, '0')}`,
      );
    }
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const killed = init('killed.sqlite');
    const clean = init('clean.sqlite');

    // Kill the import with SIGKILL once it has written some chunks.
    const written = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, cli(['import-products', csv, ...admin], killed), {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      let done = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const last = [...err.matchAll(/products\.import: (\d+)\/(\d+) rows written/g)].at(-1);
        done = last ? Number(last[1]) : 0;
        if (done >= 1000) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve(done) : reject(new Error(`import ended first: ${err}`)),
      );
    });
    const count = (file: string) => {
      const sqlite = new Database(file, { readonly: true });
      try {
        return (sqlite.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
      } finally {
        sqlite.close();
      }
    };
    const partial = count(killed);
    expect(partial).toBeGreaterThanOrEqual(written);
    expect(partial).toBeLessThan(ROWS);

    const again = pos(killed, ['import-products', csv, ...admin]);
    expect(again.code).toBe(0);
    expect(again.json.value).toMatchObject({
      rows: ROWS,
      created: ROWS - partial,
      // The rows the killed run had saved are already as the file says.
      updated: 0,
      unchanged: partial,
      errors: [],
    });
    expect(pos(clean, ['import-products', csv, ...admin]).json.value).toMatchObject({
      created: ROWS,
    });

    const catalog = (file: string) => {
      const sqlite = new Database(file, { readonly: true });
      try {
        return {
          products: sqlite
            .prepare(
              `SELECT p.code, p.name, p.price, p.cost, p.stock, p.sold_by, p.tax_category,
                      c.name AS category, p.min_stock, p.track_stock, p.active, p.allow_negative,
                      (SELECT group_concat(barcode, '|') FROM
                        (SELECT barcode FROM product_barcodes WHERE product_id = p.id ORDER BY barcode)) AS barcodes
               FROM products p LEFT JOIN categories c ON c.id = p.category_id ORDER BY p.code`,
            )
            .all(),
          categories: sqlite.prepare('SELECT name, active FROM categories ORDER BY name').all(),
          movements: sqlite
            .prepare(
              `SELECT p.code, m.kind, m.quantity, m.balance_after FROM stock_movements m
               JOIN products p ON p.id = m.product_id ORDER BY p.code, m.id`,
            )
            .all(),
          ledgerMismatches: sqlite
            .prepare(
              'SELECT code FROM products p WHERE stock <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = p.id)',
            )
            .all(),
          integrity: sqlite.pragma('integrity_check', { simple: true }),
        };
      } finally {
        sqlite.close();
      }
    };
    const completed = catalog(killed);
    expect(completed.products).toHaveLength(ROWS);
    expect(completed.ledgerMismatches).toEqual([]);
    expect(completed.integrity).toBe('ok');
    expect(completed).toEqual(catalog(clean));
  });
});
