import { afterEach, describe, expect, it } from 'vitest';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  auditLog,
  cashSessions,
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
    const p = await product(till, { code: 'A', price: 1180, stock: 5, soldBy: 'weight' });
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
      products,
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
