import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows, customer, openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function count(table: string): number {
  return countRows(till, table);
}

describe('sales.create', () => {
  it('sells reference 001 with totals from the tax engine, numbered B001-00000001', async () => {
    const mouse = await product(till, {
      code: 'ELEC001',
      name: 'Mouse Inalámbrico',
      price: 11800,
      stock: 10,
      cost: 7000,
    });
    const keyboard = await product(till, {
      code: 'ELEC002',
      name: 'Teclado USB',
      price: 5900,
      stock: 5,
    });
    await openSession(till);
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [
        { productId: mouse.id, quantity: 2 },
        { productId: keyboard.id, quantity: 1 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 30000 }],
      customerName: 'Juan Pérez',
    });
    expect(sale).toMatchObject({
      number: 'B001-00000001',
      documentType: 'BOLETA',
      status: 'COMPLETADA',
      taxableBase: 25000,
      tax: 4500,
      total: 29500,
      paid: 29500,
      change: 500,
      customer: { name: 'Juan Pérez', id: null },
      cashier: { name: 'Ana' },
    });
    expect(sale.lines.map((l) => [l.code, l.quantity, l.base, l.tax, l.total, l.unitCost])).toEqual(
      [
        ['ELEC001', 2, 20000, 3600, 23600, 7000],
        ['ELEC002', 1, 5000, 900, 5900, 0],
      ],
    );
    expect(sale.payments).toEqual([
      expect.objectContaining({ method: 'EFECTIVO', tendered: 30000, change: 500, amount: 29500 }),
    ]);
    expect((await till.call('products.get', { id: mouse.id })).stock).toBe(8);
    expect((await till.call('products.get', { id: keyboard.id })).stock).toBe(4);
    expect(count('outbox')).toBeGreaterThan(0);
    const events = till.db.sqlite
      .prepare("SELECT type FROM outbox WHERE type = 'sale.created'")
      .all();
    expect(events).toHaveLength(1);
    const audit = till.db.sqlite
      .prepare("SELECT entity_id AS id, outcome FROM audit_log WHERE action = 'sales.create'")
      .all();
    expect(audit).toEqual([{ id: sale.id, outcome: 'ok' }]);
  });

  it('numbers consecutive sales in the series', async () => {
    const p = await product(till, { code: 'A1', price: 100, stock: 100 });
    await openSession(till);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await sell(till, [{ productId: p.id }])).number);
    expect(numbers).toEqual(['B001-00000001', 'B001-00000002', 'B001-00000003']);
  });
});

