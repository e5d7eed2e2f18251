import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { csvFile } from '../../testing/csv-file';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function count(table: string, where = '1 = 1', ...params: unknown[]): number {
  return (
    till.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as {
      n: number;
    }
  ).n;
}

function ledger(productId: number) {
  return till.db.sqlite
    .prepare(
      'SELECT kind, quantity, balance_after AS balanceAfter FROM stock_movements WHERE product_id = ? ORDER BY id',
    )
    .all(productId) as { kind: string; quantity: number; balanceAfter: number }[];
}

function storedStock(productId: number): { stock: number; sum: number } {
  return till.db.sqlite
    .prepare(
      `SELECT p.stock AS stock, (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = p.id) AS sum
       FROM products p WHERE p.id = ?`,
    )
    .get(productId) as { stock: number; sum: number };
}

describe('products.create', () => {
  it('fills the defaults and stores the row', async () => {
    const created = await till.call('products.create', {
      code: 'ARZ01',
      name: '  Arroz Costeño 1 kg ',
      price: 450,
    });
    expect(created).toMatchObject({
      code: 'ARZ01',
      name: 'Arroz Costeño 1 kg',
      categoryId: null,
      categoryName: null,
      soldBy: 'unit',
      price: 450,
      cost: 0,
      taxCategory: 'IGV',
      trackStock: true,
      allowNegative: false,
      stock: 0,
      minStock: 0,
      active: true,
      barcodes: [],
      createdAt: '2026-03-06T15:30:00.000Z',
    });
    const row = till.db.sqlite.prepare('SELECT * FROM products WHERE id = ?').get(created.id);
    expect(row).toMatchObject({ code: 'ARZ01', price: 450, tax_category: 'IGV', stock: 0 });
    expect(count('stock_movements')).toBe(0);
    expect(
      count('audit_log', "action = 'products.create' AND entity_id = ?", String(created.id)),
    ).toBe(1);
    expect(
      count('outbox', "type = 'product.upserted' AND aggregate_id = ?", String(created.id)),
    ).toBe(1);
  });

  it('keeps barcodes, category, weight and minimum stock', async () => {
    const category = await till.call('categories.create', { name: 'Abarrotes' });
    const created = await till.call('products.create', {
      code: 'QSO01',
      name: 'Queso fresco',
      price: 2800,
      cost: 2000,
      soldBy: 'weight',
      categoryId: category.id,
      minStock: 1.5,
      taxCategory: 'EXONERADO',
      barcodes: ['7750885012348', '7501234567893', '7750885012348'],
    });
    expect(created).toMatchObject({
      soldBy: 'weight',
      categoryName: 'Abarrotes',
      minStock: 1.5,
      taxCategory: 'EXONERADO',
      barcodes: ['7501234567893', '7750885012348'],
    });
    expect(
      till.db.sqlite.prepare('SELECT min_stock FROM products WHERE id = ?').pluck().get(created.id),
    ).toBe(1500);
    expect(count('product_barcodes', 'product_id = ?', created.id)).toBe(2);
  });

  it('refuses a code that exists with CONFLICT', async () => {
    await product(till, { code: 'A1', price: 100 });
    const error = await till.fail('products.create', { code: 'A1', name: 'Otro', price: 200 });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'DUPLICATE_CODE' });
    expect(count('products')).toBe(1);
  });

  it('refuses a barcode another product owns with BARCODE_TAKEN, writing nothing', async () => {
    await product(till, { code: 'A1', price: 100, barcodes: ['7750885012348'] });
    const error = await till.fail('products.create', {
      code: 'A2',
      name: 'Otro',
      price: 200,
      barcodes: ['7750885012348'],
      initialStock: 5,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({
      reason: 'BARCODE_TAKEN',
      barcode: '7750885012348',
      productCode: 'A1',
    });
    expect(count('products')).toBe(1);
    expect(count('stock_movements')).toBe(0);
  });

  it('refuses a 13-digit barcode with a bad check digit', async () => {
    const error = await till.fail('products.create', {
      code: 'A1',
      name: 'Leche',
      price: 100,
      barcodes: ['7750885012341'],
    });
    expect(error.code).toBe('BAD_CHECK_DIGIT');
    expect(error.details).toMatchObject({ code: '7750885012341', expected: 8 });
    expect(count('products')).toBe(0);
  });

  it('accepts in-store 13-digit codes starting with 2 and short internal codes', async () => {
    const created = await product(till, {
      code: 'A1',
      price: 100,
      barcodes: ['2000000000011', 'PAN-FRANCES'],
    });
    expect(created.barcodes).toEqual(['2000000000011', 'PAN-FRANCES']);
  });

  it('refuses an unknown tax category with VALIDATION', async () => {
    const error = await till.fail('products.create', {
      code: 'A1',
      name: 'Leche',
      price: 100,
      taxCategory: 'IVA19',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ reason: 'UNKNOWN_TAX_CATEGORY', path: ['taxCategory'] });
    expect(count('products')).toBe(0);
  });

  it('refuses an unknown category and bad input shapes with VALIDATION', async () => {
    const unknown = await till.fail('products.create', {
      code: 'A1',
      name: 'Leche',
      price: 100,
      categoryId: 999,
    });
    expect(unknown).toMatchObject({ code: 'VALIDATION', details: { reason: 'UNKNOWN_CATEGORY' } });
    for (const bad of [
      { code: 'A 1', name: 'x', price: 1 },
      { code: 'A1', name: '', price: 1 },
      { code: 'A1', name: 'x', price: 1.5 },
      { code: 'A1', name: 'x', price: -1 },
      { code: 'A1', name: 'x', price: 1, initialStock: 0.0001 },
      { code: 'A1', name: 'x', price: 1, stock: 3 },
    ]) {
      expect((await till.fail('products.create', bad)).code).toBe('VALIDATION');
    }
    expect(count('products')).toBe(0);
  });

  it('records the initial stock as an INITIAL movement that matches products.stock', async () => {
    const created = await product(till, { code: 'A1', price: 100, stock: 12.5, soldBy: 'weight' });
    expect(created.stock).toBe(12.5);
    expect(ledger(created.id)).toEqual([{ kind: 'INITIAL', quantity: 12500, balanceAfter: 12500 }]);
    expect(storedStock(created.id)).toEqual({ stock: 12500, sum: 12500 });
    const zero = await product(till, { code: 'A2', price: 100, stock: 0 });
    expect(ledger(zero.id)).toEqual([]);
  });
});

