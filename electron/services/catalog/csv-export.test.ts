import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../core/api/model';
import type { CountryCode } from '../../../core/profiles';
import { product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { csvFile } from '../../testing/csv-file';

const tills: Till[] = [];

async function till(country: CountryCode = 'PE'): Promise<Till> {
  const t = await setUpTill(country);
  tills.push(t);
  return t;
}
afterEach(() => {
  while (tills.length > 0) tills.pop()!.close();
});

/** What a product is, without what depends on the database it lives in. */
function portable(p: Product) {
  const { id: _id, categoryId: _categoryId, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

async function allProducts(t: Till) {
  const page = await t.call('products.list', { includeInactive: true, pageSize: 200 });
  return page.items.map(portable).sort((a, b) => a.code.localeCompare(b.code));
}

function movementCount(t: Till): number {
  return t.db.sqlite.prepare('SELECT COUNT(*) FROM stock_movements').pluck().get() as number;
}

async function fillCatalog(t: Till, taxes = { exempt: 'EXONERADO', bag: 'BOLSA' }) {
  const drinks = await t.call('categories.create', { name: 'Bebidas' });
  const dairy = await t.call('categories.create', { name: 'Lácteos' });
  await product(t, {
    code: 'INC500',
    name: 'Inca Kola 500 ml',
    price: 250,
    cost: 180,
    categoryId: drinks.id,
    stock: 24,
    minStock: 6,
    barcodes: ['7750885012348', '7501234567893'],
  });
  await product(t, {
    code: 'QSO01',
    name: 'Queso fresco "Huacariz", kg',
    price: 2890,
    soldBy: 'weight',
    categoryId: dairy.id,
    taxCategory: taxes.exempt,
    stock: 3.125,
  });
  await product(t, {
    code: 'BOLSA',
    name: 'Bolsa plástica',
    price: 10,
    taxCategory: taxes.bag,
    trackStock: false,
  });
  await product(t, {
    code: 'NEG1',
    name: 'Pan francés; unidad',
    price: 30,
    allowNegative: true,
    stock: -4,
  });
  const off = await product(t, { code: 'OFF1', name: 'Producto antiguo', price: 1 });
  await t.call('products.update', { id: off.id, active: false });
}

describe('products.export', () => {
  it('writes a UTF-8 BOM, Spanish headers and "," for a "." decimal locale (PE)', async () => {
    const t = await till('PE');
    await fillCatalog(t);
    const { csv, rows } = await t.call('products.export', {});
    expect(rows).toBe(5);
    expect(csv.startsWith('\uFEFFcodigo,nombre,categoria,unidad,precio,costo,impuesto,')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(parsed.map((r) => r.codigo)).toEqual(['BOLSA', 'INC500', 'NEG1', 'OFF1', 'QSO01']);
    expect(parsed.find((r) => r.codigo === 'INC500')).toMatchObject({
      nombre: 'Inca Kola 500 ml',
      categoria: 'Bebidas',
      unidad: 'unidad',
      precio: '2.50',
      costo: '1.80',
      impuesto: 'IGV',
      stock: '24',
      stock_minimo: '6',
      controla_stock: 'si',
      activo: 'si',
      codigos_barras: '7501234567893|7750885012348',
    });
    expect(parsed.find((r) => r.codigo === 'QSO01')).toMatchObject({
      nombre: 'Queso fresco "Huacariz", kg',
      unidad: 'peso',
      stock: '3.125',
    });
    expect(parsed.find((r) => r.codigo === 'NEG1')).toMatchObject({ stock: '-4' });
  });

  it('uses ";" and decimal commas where the locale writes "," (AR)', async () => {
    const t = await till('AR');
    await product(t, { code: 'YER1', name: 'Yerba, 1 kg', price: 123450, stock: 1.5 });
    const { csv } = await t.call('products.export', {});
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toMatch(/^codigo;nombre;/);
    expect(line).toMatch(/^YER1;Yerba, 1 kg;;unidad;1234,50;0,00;/);
    expect(line).toContain(';1,5;');
  });
});

describe('export then import', () => {
  it('gives identical products in a fresh till', async () => {
    const source = await till('PE');
    await fillCatalog(source);
    const { csv } = await source.call('products.export', {});

    const target = await till('PE');
    const report = await target.call('products.import', { file: csvFile(csv) });
    expect(report).toMatchObject({ rows: 5, created: 5, updated: 0, skipped: 0, errors: [] });
    expect(await allProducts(target)).toEqual(await allProducts(source));
    const categories = await target.call('categories.list', {});
    expect(categories.map((c) => [c.name, c.productCount])).toEqual([
      ['Bebidas', 1],
      ['Lácteos', 1],
    ]);
    // Stock arrives through the ledger.
    const ledger = target.db.sqlite
      .prepare(
        "SELECT p.code, m.quantity FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE m.kind = 'IMPORT' ORDER BY p.code",
      )
      .all();
    expect(ledger).toEqual([
      { code: 'INC500', quantity: 24000 },
      { code: 'NEG1', quantity: -4000 },
      { code: 'QSO01', quantity: 3125 },
    ]);
  });

  it('changes nothing when imported back into the same till', async () => {
    const t = await till('PE');
    await fillCatalog(t);
    const before = await allProducts(t);
    const movements = movementCount(t);
    const { csv } = await t.call('products.export', {});
    const report = await t.call('products.import', { file: csvFile(csv) });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 5, errors: [] });
    expect(await allProducts(t)).toEqual(before);
    expect(movementCount(t)).toBe(movements);
  });

  it('round-trips in a decimal-comma locale too', async () => {
    const taxes = { exempt: 'EXENTO', bag: 'IVA21' };
    const source = await till('AR');
    await fillCatalog(source, taxes);
    const { csv } = await source.call('products.export', {});
    expect(csv).toContain(';2,50;');
    const target = await till('AR');
    const report = await target.call('products.import', { file: csvFile(csv) });
    expect(report).toMatchObject({ created: 5, errors: [] });
    expect(await allProducts(target)).toEqual(await allProducts(source));
  });

  it('names the rows whose tax category the other country lacks', async () => {
    const source = await till('PE');
    await fillCatalog(source);
    const { csv } = await source.call('products.export', {});
    const target = await till('AR');
    const refused = await target.fail('products.import', { file: csvFile(csv) });
    expect(refused.code).toBe('VALIDATION');
    const report = refused.details?.report as { errors: { line: number; field: string }[] };
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'impuesto'],
      [3, 'impuesto'],
      [4, 'impuesto'],
      [5, 'impuesto'],
      [6, 'impuesto'],
    ]);
    expect(target.db.sqlite.prepare('SELECT COUNT(*) FROM products').pluck().get()).toBe(0);
    // "2.50" from a "." locale still reads as 2,50 in AR.
    const fixed = csv.replace(/,(BOLSA|EXONERADO|IGV),/g, ',IVA21,');
    expect(await target.call('products.import', { file: csvFile(fixed) })).toMatchObject({
      created: 5,
    });
    expect((await target.call('products.get', { code: 'INC500' })).price).toBe(250);
  });
});

