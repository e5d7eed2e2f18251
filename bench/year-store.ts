/**
 * Builds the benchmark store: 100,000 products and a year of sales (≥ 300,000
 * sales, ≥ 1.5 million lines), written through the real services so the data
 * has exactly the shape the app writes. Run as a child process by the bench:
 *   tsx bench/year-store.ts <file>
 * It prints progress to stderr and a JSON summary to stdout.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/open';
import { cashHandlers } from '../electron/services/cash/handlers';
import { insertProduct } from '../electron/services/catalog/products';
import type { ServiceContext } from '../electron/services/context';
import { createSale } from '../electron/services/sales/create';
import { initStore } from '../electron/services/setup';
import { gtinCheckDigit } from '../core/barcode';
import { roundRatio } from '../core/money/rounding';
import { addDays } from '../core/time';
import { computeTaxes } from '../core/tax/document';
import { PROFILES, taxRulesOf } from '../core/profiles';

/** Smaller stores (for trying the bench quickly) via BENCH_PRODUCTS / BENCH_DAYS. */
export const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
export const DAYS = Number(process.env.BENCH_DAYS ?? 365);
export const SALES_PER_DAY = 830;
/** The last day's session holds exactly this many sales, for the Z-report benchmark. */
export const BIG_SESSION_SALES = 2_000;
export const FIRST_DAY = '2025-01-01';

const NOUNS = [
  'Arroz',
  'Azúcar',
  'Aceite',
  'Fideos',
  'Atún',
  'Leche',
  'Yogurt',
  'Queso',
  'Mantequilla',
  'Galletas',
  'Chocolate',
  'Gaseosa',
  'Agua',
  'Cerveza',
  'Jugo',
  'Café',
  'Té',
  'Avena',
  'Harina',
  'Sal',
  'Detergente',
  'Jabón',
  'Shampoo',
  'Papel',
  'Lejía',
  'Pasta dental',
  'Pañales',
  'Toallas',
  'Velas',
  'Pilas',
  'Mayonesa',
  'Ketchup',
  'Mostaza',
  'Vinagre',
  'Sillao',
  'Lentejas',
  'Frejoles',
  'Pallares',
  'Garbanzos',
  'Quinua',
  'Conserva',
  'Sardinas',
  'Salchicha',
  'Jamón',
  'Tocino',
  'Huevos',
  'Pan',
  'Keke',
  'Caramelos',
  'Chicles',
];
const BRANDS = [
  'Gloria',
  'Costeño',
  'Primor',
  'Don Vittorio',
  'Florida',
  'Laive',
  'Bimbo',
  'Field',
  'Sublime',
  'Inca',
  'San Mateo',
  'Cielo',
  'Pilsen',
  'Frugos',
  'Altomayo',
  'Nescafé',
  'Quaker',
  'Alacena',
  'Bolívar',
  'Ayudín',
  'Clorox',
  'Elite',
  'Colgate',
  'Protex',
  'Huggies',
  'Duracell',
  'Molitalia',
  'Paraíso',
  'Bells',
  'Tottus',
];
const SIZES = [
  '100 g',
  '250 g',
  '500 g',
  '1 kg',
  '2 kg',
  '5 kg',
  '355 ml',
  '500 ml',
  '1 L',
  '1.5 L',
  '3 L',
  'x6',
  'x12',
  'x24',
];

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function barcodeOf(index: number): string {
  const body = `775${String(index).padStart(9, '0')}`;
  return body + gtinCheckDigit(body);
}

export function productName(index: number): string {
  return `${NOUNS[index % NOUNS.length]} ${BRANDS[Math.floor(index / NOUNS.length) % BRANDS.length]} ${SIZES[Math.floor(index / 1500) % SIZES.length]} ${index}`;
}

export interface YearStore {
  readonly file: string;
  readonly products: number;
  readonly sales: number;
  readonly lines: number;
  readonly bigSessionId: string;
  readonly lastDay: string;
}

