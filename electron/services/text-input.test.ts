/**
 * Control characters, bidi overrides and stray line breaks are refused in
 * every kind of stored text, through the real API on a real SQLite file, and
 * the refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../core/api/channels';
import { countRows, customer, openSession, product } from '../testing/fixtures';
import { openTill, setUpTill, type Till } from '../testing/till';

let till: Till;
let productId: number;
let categoryId: number;
let customerId: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  productId = (await product(till, { code: 'ARROZ', name: 'Arroz', price: 450, stock: 10 })).id;
  categoryId = (await till.call('categories.create', { name: 'Abarrotes' })).id;
  customerId = (await customer(till, { name: 'Rosa Quispe' })).id;
});
afterEach(() => till.close());

/** Every table a refused write could have touched. */
function snapshot() {
  const tables = [
    'products',
    'categories',
    'customers',
    'users',
    'registers',
    'sales',
    'cash_sessions',
    'cash_movements',
    'audit_log',
    'outbox',
  ];
  return {
    counts: Object.fromEntries(tables.map((t) => [t, countRows(till, t)])),
    settings: till.db.sqlite.prepare('SELECT * FROM settings').all(),
    names: till.db.sqlite
      .prepare(
        'SELECT name FROM products UNION ALL SELECT name FROM categories UNION ALL SELECT name FROM customers UNION ALL SELECT name FROM users',
      )
      .pluck()
      .all(),
  };
}

const RLO = '\u202E';
const SAMPLES: [string, string][] = [
  ['NUL', 'Inca\u0000Kola'],
  ['a right-to-left override', `Arroz ${RLO}gnp.exe`],
  ['a first-strong isolate', 'Arroz \u2068x\u2069'],
  ['a right-to-left mark', 'Arroz\u200F'],
  ['an arabic letter mark', 'Arroz\u061C'],
  ['an escape sequence', 'Arroz \u001B[2J'],
  ['a C1 control', 'Arroz\u009B'],
  ['DEL', 'Arroz\u007F'],
  ['a tab', 'Arroz\tlargo'],
];

/** One field of each kind of text the API stores, with the input that puts `value` there. */
const FIELDS: [string, ChannelName, string, (value: string) => Record<string, unknown>][] = [
  ['product name', 'products.create', 'name', (v) => ({ code: 'NEW', name: v, price: 100 })],
  ['product update', 'products.update', 'name', (v) => ({ id: productId, name: v })],
  ['category', 'categories.create', 'name', (v) => ({ name: v })],
  ['category rename', 'categories.update', 'name', (v) => ({ id: categoryId, name: v })],
  ['user', 'users.create', 'name', (v) => ({ name: v, role: 'cashier', pin: '5555' })],
  ['customer', 'customers.create', 'name', (v) => ({ name: v })],
  ['customer address', 'customers.update', 'address', (v) => ({ id: customerId, address: v })],
  ['store name', 'settings.update', 'businessName', (v) => ({ businessName: v })],
  ['store address', 'settings.update', 'address', (v) => ({ address: v })],
  ['receipt footer', 'settings.update', 'receiptFooter', (v) => ({ receiptFooter: v })],
  ['register', 'registers.create', 'name', (v) => ({ code: 'CAJA9', name: v })],
];