describe('spreadsheet formulas', () => {
  it('guards names that Excel would run as formulas, and imports them back unchanged', async () => {
    const { asText, fromText } = await import('./csv');
    for (const name of ['=HYPERLINK("http://x")', '+51 999', '-10% oferta', '@SUM(A1)', 'Normal']) {
      expect(fromText(asText(name))).toBe(name);
    }
    expect(asText('=1+1')).toBe("'=1+1");
    expect(asText('Leche')).toBe('Leche');
    expect(fromText("'Ojo")).toBe("'Ojo");
  });
});

describe('products.template: what an empty catalogue starts from', () => {
  it('is UTF-8 with a BOM, the import columns and one example row that imports', async () => {
    const t = await till('PE');
    const { csv } = await t.call('products.template', {});
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, example, end] = csv.slice(1).split('\r\n');
    expect(header).toBe(
      'codigo,nombre,categoria,unidad,precio,costo,impuesto,stock,stock_minimo,controla_stock,activo,permite_negativo,codigos_barras',
    );
    expect(example).toContain('Azúcar rubia 1 kg');
    expect(end).toBe('');
    expect(await t.call('products.import', { file: csvFile(bytes) })).toMatchObject({
      created: 1,
      errors: [],
      encoding: 'utf-8-bom',
    });
  });

  it('uses ";" and decimal commas where the locale writes decimals with ","', async () => {
    const t = await till('AR');
    const { csv } = await t.call('products.template', {});
    expect(csv).toMatch(/^\uFEFFcodigo;nombre;/);
    expect(csv).toContain(';4,50;3,80;');
    expect(await t.call('products.import', { file: csvFile(csv) })).toMatchObject({ created: 1 });
  });
});

describe('products.export: the bytes Excel opens', () => {
  it('starts with the UTF-8 BOM bytes and keeps accents as UTF-8', async () => {
    const t = await till('PE');
    await product(t, { code: 'AZ1', name: 'Azúcar', price: 250 });
    const bytes = Buffer.from((await t.call('products.export', {})).csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Az\u00facar', 'utf8'))).toBe(true);
  });
});