describe('products.update', () => {
  it('changes only the given fields and audits before and after', async () => {
    const created = await product(till, { code: 'A1', name: 'Leche', price: 100, stock: 3 });
    till.clock.advance(60_000);
    const updated = await till.call('products.update', {
      id: created.id,
      price: 120,
      active: false,
    });
    expect(updated).toMatchObject({
      code: 'A1',
      name: 'Leche',
      price: 120,
      active: false,
      stock: 3,
      createdAt: created.createdAt,
      updatedAt: '2026-03-06T15:31:00.000Z',
    });
    const audit = till.db.sqlite
      .prepare("SELECT before, after FROM audit_log WHERE action = 'products.update'")
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ price: 100, active: true });
    expect(JSON.parse(audit.after)).toMatchObject({ price: 120, active: false });
  });

  it('replaces the barcodes when given, keeps them when not', async () => {
    const created = await product(till, {
      code: 'A1',
      price: 100,
      barcodes: ['7750885012348', '7501234567893'],
    });
    const renamed = await till.call('products.update', { id: created.id, name: 'Leche Gloria' });
    expect(renamed.barcodes).toEqual(['7501234567893', '7750885012348']);
    const replaced = await till.call('products.update', {
      id: created.id,
      barcodes: ['7750000000014'],
    });
    expect(replaced.barcodes).toEqual(['7750000000014']);
    expect(
      till.db.sqlite.prepare('SELECT barcode FROM product_barcodes ORDER BY barcode').pluck().all(),
    ).toEqual(['7750000000014']);
    // The freed barcode can now go to another product.
    const other = await product(till, { code: 'A2', price: 100, barcodes: ['7750885012348'] });
    expect(other.barcodes).toEqual(['7750885012348']);
    const cleared = await till.call('products.update', { id: created.id, barcodes: [] });
    expect(cleared.barcodes).toEqual([]);
  });

  it('refuses a barcode or code owned by another product and changes nothing', async () => {
    await product(till, { code: 'A1', price: 100, barcodes: ['7750885012348'] });
    const b = await product(till, { code: 'B1', price: 100, barcodes: ['7501234567893'] });
    const taken = await till.fail('products.update', {
      id: b.id,
      price: 999,
      barcodes: ['7750885012348'],
    });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { reason: 'BARCODE_TAKEN' } });
    const code = await till.fail('products.update', { id: b.id, code: 'A1' });
    expect(code).toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_CODE' } });
    const after = await till.call('products.get', { id: b.id });
    expect(after).toMatchObject({ code: 'B1', price: 100, barcodes: ['7501234567893'] });
  });

  it('refuses a bad tax category and an unknown product', async () => {
    const created = await product(till, { code: 'A1', price: 100 });
    const tax = await till.fail('products.update', { id: created.id, taxCategory: 'NOPE' });
    expect(tax).toMatchObject({ code: 'VALIDATION', details: { reason: 'UNKNOWN_TAX_CATEGORY' } });
    expect((await till.fail('products.update', { id: 9999, price: 1 })).code).toBe('NOT_FOUND');
    expect((await till.fail('products.update', { id: created.id, stock: 5 })).code).toBe(
      'VALIDATION',
    );
  });
});