function build(file: string): YearStore {
  const db = openDatabase(file);
  // Generation only: nothing here needs to survive a power cut.
  db.sqlite.pragma('synchronous = OFF');
  const rand = random(42);
  let clock = new Date(`${FIRST_DAY}T13:00:00Z`);
  const base: ServiceContext = { db, actor: null, now: () => clock, newId: randomUUID };
  initStore(base, {
    country: 'PE',
    businessName: 'Minimarket Benchmark',
    taxId: '20601234567',
    admin: { name: 'Admin', pin: '1234' },
    registerCode: 'CAJA1',
    timeZone: 'America/Lima',
  });
  const ctx: ServiceContext = { ...base, actor: { id: 1, name: 'Admin', role: 'admin' } };
  const tx = <T>(work: () => T): T => db.sqlite.transaction(work)();
  const prices: number[] = [0];
  const taxes: string[] = [''];
  const rules = taxRulesOf(PROFILES.PE);

  for (let start = 0; start < PRODUCTS; start += 5_000) {
    tx(() => {
      for (let i = start; i < start + 5_000; i++) {
        const price = 50 + Math.floor(rand() * 5_000);
        const taxCategory = i % 10 === 0 ? 'EXONERADO' : 'IGV';
        prices.push(price);
        taxes.push(taxCategory);
        insertProduct(
          ctx,
          {
            code: `P${String(i).padStart(6, '0')}`,
            name: productName(i),
            categoryId: null,
            soldBy: 'unit',
            price,
            cost: roundRatio(BigInt(price) * 7n, 10n, 'HALF_UP'),
            taxCategory,
            trackStock: true,
            allowNegative: false,
            minStock: 5_000,
            active: true,
            barcodes: [barcodeOf(i)],
            initialStock: 10_000_000,
          },
          'IGV',
        );
      }
    });
    process.stderr.write(`\rproducts ${start + 5_000}/${PRODUCTS}`);
  }
  process.stderr.write('\n');

  let sales = 0;
  let bigSessionId = '';
  let lastDay = FIRST_DAY;
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(FIRST_DAY, d);
    lastDay = day;
    const count = d === DAYS - 1 ? BIG_SESSION_SALES : SALES_PER_DAY;
    const opening = new Date(`${day}T13:00:00Z`); // 08:00 in Lima
    clock = opening;
    cashHandlers['cash.open'].run({ float: 20_000 }, ctx);
    tx(() => {
      for (let s = 0; s < count; s++) {
        clock = new Date(opening.getTime() + Math.floor(((s + 0.5) / count) * 13 * 3_600_000));
        const n = 1 + Math.floor(rand() * 9);
        const picked = new Set<number>();
        while (picked.size < n) picked.add(1 + Math.floor(rand() ** 2 * PRODUCTS));
        const saleLines = [...picked].map((productId) => ({
          productId,
          quantity: 1000 * (1 + Math.floor(rand() * 3)),
        }));
        const { total } = computeTaxes(
          {
            lines: saleLines.map((l) => ({
              quantity: l.quantity,
              unitPrice: prices[l.productId]!,
              taxCategory: taxes[l.productId]!,
            })),
          },
          rules,
        );
        const method = rand();
        createSale(ctx, {
          id: randomUUID(),
          lines: saleLines,
          payments:
            method < 0.7
              ? [{ method: 'EFECTIVO', amount: Math.ceil(total / 1000) * 1000 }]
              : [{ method: method < 0.85 ? 'TARJETA' : 'QR', amount: total }],
        });
      }
    });
    process.stderr.write(`\rday ${d + 1}/${DAYS}`);
    clock = new Date(opening.getTime() + 13.5 * 3_600_000);
    const z = cashHandlers['cash.close'].run({ countedCash: 0 }, ctx) as {
      session: { id: string };
    };
    sales += count;
    if (d === DAYS - 1) bigSessionId = z.session.id;
  }
  const lines = (db.sqlite.prepare('SELECT COUNT(*) AS n FROM sale_lines').get() as { n: number })
    .n;
  db.sqlite.pragma('synchronous = FULL');
  db.sqlite.exec('ANALYZE');
  db.close();
  process.stderr.write('\n');
  return { file, products: PRODUCTS, sales, lines, bigSessionId, lastDay };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const store = build(process.argv[2]);
  writeFileSync(`${process.argv[2]}.json`, JSON.stringify(store));
  process.stdout.write(`${JSON.stringify(store)}\n`);
}
