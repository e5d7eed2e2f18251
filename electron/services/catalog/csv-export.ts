import Papa from 'papaparse';
import { asc } from 'drizzle-orm';
import { currency as currencyOf } from '../../../core/money/currency';
import { minorToDecimalString } from '../../../core/money/format';
import { separatorsOf } from '../../../core/money/locale';
import { categories, productBarcodes, products } from '../../../db/schema';
import { type ServiceContext } from '../context';
import { loadStore } from '../store';
import { COLUMNS, listSeparator, asText } from './csv-format';

export function exportProductsCsv(ctx: ServiceContext): { csv: string; rows: number } {
  const { settings } = loadStore(ctx);
  const digits = currencyOf(settings.currency).minorDigits;
  const { decimal } = separatorsOf(settings.locale);
  const number = (value: number, places: number) =>
    minorToDecimalString(value, places).replace('.', decimal);
  const quantity = (thousandths: number) =>
    number(thousandths, 3).replace(new RegExp(`\\${decimal}?0+$`), '');
  const names = new Map(
    ctx.db.orm
      .select()
      .from(categories)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const codes = new Map<number, string[]>();
  for (const b of ctx.db.orm
    .select()
    .from(productBarcodes)
    .orderBy(asc(productBarcodes.barcode))
    .all()) {
    codes.set(b.productId, [...(codes.get(b.productId) ?? []), b.barcode]);
  }
  const rows = ctx.db.orm
    .select()
    .from(products)
    .orderBy(asc(products.code))
    .all()
    .map((p) => [
      asText(p.code),
      asText(p.name),
      asText(p.categoryId === null ? '' : (names.get(p.categoryId) ?? '')),
      p.soldBy === 'weight' ? 'peso' : 'unidad',
      number(p.price, digits),
      number(p.cost, digits),
      p.taxCategory,
      quantity(p.stock) || '0',
      quantity(p.minStock) || '0',
      p.trackStock ? 'si' : 'no',
      p.active ? 'si' : 'no',
      p.allowNegative ? 'si' : 'no',
      (codes.get(p.id) ?? []).join('|'),
    ]);
  return { csv: csvText(settings.locale, rows), rows: rows.length };
}

/**
 * What Excel opens with the accents right and the cells apart: UTF-8 with a
 * BOM, CRLF, the list separator of the locale.
 */
function csvText(locale: string, rows: readonly (readonly string[])[]): string {
  const csv = Papa.unparse(
    { fields: COLUMNS.map((c) => c.header), data: rows.map((row) => [...row]) },
    { delimiter: listSeparator(locale), newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}

/**
 * The file an empty catalogue offers to start from: the columns the import
 * reads and one example row, in the store's decimals and default tax.
 */
export function productsTemplateCsv(ctx: ServiceContext): { csv: string } {
  const { settings, profile } = loadStore(ctx);
  const { decimal } = separatorsOf(settings.locale);
  const example = [
    'AZU01',
    'Azúcar rubia 1 kg',
    'Abarrotes',
    'unidad',
    `4${decimal}50`,
    `3${decimal}80`,
    profile.defaultTaxCategory,
    '24',
    '6',
    'si',
    'si',
    'no',
    '7750885012348',
  ];
  return { csv: csvText(settings.locale, [example]) };
}
