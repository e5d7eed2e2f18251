/**
 * Migrations are tested the way a till meets them: a database filled at the
 * previous version, reopened by the new one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from './errors';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase, readJournal } from './open';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface JournalFile {
  entries: { idx: number; when: number; tag: string }[];
}

/** A copy of the migrations folder whose journal keeps only the first `keep` entries. */
function migrationsUpTo(keep: number, name = 'migrations'): string {
  const folder = join(dir, name);
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const path = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as JournalFile;
  journal.entries = journal.entries.slice(0, keep);
  writeFileSync(path, JSON.stringify(journal, null, 2));
  return folder;
}

/** Adds a hand-written migration after the real ones. */
function withExtraMigration(tag: string, sql: string): string {
  const folder = migrationsUpTo(Infinity, 'migrations-next');
  const path = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as JournalFile;
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(path, JSON.stringify(journal, null, 2));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

const NOW = '2026-03-06T15:30:00.000Z';

/** A shop's worth of rows at schema version 0000, written with plain SQL. */
function fillVersion0(sqlite: Database.Database): void {
  sqlite.exec(`
    INSERT INTO registers (id, code, name, number, created_at) VALUES (1, 'CAJA1', 'Caja 1', 1, '${NOW}');
    INSERT INTO document_series (register_id, document_type, series, last) VALUES (1, 'BOLETA', 'B001', 1);
    INSERT INTO tax_categories (code, name, kind, rate) VALUES ('IGV', 'Gravado IGV 18%', 'TAXED', 1800);
    INSERT INTO users (id, name, role, pin_hash, created_at, updated_at) VALUES (1, 'Ana', 'admin', 'scrypt$x', '${NOW}', '${NOW}');
    INSERT INTO settings (id, country, business_name, tax_id, currency, locale, time_zone,
      prices_include_tax, rounding_method, rounding_mode, tax_basis, default_document_type,
      current_register_id, created_at, updated_at)
      VALUES (1, 'PE', 'Bodega Don Lucho', '20123456789', 'PEN', 'es-PE', 'America/Lima',
      1, 'line', 'HALF_UP', 'net', 'BOLETA', 1, '${NOW}', '${NOW}');
    INSERT INTO categories (id, name) VALUES (1, 'Bebidas');
    INSERT INTO products (id, code, name, category_id, price, tax_category, stock, created_at, updated_at)
      VALUES (1, 'INC500', 'Inca Kola 500 ml', 1, 250, 'IGV', 23000, '${NOW}', '${NOW}'),
             (2, 'CAF01', 'Café Altomayo 200 g', NULL, 1500, 'IGV', 5000, '${NOW}', '${NOW}');
    INSERT INTO product_barcodes (barcode, product_id) VALUES ('7750885012348', 1);
    INSERT INTO stock_movements (product_id, quantity, kind, balance_after, created_at)
      VALUES (1, 24000, 'INITIAL', 24000, '${NOW}'), (2, 5000, 'INITIAL', 5000, '${NOW}'),
             (1, -1000, 'SALE', 23000, '${NOW}');
    INSERT INTO customers (id, document_type, document_number, name, created_at, updated_at)
      VALUES (1, 'DNI', '45678912', 'Rosa Quispe', '${NOW}', '${NOW}');
    INSERT INTO cash_sessions (id, register_id, status, opening_float, opened_by, opened_at)
      VALUES ('s-1', 1, 'ABIERTA', 10000, 1, '${NOW}');
    INSERT INTO sales (id, register_id, session_id, document_type, series, correlative, number, status,
      customer_id, customer_name, cashier_id, cashier_name, created_at, local_date, local_hour, currency,
      prices_include_tax, rounding_method, gross, line_discount, order_discount, taxable_base, exempt,
      unaffected, tax, fixed_tax, total, paid, change, balance, cost_total, taxes, fixed_taxes)
      VALUES ('sale-1', 1, 's-1', 'BOLETA', 'B001', 1, 'B001-00000001', 'COMPLETADA', 1, 'Rosa Quispe',
      1, 'Ana', '${NOW}', '2026-03-06', 10, 'PEN', 1, 'line', 250, 0, 0, 212, 0, 0, 38, 0, 250, 300, 50,
      0, 0, '[]', '[]');
    INSERT INTO sale_lines (sale_id, line_no, product_id, code, name, sold_by, quantity, unit_price,
      unit_cost, tax_category, tax_kind, tax_rate, gross, line_discount, order_discount, base, tax,
      fixed_tax, total, cost_total, local_date)
      VALUES ('sale-1', 1, 1, 'INC500', 'Inca Kola 500 ml', 'unit', 1000, 250, 0, 'IGV', 'TAXED', 1800,
      250, 0, 0, 212, 38, 0, 250, 0, '2026-03-06');
    INSERT INTO payments (id, sale_id, method, tendered, change, amount, currency, created_at, local_date)
      VALUES ('pay-1', 'sale-1', 'EFECTIVO', 300, 50, 250, 'PEN', '${NOW}', '2026-03-06');
    INSERT INTO sale_taxes (sale_id, rate, base, tax, local_date) VALUES ('sale-1', 1800, 212, 38, '2026-03-06');
    INSERT INTO audit_log (at, user_id, user_name, action, outcome) VALUES ('${NOW}', 1, 'Ana', 'sales.create', 'ok');
    INSERT INTO outbox (event_id, type, aggregate_id, payload, created_at) VALUES ('e-1', 'sale.created', 'sale-1', '{}', '${NOW}');
  `);
}

const TABLES = [
  'registers',
  'document_series',
  'tax_categories',
  'users',
  'settings',
  'categories',
  'products',
  'product_barcodes',
  'stock_movements',
  'customers',
  'cash_sessions',
  'sales',
  'sale_lines',
  'payments',
  'sale_taxes',
  'audit_log',
  'outbox',
];

function dump(sqlite: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(
    TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  );
}

/**
 * Columns later migrations add, with the value an upgraded row gets: the rows
 * are otherwise unchanged. 0005 gave settings the supervisor limits (a null
 * cash-out limit means the currency's default) and the six-digit PIN switch,
 * users their lockout count, and sales the hash of the request that made them.
 */
const ADDED_COLUMNS: Readonly<Record<string, Record<string, unknown>>> = {
  settings: {
    discount_limit: 10,
    cash_out_limit: null,
    documents_folder: '',
    require_six_digit_pins: 0,
    cash_rounding: null,
    payment_method_names: '{}',
    legal_name: '',
    establishment_code: '0000',
    ubigeo: '',
    einvoicing: 0,
  },
  users: { lockouts: 0 },
  sales: { request_hash: null, cash_rounding: 0 },
  sale_returns: { cash_rounding: 0 },
  rollup_sales: { cash_rounding: 0 },
  document_series: { applies_to: '' },
  sync_state: { pull_cursor: null, last_pulled_at: null, pull_resetting: 0 },
};

/** What a dump taken before the upgrade should read after it. */
function upgraded(before: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(before).map(([table, rows]) => [
      table,
      rows.map((row) => ({ ...(row as object), ...ADDED_COLUMNS[table] })),
    ]),
  );
}