describe('text with control or bidi characters', () => {
  it.each(FIELDS)(
    'is refused in a %s with VALIDATION CONTROL_CHARACTERS',
    async (_, channel, field, input) => {
      const before = snapshot();
      for (const [label, value] of SAMPLES) {
        const error = await till.fail(channel, input(value));
        expect(error, label).toMatchObject({
          code: 'VALIDATION',
          details: { reason: 'CONTROL_CHARACTERS', field },
        });
        expect(error.message, label).toContain(field);
      }
      expect(snapshot()).toEqual(before);
    },
  );

  it('is refused on a sale: quick customer name, notes, bank and reference', async () => {
    await openSession(till);
    const sale = (extra: Record<string, unknown>) => ({
      id: till.uuid(),
      lines: [{ productId }],
      payments: [{ method: 'TARJETA', amount: 450 }],
      ...extra,
    });
    const before = snapshot();
    for (const [extra, path] of [
      [{ customerName: `Ana ${RLO}` }, 'customerName'],
      [{ notes: 'mesa\u00004' }, 'notes'],
      [{ notes: 'mesa 4\nsin sal' }, 'notes'],
      [
        { payments: [{ method: 'TRANSFERENCIA', amount: 450, bank: `BCP${RLO}` }] },
        'payments.0.bank',
      ],
      [
        { payments: [{ method: 'TARJETA', amount: 450, reference: 'op\u001B1' }] },
        'payments.0.reference',
      ],
    ] as const) {
      const error = await till.fail('sales.create', sale(extra));
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'CONTROL_CHARACTERS', field: path },
      });
    }
    expect(snapshot()).toEqual(before);
  });

  it('is refused in cash notes and movement descriptions', async () => {
    const open = await till.fail('cash.open', { float: 100, notes: `caja${RLO}` });
    expect(open.details).toMatchObject({ reason: 'CONTROL_CHARACTERS', field: 'notes' });
    await openSession(till);
    const before = snapshot();
    const movement = await till.fail('cash.movement', {
      id: till.uuid(),
      direction: 'OUT',
      type: 'gasto',
      amount: 100,
      description: 'taxi\u0000',
    });
    expect(movement.details).toMatchObject({ reason: 'CONTROL_CHARACTERS', field: 'description' });
    expect(snapshot()).toEqual(before);
  });

  it('is refused in product codes and barcodes too (bidi marks are not \\p{Cc})', async () => {
    const before = snapshot();
    const code = await till.fail('products.create', { code: `A${RLO}1`, name: 'x', price: 1 });
    expect(code.details).toMatchObject({ reason: 'CONTROL_CHARACTERS', field: 'code' });
    const barcode = await till.fail('products.create', {
      code: 'A1',
      name: 'x',
      price: 1,
      barcodes: ['7750885012348\u200E'],
    });
    expect(barcode.details).toMatchObject({ reason: 'CONTROL_CHARACTERS', field: 'barcodes.0' });
    expect(snapshot()).toEqual(before);
  });

  it('is refused when setting up a till', async () => {
    const fresh = await openTill();
    try {
      const error = await fresh.fail('setup.init', {
        country: 'PE',
        businessName: `Bodega${RLO}`,
        taxId: '20123456789',
        admin: { name: 'Ana', pin: '1234' },
        registerCode: 'CAJA1',
      });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'CONTROL_CHARACTERS', field: 'businessName' },
      });
      const tables = fresh.db.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get();
      expect(tables).toBe(0);
    } finally {
      fresh.close();
    }
  });
});

describe('line breaks', () => {
  it('are kept in the receipt footer, and refused in one-line text', async () => {
    const footer = 'Gracias por su compra\nNo se aceptan devoluciones sin ticket';
    const settings = await till.call('settings.update', { receiptFooter: footer });
    expect(settings.receiptFooter).toBe(footer);
    for (const [channel, field, input] of FIELDS.filter(
      ([label]) => label !== 'receipt footer',
    ).map(([, c, f, i]) => [c, f, i] as const)) {
      const error = await till.fail(channel, input('Primera línea\nSegunda'));
      expect(error.details, `${channel} ${field}`).toMatchObject({
        reason: 'CONTROL_CHARACTERS',
        field,
      });
    }
  });

  it('still lets accents, ñ and other scripts through', async () => {
    const p = await till.call('products.create', {
      code: 'CAFE',
      name: 'Café Ñandú 商店 متجر 🥖',
      price: 100,
    });
    expect(p.name).toBe('Café Ñandú 商店 متجر 🥖');
  });
});
