import { afterEach, describe, expect, it } from 'vitest';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  auditLog,
  cashSessions,
  categories,
  productBarcodes,
  payments,
  products,
  registers,
  saleLines,
  sales,
  settings,
  stockMovements,
  taxCategories,
} from '../../db/schema';
import { customer, openSession, product } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { insertRow, selectRows } from './sql';

let till: Till | undefined;
afterEach(() => till?.close());

describe('selectRows', () => {
  it('reads every table as drizzle does: same keys, values and booleans', async () => {
    till = await setUpTill('PE');
    const drinks = await till.call('categories.create', { name: 'Bebidas' });
    const p = await product(till, {
      code: 'A',
      price: 1180,
      stock: 5,
      soldBy: 'weight',
      categoryId: drinks.id,
      barcodes: ['7750000000014', '7750000000021'],
    });
    await product(till, { code: 'S', price: 500, trackStock: false, active: false });
    const rosa = await customer(till, {
      name: 'Rosa',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    await openSession(till);
    await till.call('sales.create', {
      id: till.uuid(),
      customerId: rosa.id,
      lines: [{ productId: p.id, quantity: 1.5, unitPrice: 1000 }],
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    const ctx = { db: till.db };
    const tables: SQLiteTable[] = [
      settings,
      registers,
      taxCategories,
      categories,
      products,
      productBarcodes,
      cashSessions,
      sales,
      saleLines,
      payments,
      stockMovements,
      auditLog,
    ];
    for (const table of tables) {
      const expected = till.db.orm.select().from(table).all();
      expect(expected.length).toBeGreaterThan(0);
      expect(selectRows(ctx, table).all()).toStrictEqual(expected);
    }
    expect(selectRows(ctx, products, 'id = ?').get(p.id)).toStrictEqual(
      till.db.orm.select().from(products).all()[0],
    );
    expect(selectRows(ctx, products, 'id = ?').get(999)).toBeUndefined();
    // The scan path's lookup: a barcode to its product, through a subquery.
    const byBarcode = selectRows(
      ctx,
      products,
      'id = (SELECT product_id FROM product_barcodes WHERE barcode = ?)',
    );
    expect(byBarcode.get('7750000000021')?.id).toBe(p.id);
    expect(byBarcode.get('7750000000038')).toBeUndefined();
  });

  it('insertRow returns the new rowid and leaves undefined keys to their defaults', async () => {
    till = await setUpTill('PE');
    const ctx = { db: till.db };
    const id = insertRow(ctx, auditLog, {
      at: '2026-01-01T00:00:00.000Z',
      action: 'x',
      outcome: 'ok',
    });
    expect(selectRows(ctx, auditLog, 'id = ?').get(id)).toMatchObject({
      action: 'x',
      userName: '',
      entityId: '',
      before: null,
    });
  });
});