function fts(sqlite: Database.Database, query: string): string[] {
  return sqlite
    .prepare(
      'SELECT p.code FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH ? ORDER BY p.code',
    )
    .pluck()
    .all(query) as string[];
}

describe('upgrading a database filled at the previous version', () => {
  it('keeps every row and indexes the existing products for search (0000 → 0001)', () => {
    const file = join(dir, 'till.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(1) });
    expect(
      old.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'products_fts'").get(),
    ).toBeUndefined();
    fillVersion0(old.sqlite);
    const before = dump(old.sqlite);
    old.close();

    const db = openDatabase(file);
    try {
      expect(dump(db.sqlite)).toEqual(upgraded(before));
      expect(before.products).toHaveLength(2);
      expect(before.sales).toHaveLength(1);
      const applied = db.sqlite
        .prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at')
        .pluck()
        .all()
        .map(Number);
      expect(applied).toEqual(readJournal(DEFAULT_MIGRATIONS_FOLDER).map((e) => e.when));

      // 0001 backfilled the index: old products are found, accents folded.
      expect(fts(db.sqlite, '"inca"*')).toEqual(['INC500']);
      expect(fts(db.sqlite, '"cafe"*')).toEqual(['CAF01']);
      expect(fts(db.sqlite, '"INC5"*')).toEqual(['INC500']);
      expect(() =>
        db.sqlite.exec("INSERT INTO products_fts(products_fts) VALUES ('integrity-check')"),
      ).not.toThrow();
      // ...and the triggers keep it in step from now on.
      db.sqlite.prepare("UPDATE products SET name = 'Chicha morada' WHERE code = 'INC500'").run();
      expect(fts(db.sqlite, '"inca"*')).toEqual([]);
      expect(fts(db.sqlite, '"chicha"*')).toEqual(['INC500']);
      expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('reshapes the write-path indexes and keeps every row (0003 → 0004)', () => {
    const file = join(dir, 'till.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(4) });
    fillVersion0(old.sqlite);
    old.sqlite.prepare("UPDATE products SET min_stock = 6000 WHERE code = 'CAF01'").run();
    const before = dump(old.sqlite);
    old.close();

    const db = openDatabase(file);
    try {
      expect(dump(db.sqlite)).toEqual(upgraded(before));
      const plan = (query: string) =>
        (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
          .map((row) => row.detail)
          .join('; ');
      const lowStock =
        'SELECT code FROM products WHERE track_stock = 1 AND stock <= min_stock ORDER BY name';
      expect(db.sqlite.prepare(lowStock).pluck().all()).toEqual(['CAF01']);
      expect(plan(lowStock)).toContain('products_low_stock');
      const prefix =
        "SELECT code FROM products WHERE name >= 'inca' COLLATE NOCASE AND name < 'incb' COLLATE NOCASE";
      expect(db.sqlite.prepare(prefix).pluck().all()).toEqual(['INC500']);
      expect(plan(prefix)).toContain('products_name_nocase');
      const day =
        "SELECT SUM(total) FROM sale_lines WHERE voided = 0 AND local_date = '2026-03-06'";
      expect(db.sqlite.prepare(day).pluck().get()).toBe(250);
      expect(plan(day)).toContain('COVERING INDEX sale_lines_report_by_date');
      expect(
        db.sqlite
          .prepare("SELECT 1 FROM sqlite_master WHERE name = 'sale_lines_report_by_product'")
          .get(),
      ).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('keeps every sale and leaves their request hash empty (0004 → 0005)', () => {
    const file = join(dir, 'till.sqlite');
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(5) });
    fillVersion0(old.sqlite);
    const before = dump(old.sqlite);
    old.close();

    const db = openDatabase(file);
    try {
      expect(dump(db.sqlite)).toEqual(upgraded(before));
      // Sales made before hashes were kept cannot be compared: a replay of one
      // is answered with the stored sale, as it always was.
      expect(db.sqlite.prepare('SELECT id, request_hash FROM sales').all()).toEqual([
        { id: 'sale-1', request_hash: null },
      ]);
    } finally {
      db.close();
    }
  });

  it('rebuilds a referenced table with foreign keys off, so no row is cascaded away', () => {
    const file = join(dir, 'till.sqlite');
    const current = openDatabase(file);
    fillVersion0(current.sqlite);
    current.close();

    // A drizzle-kit style rebuild of products (product_barcodes cascades on delete).
    // Dropping products drops its search triggers too, so the migration restores them.
    const schema = readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, '0000_initial.sql'), 'utf8');
    const create = /CREATE TABLE `products` \([\s\S]*?\n\);/.exec(schema)![0];
    const search = readFileSync(
      join(DEFAULT_MIGRATIONS_FOLDER, '0001_products_search.sql'),
      'utf8',
    );
    const triggers = search
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('CREATE TRIGGER'));
    const next = withExtraMigration(
      '0002_rebuild_products',
      [
        create.replace('CREATE TABLE `products`', 'CREATE TABLE `__new_products`'),
        'INSERT INTO `__new_products` SELECT * FROM `products`;',
        'DROP TABLE `products`;',
        'ALTER TABLE `__new_products` RENAME TO `products`;',
        'CREATE UNIQUE INDEX `products_code_unique` ON `products` (`code`);',
        ...triggers,
      ].join('\n--> statement-breakpoint\n'),
    );
    const db = openDatabase(file, { migrationsFolder: next });
    try {
      expect(db.sqlite.prepare('SELECT barcode FROM product_barcodes').pluck().all()).toEqual([
        '7750885012348',
      ]);
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM products').pluck().get()).toBe(2);
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(
        readJournal(DEFAULT_MIGRATIONS_FOLDER).length + 1,
      );
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM stock_movements').pluck().get()).toBe(3);
      expect(fts(db.sqlite, '"inca"*')).toEqual(['INC500']);
    } finally {
      db.close();
    }
  });

  it('rolls back a migration that fails halfway and says MIGRATION_FAILED', () => {
    const file = join(dir, 'till.sqlite');
    const current = openDatabase(file);
    fillVersion0(current.sqlite);
    const before = dump(current.sqlite);
    current.close();

    const broken = withExtraMigration(
      '0002_broken',
      `ALTER TABLE products ADD COLUMN brand text DEFAULT '' NOT NULL;
--> statement-breakpoint
UPDATE products SET brand = 'x';
--> statement-breakpoint
THIS IS NOT SQL;`,
    );
    expect(() => openDatabase(file, { migrationsFolder: broken })).toThrow(
      expect.objectContaining({ kind: 'MIGRATION_FAILED' }),
    );
    const db = openDatabase(file);
    try {
      expect(dump(db.sqlite)).toEqual(upgraded(before));
      const columns = db.sqlite
        .prepare("SELECT name FROM pragma_table_info('products')")
        .pluck()
        .all();
      expect(columns).not.toContain('brand');
    } finally {
      db.close();
    }
  });

  it('rolls back an upgrade that would leave broken references', () => {
    const file = join(dir, 'till.sqlite');
    const current = openDatabase(file);
    fillVersion0(current.sqlite);
    current.close();

    const orphaning = withExtraMigration('0002_orphans', 'DELETE FROM categories WHERE id = 1;');
    let error: unknown;
    try {
      openDatabase(file, { migrationsFolder: orphaning });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).kind).toBe('MIGRATION_FAILED');
    expect((error as DatabaseOpenError).message).toMatch(/broken references/);

    // Nothing of it stayed: the category is there and the next open tries again.
    const db = openDatabase(file);
    try {
      expect(db.sqlite.prepare('SELECT name FROM categories').pluck().all()).toEqual(['Bebidas']);
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(
        readJournal(DEFAULT_MIGRATIONS_FOLDER).length,
      );
    } finally {
      db.close();
    }
    expect(() => openDatabase(file, { migrationsFolder: orphaning })).toThrow(DatabaseOpenError);
  });
});