describe('products.get and products.list', () => {
  it('gets by id and by code; unknown ones are NOT_FOUND', async () => {
    const created = await product(till, { code: 'A1', price: 100, barcodes: ['7750885012348'] });
    expect(await till.call('products.get', { id: created.id })).toEqual(created);
    expect(await till.call('products.get', { code: 'A1' })).toEqual(created);
    expect((await till.fail('products.get', { id: 77 })).code).toBe('NOT_FOUND');
    expect((await till.fail('products.get', { code: 'ZZ' })).code).toBe('NOT_FOUND');
  });

  it('lists in Spanish alphabetical order, not byte order, across pages', async () => {
    for (const [code, name] of [
      ['L1', 'Limpiatodo'],
      ['L2', 'Lácteo Gloria'],
      ['A1', 'azúcar rubia'],
      ['N1', 'Ñoquis'],
      ['N2', 'Nabo'],
      ['A2', 'Aceite'],
    ] as const)
      await product(till, { code, name, price: 1 });
    const first = await till.call('products.list', { pageSize: 3 });
    const second = await till.call('products.list', { page: 2, pageSize: 3 });
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual([
      'Aceite',
      'azúcar rubia',
      'Lácteo Gloria',
      'Limpiatodo',
      'Nabo',
      'Ñoquis',
    ]);
    expect(first.total).toBe(6);
  });

  it('lists by name, pages, filters by category, low stock and inactive', async () => {
    const drinks = await till.call('categories.create', { name: 'Bebidas' });
    await product(till, { code: 'C', name: 'Chicha', price: 1, categoryId: drinks.id, stock: 10 });
    await product(till, { code: 'A', name: 'Agua', price: 1, categoryId: drinks.id, minStock: 5 });
    await product(till, { code: 'B', name: 'Bizcocho', price: 1, stock: 2, minStock: 3 });
    const off = await product(till, { code: 'D', name: 'Durazno', price: 1, active: false });

    const all = await till.call('products.list', {});
    expect(all.items.map((p) => p.code)).toEqual(['A', 'B', 'C']);
    expect(all.total).toBe(3);

    const page2 = await till.call('products.list', { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((p) => p.code)).toEqual(['C']);

    const inCategory = await till.call('products.list', { categoryId: drinks.id });
    expect(inCategory.items.map((p) => [p.code, p.categoryName])).toEqual([
      ['A', 'Bebidas'],
      ['C', 'Bebidas'],
    ]);

    const low = await till.call('products.list', { lowStock: true });
    expect(low.items.map((p) => p.code)).toEqual(['A', 'B']);

    const withInactive = await till.call('products.list', { includeInactive: true });
    expect(withInactive.items.map((p) => p.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(withInactive.items.find((p) => p.id === off.id)?.active).toBe(false);
  });
});

describe('who may change the catalog', () => {
  it('refuses a cashier with FORBIDDEN and writes the refusal to the audit log', async () => {
    const created = await product(till, { code: 'A1', price: 100 });
    await till.call('users.create', { name: 'Caro', role: 'cashier', pin: '5678' });
    await till.as('Caro', '5678');

    const create = await till.fail('products.create', { code: 'A2', name: 'x', price: 1 });
    expect(create).toMatchObject({ code: 'FORBIDDEN', details: { required: 'supervisor' } });
    const update = await till.fail('products.update', { id: created.id, price: 1 });
    expect(update.code).toBe('FORBIDDEN');
    expect(
      (await till.fail('products.import', { file: csvFile('codigo,nombre,precio') })).code,
    ).toBe('FORBIDDEN');
    expect((await till.fail('products.export', {})).code).toBe('FORBIDDEN');

    expect(count('products')).toBe(1);
    expect((await till.call('products.get', { id: created.id })).price).toBe(100);
    const denied = till.db.sqlite
      .prepare(
        "SELECT action, user_name AS userName, outcome FROM audit_log WHERE outcome = 'denied' ORDER BY id",
      )
      .all();
    expect(denied).toEqual([
      { action: 'products.create', userName: 'Caro', outcome: 'denied' },
      { action: 'products.update', userName: 'Caro', outcome: 'denied' },
      { action: 'products.import', userName: 'Caro', outcome: 'denied' },
      { action: 'products.export', userName: 'Caro', outcome: 'denied' },
    ]);
    // A cashier still reads the catalog.
    expect((await till.call('products.get', { code: 'A1' })).id).toBe(created.id);
  });

  it('lets a supervisor create and update', async () => {
    await till.call('users.create', { name: 'Sofi', role: 'supervisor', pin: '2468' });
    await till.as('Sofi', '2468');
    const created = await product(till, { code: 'A1', price: 100 });
    const updated = await till.call('products.update', { id: created.id, price: 150 });
    expect(updated.price).toBe(150);
    const audit = till.db.sqlite
      .prepare("SELECT user_name FROM audit_log WHERE action = 'products.update'")
      .pluck()
      .get();
    expect(audit).toBe('Sofi');
  });
});
