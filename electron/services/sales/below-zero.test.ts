import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actingAs,
  auditRows,
  countRows,
  ledgerMismatches,
  openSession,
  product,
  stockOf,
  user,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let cheese: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  await user(till, 'Sergio', 'supervisor', '2222');
  cheese = (await product(till, { code: 'QUESO', name: 'Queso', price: 1000, stock: 2 })).id;
  await till.call('settings.update', { negativeStock: 'supervisor' });
  await openSession(till);
});
afterEach(() => till.close());

function shortSale(extra: Record<string, unknown> = {}) {
  return {
    id: till.uuid(),
    lines: [{ productId: cheese, quantity: 5 }],
    payments: [{ method: 'EFECTIVO', amount: 5000 }],
    ...extra,
  };
}

const SHORT = { productId: 0, code: 'QUESO', name: 'Queso', requested: 5, available: 2 };

describe("negative stock policy 'supervisor'", () => {
  it('refuses a cashier with FORBIDDEN STOCK_BELOW_ZERO naming what is short, and writes nothing', async () => {
    const error = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.create', shortSale()),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'STOCK_BELOW_ZERO', items: [{ ...SHORT, productId: cheese }] },
    });
    expect(countRows(till, 'sales')).toBe(0);
    expect(await stockOf(till, cheese)).toBe(2);
  });

  it("sells below zero with a supervisor's PIN, and the audit names what went below zero", async () => {
    const sale = await actingAs(till, 'Carla', '1111', () =>
      till.call(
        'sales.create',
        shortSale({ authorizedBy: { name: 'Sergio', pin: '2222' } }) as never,
      ),
    );
    expect(sale.total).toBe(5000);
    expect(await stockOf(till, cheese)).toBe(-3);
    expect(ledgerMismatches(till)).toEqual([]);
    const row = auditRows(till, 'sales.create').at(-1)!;
    expect(row.outcome).toBe('ok');
    expect(row.after).toMatchObject({
      authorizedBy: 'Sergio',
      belowZero: [{ ...SHORT, productId: cheese }],
    });
  });

  it('a supervisor at the till sells below zero on their own authority, audited', async () => {
    await actingAs(till, 'Sergio', '2222', () => till.call('sales.create', shortSale() as never));
    expect(await stockOf(till, cheese)).toBe(-3);
    expect(auditRows(till, 'sales.create').at(-1)!.after).toMatchObject({
      belowZero: [{ productId: cheese, requested: 5, available: 2 }],
    });
  });

  it('a sale within stock carries no belowZero in its audit', async () => {
    await actingAs(till, 'Carla', '1111', () =>
      till.call(
        'sales.create',
        shortSale({ lines: [{ productId: cheese, quantity: 1 }] }) as never,
      ),
    );
    expect(auditRows(till, 'sales.create').at(-1)!.after).not.toHaveProperty('belowZero');
  });

  it("'block' still refuses with INSUFFICIENT_STOCK, even with a supervisor's PIN", async () => {
    await till.call('settings.update', { negativeStock: 'block' });
    const error = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.create', shortSale({ authorizedBy: { name: 'Sergio', pin: '2222' } })),
    );
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(await stockOf(till, cheese)).toBe(2);
  });

  it('applies to sales.update too: refused for the cashier, allowed and audited with a PIN', async () => {
    const sale = await actingAs(till, 'Carla', '1111', () =>
      till.call(
        'sales.create',
        // A nota de venta: a cashier may still correct its payments (a boleta needs a credit note).
        shortSale({ lines: [{ productId: cheese, quantity: 1 }], documentType: 'TICKET' }) as never,
      ),
    );
    const edit = {
      id: sale.id,
      reason: 'Llevó más queso',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 4 }],
      payments: [{ method: 'EFECTIVO', amount: 4000 }],
    };
    const error = await actingAs(till, 'Carla', '1111', () => till.fail('sales.update', edit));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      details: {
        reason: 'STOCK_BELOW_ZERO',
        items: [{ productId: cheese, requested: 3, available: 1 }],
      },
    });
    expect(await stockOf(till, cheese)).toBe(1);

    const edited = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.update', {
        ...edit,
        authorizedBy: { name: 'Sergio', pin: '2222' },
      } as never),
    );
    expect(edited.total).toBe(4000);
    expect(await stockOf(till, cheese)).toBe(-2);
    expect(auditRows(till, 'sales.update').at(-1)!.after).toMatchObject({
      authorizedBy: 'Sergio',
      belowZero: [{ productId: cheese, requested: 3, available: 1 }],
    });
    expect(ledgerMismatches(till)).toEqual([]);
  });
});
