import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actingAs,
  auditRows,
  countRows,
  customer,
  openSession,
  product,
  sell,
  stockOf,
  user,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let productId: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  await user(till, 'Sergio', 'supervisor', '2222');
  await user(till, 'Pedro', 'cashier', '3333');
  productId = (await product(till, { code: 'P', price: 1000, stock: 10 })).id;
  await openSession(till);
});
afterEach(() => till.close());

function overridden(extra: Record<string, unknown> = {}) {
  return {
    id: till.uuid(),
    lines: [{ productId, quantity: 2, unitPrice: 800 }],
    payments: [{ method: 'EFECTIVO', amount: 1600 }],
    ...extra,
  };
}

describe('price overrides', () => {
  it('are allowed to admins and supervisors and marked on the line', async () => {
    const byAdmin = await till.call('sales.create', overridden() as never);
    expect(byAdmin.lines[0]).toMatchObject({ unitPrice: 800, priceOverridden: true, total: 1600 });
    const bySupervisor = await actingAs(till, 'Sergio', '2222', () =>
      till.call('sales.create', overridden() as never),
    );
    expect(bySupervisor).toMatchObject({ total: 1600, cashier: { name: 'Sergio' } });
  });

  it('refuse a cashier with FORBIDDEN, audited as denied, and write nothing', async () => {
    const error = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.create', overridden()),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'PRICE_OVERRIDE', path: ['lines', 0, 'unitPrice'] },
    });
    expect(countRows(till, 'sales')).toBe(0);
    expect(await stockOf(till, productId)).toBe(10);
    const denied = auditRows(till, 'sales.create');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ outcome: 'denied', user_name: 'Carla' });
    expect(denied[0]!.after).toMatchObject({ reason: 'PRICE_OVERRIDE' });
  });

  it('do not count as an override when the price equals the product price', async () => {
    const sale = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.create', {
        id: till.uuid(),
        lines: [{ productId, unitPrice: 1000 }],
        payments: [{ method: 'EFECTIVO', amount: 1000 }],
      }),
    );
    expect(sale.lines[0]!.priceOverridden).toBe(false);
  });

  it('are allowed to cashiers when the store says so', async () => {
    await till.call('settings.update', { cashierPriceOverride: true });
    const sale = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.create', overridden() as never),
    );
    expect(sale.lines[0]).toMatchObject({ unitPrice: 800, priceOverridden: true });
  });

  it("are allowed to a cashier authorized with a supervisor's PIN, recorded in the audit", async () => {
    const sale = await actingAs(till, 'Carla', '1111', () =>
      till.call(
        'sales.create',
        overridden({ authorizedBy: { name: 'Sergio', pin: '2222' } }) as never,
      ),
    );
    expect(sale).toMatchObject({ total: 1600, cashier: { name: 'Carla' } });
    const rows = auditRows(till, 'sales.create');
    expect(rows.at(-1)).toMatchObject({ outcome: 'ok', user_name: 'Carla' });
    expect(rows.at(-1)!.after).toMatchObject({ authorizedBy: 'Sergio' });
  });

  it('refuse a wrong authorizing PIN or an authorizer who is only a cashier', async () => {
    const wrong = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.create', overridden({ authorizedBy: { name: 'Sergio', pin: '9999' } })),
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'BAD_AUTHORIZATION' } });
    const cashier = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.create', overridden({ authorizedBy: { name: 'Pedro', pin: '3333' } })),
    );
    expect(cashier).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'AUTHORIZER_ROLE' } });
    expect(countRows(till, 'sales')).toBe(0);
    // The wrong PIN counts against Sergio like a failed login.
    expect(
      till.db.sqlite.prepare("SELECT failed_logins AS n FROM users WHERE name = 'Sergio'").get(),
    ).toEqual({ n: 1 });
  });
});

describe('document types', () => {
  it('issues a PE factura only to a customer with a RUC', async () => {
    const dni = await customer(till, {
      name: 'Persona',
      documentType: 'DNI',
      documentNumber: '12345678',
    });
    const noDoc = await till.fail('sales.create', {
      id: till.uuid(),
      documentType: 'FACTURA',
      lines: [{ productId }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
      customerName: 'Sin RUC',
    });
    expect(noDoc).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'CUSTOMER_DOCUMENT_REQUIRED', required: ['RUC'] },
    });
    const withDni = await till.fail('sales.create', {
      id: till.uuid(),
      documentType: 'FACTURA',
      lines: [{ productId }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
      customerId: dni.id,
    });
    expect(withDni.details).toMatchObject({ reason: 'CUSTOMER_DOCUMENT_REQUIRED' });
    expect(countRows(till, 'sales')).toBe(0);

    const company = await customer(till, {
      name: 'Bodega SAC',
      documentType: 'RUC',
      documentNumber: '20100070970',
    });
    const invoice = await sell(till, [{ productId }], {
      documentType: 'FACTURA',
      customerId: company.id,
    });
    expect(invoice).toMatchObject({
      documentType: 'FACTURA',
      number: 'F001-00000001',
      series: 'F001',
    });
    // The boleta series is untouched.
    const boleta = await sell(till, [{ productId }]);
    expect(boleta.number).toBe('B001-00000001');
  });

  it('refuses selling a credit note', async () => {
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      documentType: 'NOTA_CREDITO',
      lines: [{ productId }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'INVALID_DOCUMENT_TYPE' },
    });
  });
});