describe('sales.create preconditions', () => {
  it('needs an open cash session on this register', async () => {
    const p = await product(till, { code: 'A1', price: 100, stock: 5 });
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 100 }],
    });
    expect(error.code).toBe('NO_OPEN_SESSION');
    expect(count('sales')).toBe(0);
    expect((await till.call('products.get', { id: p.id })).stock).toBe(5);
  });

  it('needs at least one line and a quantity above zero', async () => {
    const p = await product(till, { code: 'A1', price: 100, stock: 5 });
    await openSession(till);
    const base = { id: till.uuid(), payments: [{ method: 'EFECTIVO', amount: 100 }] };
    const none = await till.fail('sales.create', { ...base, lines: [] });
    expect(none.code).toBe('VALIDATION');
    for (const quantity of [0, -1]) {
      const error = await till.fail('sales.create', {
        ...base,
        lines: [{ productId: p.id, quantity }],
      });
      expect(error.code).toBe('VALIDATION');
      expect(JSON.stringify(error.details)).toContain('quantity');
    }
    expect(count('sales')).toBe(0);
  });

  it('refuses a line naming both or neither of productId and barcode, and unknown products', async () => {
    const p = await product(till, {
      code: 'A1',
      price: 100,
      stock: 5,
      barcodes: ['7501234567893'],
    });
    await openSession(till);
    const pay = [{ method: 'EFECTIVO', amount: 100 }];
    for (const line of [{}, { productId: p.id, barcode: 'A1' }]) {
      const error = await till.fail('sales.create', {
        id: till.uuid(),
        lines: [line],
        payments: pay,
      });
      expect(error.code).toBe('VALIDATION');
    }
    const unknown = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: 999 }],
      payments: pay,
    });
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('sales.create lines', () => {
  it('takes lines by product id, barcode, product code and "3*barcode"', async () => {
    const p = await product(till, {
      code: 'GAL01',
      name: 'Galletas',
      price: 250,
      stock: 20,
      barcodes: ['7501234567893'],
    });
    await openSession(till);
    const sale = await sell(till, [
      { productId: p.id, quantity: 2 },
      { barcode: '7501234567893' },
      { barcode: 'GAL01', quantity: 4 },
      { barcode: '3*7501234567893' },
    ]);
    expect(sale.lines.map((l) => [l.productId, l.quantity, l.total])).toEqual([
      [p.id, 2, 500],
      [p.id, 1, 250],
      [p.id, 4, 1000],
      [p.id, 3, 750],
    ]);
    expect(sale.total).toBe(2500);
    expect((await till.call('products.get', { id: p.id })).stock).toBe(10);
  });

  it('refuses a quantity given twice with "3*code"', async () => {
    const p = await product(till, { code: 'GAL01', price: 250, stock: 20 });
    await openSession(till);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ barcode: '3*GAL01', quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 10000 }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ reason: 'QUANTITY_TWICE' });
    expect((await till.call('products.get', { id: p.id })).stock).toBe(20);
  });

  it('applies line and order discounts, spreading the order discount by largest remainder', async () => {
    const a = await product(till, { code: 'A', price: 11800, stock: 10 });
    const b = await product(till, { code: 'B', price: 5900, stock: 10 });
    await openSession(till);
    const sale = await sell(
      till,
      [
        { productId: a.id, quantity: 2, discount: 1600 },
        { productId: b.id, quantity: 1 },
      ],
      { orderDiscount: 1000 },
    );
    // Line A: 23600 − 1600 = 22000; line B: 5900. 1000 split 22000:5900 → 788.53 / 211.47 → 789 / 211.
    expect(sale.lines.map((l) => [l.gross, l.lineDiscount, l.orderDiscount, l.total])).toEqual([
      [23600, 1600, 789, 21211],
      [5900, 0, 211, 5689],
    ]);
    // 21211 / 1.18 = 17975.42 → 17975 + 3236; 5689 / 1.18 = 4821.19 → 4821 + 868.
    expect(sale.lines.map((l) => [l.base, l.tax])).toEqual([
      [17975, 3236],
      [4821, 868],
    ]);
    expect(sale).toMatchObject({
      gross: 29500,
      lineDiscount: 1600,
      orderDiscount: 1000,
      discount: 2600,
      taxableBase: 22796,
      tax: 4104,
      total: 26900,
    });
  });

  it('refuses a discount larger than its line', async () => {
    const a = await product(till, { code: 'A', price: 1000, stock: 10 });
    await openSession(till);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: a.id, discount: 1001 }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(count('sales')).toBe(0);
  });

  it('refuses a client total different from the computed one', async () => {
    const a = await product(till, { code: 'A', price: 1000, stock: 10 });
    await openSession(till);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: a.id, quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 2000 }],
      expectedTotal: 1999,
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'TOTAL_MISMATCH', computed: 2000, sent: 1999 },
    });
    expect(count('sales')).toBe(0);
    const ok = await sell(till, [{ productId: a.id, quantity: 2 }], {
      expectedTotal: 2000,
      payments: [{ method: 'EFECTIVO', amount: 2000 }],
    });
    expect(ok.total).toBe(2000);
  });
});

