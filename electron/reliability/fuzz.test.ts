/**
 * Bad input: every channel gets random and malformed inputs — wrong types,
 * huge and negative numbers, SQL-looking strings, unicode, deep garbage.
 * Every call must come back as a Result (never a throw, never INTERNAL), and a
 * refused call must leave the database exactly as it was.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../core/api/channels';
import { ERROR_CODES } from '../../core/errors';
import { openSession, product, sell } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { csvFile } from '../testing/csv-file';

let till: Till;
let saleId = '';

beforeAll(async () => {
  till = await setUpTill('PE');
  const p = await product(till, { code: 'A1', price: 500, stock: 50, barcodes: ['7751001200373'] });
  await till.call('customers.create', {
    documentType: 'DNI',
    documentNumber: '45871236',
    name: 'María',
  } as never);
  await openSession(till);
  saleId = (await sell(till, [{ productId: p.id, quantity: 2 }])).id;
});
afterAll(() => till.close());

/**
 * A digest of every business table. Refusals are recorded on purpose (the audit
 * log, a wrong PIN's counter), so those are left out.
 */
function fingerprint(): string {
  const sql = till.db.sqlite;
  const tables = (
    sql
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'products_fts%' AND name != 'audit_log' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const hash = createHash('sha256');
  for (const table of tables) {
    const rows = sql.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<
      string,
      unknown
    >[];
    for (const row of rows) {
      if (table === 'users') {
        delete row.failed_logins;
        delete row.locked_until;
      }
      hash.update(`${table}:${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest('hex');
}

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE sales; --",
    '1 OR 1=1',
    '" OR ""="',
    "ROBERT'); DELETE FROM products;--",
    '*',
    'NEAR(a b)',
    '\u0000\u0001\u0002',
    '👩🏽‍🍳🛒',
    'ñandú ÁÉÍÓÚ',
    '\u202eevil',
    'x'.repeat(10_000),
    '',
    ' ',
    '-0',
    '1e309',
    'NaN',
    '__proto__',
    'constructor',
  ),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
);
const weirdNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    0.0001,
    1e21,
    -1e21,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    2 ** 31,
    123.456789,
  ),
  fc.double(),
  fc.integer(),
);
const garbage = fc.oneof(
  nasty,
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

/** The field names a channel's schema knows, so malformed values reach its validators. */
function keysOf(channel: ChannelName): string[] {
  const schema = z.toJSONSchema(channels[channel].input, {
    io: 'input',
    unrepresentable: 'any',
  }) as {
    properties?: Record<string, unknown>;
    anyOf?: { properties?: Record<string, unknown> }[];
  };
  const objects = schema.anyOf ?? [schema];
  return [...new Set(objects.flatMap((o) => Object.keys(o.properties ?? {})))];
}

/** Valid inputs to start from, so a mutation of one field reaches the deep checks. */
const SAMPLES = (): Partial<Record<ChannelName, Record<string, unknown>>> => ({
  'sales.create': {
    id: '11111111-2222-4333-8444-555555555555',
    lines: [{ productId: 1, quantity: 1, discount: 10 }, { barcode: '2*7751001200373' }],
    payments: [{ method: 'EFECTIVO', amount: 5000 }],
    customerName: 'Cliente',
  },
  'sales.update': {
    id: saleId,
    reason: 'corrección',
    customerName: 'Otro',
  },
  'sales.void': { id: saleId, reason: 'error' },
  'sales.return': {
    id: '11111111-2222-4333-8444-666666666666',
    saleId: saleId,
    reason: 'fallado',
    lines: [{ saleLineId: 1, quantity: 1 }],
  },
  'cash.movement': {
    id: '11111111-2222-4333-8444-777777777777',
    direction: 'OUT',
    type: 'gasto',
    amount: 100,
  },
  'products.create': { code: 'NEW1', name: 'Nuevo', price: 100, barcodes: ['7751002200747'] },
  'products.update': { id: 1, price: 600, barcodes: ['7751001200373'] },
  'customers.create': { documentType: 'DNI', documentNumber: '12345678', name: 'Pedro' },
  'stock.adjust': { productId: 1, delta: 5, reason: 'conteo' },
  'users.create': { name: 'Luis', role: 'cashier', pin: '4321' },
  'settings.update': {
    exchangeRate: null,
    scaleLayouts: [{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }],
  },
  'products.import': { file: csvFile('codigo,nombre,precio\r\nZ1,Zeta,1.50\r\n') },
  'reports.summary': { from: '2026-03-01', to: '2026-03-31' },
});

/** One field of the sample replaced by garbage, dropped, or an unknown field added. */
function mutated(sample: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(sample);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), garbage).map(([k, v]) => ({ ...sample, [k]: v })),
    fc
      .constantFrom(...keys)
      .map((k) => Object.fromEntries(Object.entries(sample).filter(([key]) => key !== k))),
    fc.tuple(nasty, garbage).map(([k, v]) => ({ ...sample, [k]: v })),
    fc.tuple(fc.nat({ max: 3 }), nasty, garbage).map(([i, k, v]) => {
      const lines = Array.isArray(sample.lines)
        ? [...(sample.lines as Record<string, unknown>[])]
        : [{}];
      lines[i % lines.length] = { ...lines[i % lines.length], [k]: v };
      return { ...sample, lines };
    }),
  );
}

function inputArb(channel: ChannelName): fc.Arbitrary<unknown> {
  const sample = SAMPLES()[channel];
  if (sample)
    return fc.oneof(
      { weight: 3, arbitrary: mutated(sample) },
      { weight: 1, arbitrary: shapedArb(channel) },
    );
  return shapedArb(channel);
}

function shapedArb(channel: ChannelName): fc.Arbitrary<unknown> {
  const keys = keysOf(channel);
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), garbage, { maxKeys: 3 })
      : fc.record(
          Object.fromEntries(
            keys.map((k) => [
              k,
              fc.oneof(
                garbage,
                fc.array(
                  fc.record({
                    productId: garbage,
                    quantity: weirdNumber,
                    barcode: nasty,
                    saleLineId: garbage,
                  }),
                  { maxLength: 3 },
                ),
              ),
            ]),
          ),
          {
            requiredKeys: [],
          },
        );
  return fc.oneof({ weight: 1, arbitrary: fc.anything() }, { weight: 4, arbitrary: shaped });
}

describe('every channel survives malformed input', { timeout: 240_000 }, () => {
  it.each(CHANNEL_NAMES.filter((c) => c !== 'setup.demo'))('%s', async (channel) => {
    await fc.assert(
      fc.asyncProperty(inputArb(channel), fc.boolean(), async (input, loggedIn) => {
        const before = fingerprint();
        const session = loggedIn ? till.session : { actor: null };
        let result;
        try {
          result = await till.api.call(channel, input, session);
        } catch (error) {
          throw new Error(`${channel} threw: ${String(error)}`);
        }
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          expect(fingerprint()).toBe(before);
        }
        // A logout in the middle must not end the run for the next inputs.
        if (!till.session.actor) await till.call('auth.login', { name: 'Ana', pin: '1234' });
      }),
      { numRuns: 40 },
    );
  });
});