describe('sales.create payments', () => {
  async function ref001() {
    const a = await product(till, { code: 'A', price: 11800, stock: 10 });
    const b = await product(till, { code: 'B', price: 5900, stock: 10 });
    await openSession(till);
    return [
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
    ];
  }

  it('splits over card, transfer and cash, giving change from the cash', async () => {
    const lines = await ref001();
    const sale = await sell(till, lines, {
      payments: [
        { method: 'TARJETA', amount: 10000, reference: 'VISA-1234' },
        { method: 'TRANSFERENCIA', amount: 5000, bank: 'BCP', reference: 'OP-77' },
        { method: 'EFECTIVO', amount: 20000 },
      ],
    });
    expect(sale).toMatchObject({ total: 29500, paid: 29500, change: 5500, balance: 0 });
    expect(sale.payments.map((p) => [p.method, p.tendered, p.change, p.amount, p.bank])).toEqual([
      ['TARJETA', 10000, 0, 10000, null],
      ['TRANSFERENCIA', 5000, 0, 5000, 'BCP'],
      ['EFECTIVO', 20000, 5500, 14500, null],
    ]);
  });

  it('needs the bank for a transfer', async () => {
    const lines = await ref001();
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines,
      payments: [{ method: 'TRANSFERENCIA', amount: 29500, reference: 'X' }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(JSON.stringify(error.details)).toContain('bank');
    expect(count('sales')).toBe(0);
  });

  it('refuses card, QR or transfer above what is due', async () => {
    const lines = await ref001();
    for (const method of ['TARJETA', 'QR'] as const) {
      const error = await till.fail('sales.create', {
        id: till.uuid(),
        lines,
        payments: [{ method, amount: 29600 }],
      });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'NON_CASH_OVERPAYMENT', due: 29500, nonCash: 29600 },
      });
    }
    expect(count('sales')).toBe(0);
  });

  it('refuses payments that do not cover the total', async () => {
    const lines = await ref001();
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines,
      payments: [
        { method: 'EFECTIVO', amount: 20000 },
        { method: 'QR', amount: 9000 },
      ],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'UNDERPAID', due: 29500, paid: 29000, missing: 500 },
    });
    expect(count('sales')).toBe(0);
    expect(count('payments')).toBe(0);
  });

  it('puts the rest on credit for a registered customer only', async () => {
    const lines = await ref001();
    const quick = await till.fail('sales.create', {
      id: till.uuid(),
      lines,
      customerName: 'Sin registro',
      payments: [{ method: 'EFECTIVO', amount: 10000 }, { method: 'CREDITO' }],
    });
    expect(quick.details).toMatchObject({ reason: 'CREDIT_NEEDS_CUSTOMER' });
    const c = await customer(till, {
      name: 'María Quispe',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
    const sale = await sell(till, lines, {
      customerId: c.id,
      payments: [{ method: 'EFECTIVO', amount: 10000 }, { method: 'CREDITO' }],
    });
    expect(sale).toMatchObject({ total: 29500, paid: 10000, balance: 19500, change: 0 });
    expect(sale.payments.map((p) => [p.method, p.amount])).toEqual([
      ['EFECTIVO', 10000],
      ['CREDITO', 19500],
    ]);
    expect(sale.customer).toEqual({
      id: c.id,
      name: 'María Quispe',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
  });

  it('refuses a credit payment when the others already cover the total', async () => {
    const lines = await ref001();
    const c = await customer(till, {
      name: 'María',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines,
      customerId: c.id,
      payments: [{ method: 'EFECTIVO', amount: 29500 }, { method: 'CREDITO' }],
    });
    expect(error.details).toMatchObject({ reason: 'NOTHING_ON_CREDIT' });
  });

  it('lets a registered customer take precedence over a quick name', async () => {
    const lines = await ref001();
    const c = await customer(till, {
      name: 'Registrado SAC',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    const sale = await sell(till, lines, { customerId: c.id, customerName: 'Otro nombre' });
    expect(sale.customer).toEqual({
      id: c.id,
      name: 'Registrado SAC',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    const row = till.db.sqlite
      .prepare('SELECT customer_name AS name, customer_id AS id FROM sales WHERE id = ?')
      .get(sale.id);
    expect(row).toEqual({ name: 'Registrado SAC', id: c.id });
  });
});
