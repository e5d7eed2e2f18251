import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../core/api/model';
import { product } from '../../testing/fixtures';
import type { ServiceContext } from '../context';
import { importProductsCsvInChunks, IMPORT_CHUNK_ROWS } from './csv-import';
import { setUpTill, type Till } from '../../testing/till';
import { csvFile } from '../../testing/csv-file';

const bytes = (csv: string) => ({ bytes: Buffer.from(csv, 'utf8') });

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function count(table: string, where = '1 = 1', ...params: unknown[]): number {
  return (
    till.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as {
      n: number;
    }
  ).n;
}

function snapshot() {
  return {
    products: count('products'),
    movements: count('stock_movements'),
    categories: count('categories'),
    barcodes: count('product_barcodes'),
    outbox: count('outbox'),
  };
}

async function importCsv(csv: string, options: { skipInvalid?: boolean; dryRun?: boolean } = {}) {
  return till.call('products.import', { file: csvFile(csv), ...options });
}

async function refused(csv: string): Promise<ImportReport> {
  const error = await till.fail('products.import', { file: csvFile(csv) });
  expect(error.code).toBe('VALIDATION');
  expect(error.details?.reason).toBe('IMPORT_HAS_ERRORS');
  return error.details?.report as ImportReport;
}

function issues(report: ImportReport) {
  return report.errors.map((e) => [e.line, e.field, e.reason]);
}

describe('products.import: reading the file', () => {
  it('creates products from Spanish headers with ";" and a BOM', async () => {
    const csv =
      '\uFEFFcodigo;nombre;categoria;unidad;precio;costo;impuesto;stock;stock_minimo;controla_stock;activo;codigos_barras\r\n' +
      'ARZ01;Arroz Costeño 5kg;Abarrotes;unidad;21.90;18.50;igv;10;2;si;si;7750885012348|7501234567893\r\n' +
      'QSO01;Queso fresco;Lácteos;peso;28.00;;EXONERADO;2.5;;no;sí;\r\n';
    const report = await importCsv(csv);
    expect(report).toEqual({
      dryRun: false,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errors: [],
      encoding: 'utf-8-bom',
      separator: ';',
      changes: [],
      setStock: false,
    });
    const rice = await till.call('products.get', { code: 'ARZ01' });
    expect(rice).toMatchObject({
      name: 'Arroz Costeño 5kg',
      categoryName: 'Abarrotes',
      soldBy: 'unit',
      price: 2190,
      cost: 1850,
      taxCategory: 'IGV',
      stock: 10,
      minStock: 2,
      trackStock: true,
      active: true,
      barcodes: ['7501234567893', '7750885012348'],
    });
    const cheese = await till.call('products.get', { code: 'QSO01' });
    expect(cheese).toMatchObject({
      categoryName: 'Lácteos',
      soldBy: 'weight',
      price: 2800,
      cost: 0,
      taxCategory: 'EXONERADO',
      stock: 2.5,
      trackStock: false,
      barcodes: [],
    });
  });

  it('accepts English headers with "," and quoted fields', async () => {
    const csv =
      'Code,Name,Price,Category,Unit,Tax,Stock,Barcodes,Active\n' +
      'GAL1,"Galletas Soda, paquete x6",3.50,Snacks,unit,IGV,12,7750000000014,yes\n' +
      'GAL2,"Galleta ""Casino""",1.20,Snacks,,,,,no\n';
    const report = await importCsv(csv);
    expect(report).toMatchObject({ created: 2, errors: [] });
    expect(await till.call('products.get', { code: 'GAL1' })).toMatchObject({
      name: 'Galletas Soda, paquete x6',
      price: 350,
      stock: 12,
      barcodes: ['7750000000014'],
      categoryName: 'Snacks',
    });
    expect(await till.call('products.get', { code: 'GAL2' })).toMatchObject({
      name: 'Galleta "Casino"',
      price: 120,
      active: false,
    });
    expect(count('categories')).toBe(1);
  });

  it('files products under an existing category whatever its case', async () => {
    const dairy = await till.call('categories.create', { name: 'Lácteos' });
    const csv = 'codigo,nombre,precio,categoria\nL1,Leche,4.20,LÁCTEOS\nL2,Yogur,3.00,lácteos\n';
    expect(await importCsv(csv)).toMatchObject({ created: 2 });
    const list = await till.call('categories.list', {});
    expect(list).toEqual([{ id: dairy.id, name: 'Lácteos', active: true, productCount: 2 }]);
  });

  it('reads CRLF files with a BOM and "," and the permite_negativo column', async () => {
    const csv =
      '\uFEFFcodigo,nombre,precio,permite_negativo,stock_minimo\r\nN1,Pan,0.30,si,1.5\r\nN2,Sal,1.00,no,\r\n';
    expect(await importCsv(csv)).toMatchObject({ created: 2, errors: [] });
    expect(await till.call('products.get', { code: 'N1' })).toMatchObject({
      allowNegative: true,
      minStock: 1.5,
      price: 30,
    });
    expect((await till.call('products.get', { code: 'N2' })).allowNegative).toBe(false);
  });

  it('reports missing and unknown columns on line 1 and writes nothing', async () => {
    const report = await refused('codigo;nombre;colour\nA1;Arroz;rojo\n');
    expect(issues(report)).toEqual([
      [1, 'colour', 'UNKNOWN_COLUMN'],
      [1, 'precio', 'MISSING_COLUMN'],
    ]);
    expect(count('products')).toBe(0);
    expect((await refused('')).errors[0]).toMatchObject({ line: 1, reason: 'EMPTY_FILE' });
  });
});

describe('products.import: bad rows', () => {
  const header = 'codigo,nombre,precio,impuesto,stock,unidad,codigos_barras,activo\n';
  const bad =
    header +
    'A1,Arroz,4.50,IGV,10,,,\n' + // 2: fine
    ',Sin código,1.00,,,,,\n' + // 3: code
    'A3,,1.00,,,,,\n' + // 4: name
    'A4,Azúcar,abc,,,,,\n' + // 5: price
    'A5,Sal,1.00,IVA,,,,\n' + // 6: tax category
    'A6,Aceite,1.00,,,caja,,\n' + // 7: unit
    'A7,Fideo,1.00,,diez,,,\n' + // 8: stock
    'A1,Arroz otra vez,4.50,,,,,\n' + // 9: duplicate code
    'A9,Leche,1.00,,,,7750885012341,\n' + // 10: bad check digit
    'A10,Pan,1.00,,,,,quizas\n' + // 11: flag
    'A11,Huevo,99999999999999,,,,,\n' + // 12: price out of range
    'A12,Agua,1.00,,5,,,\n'; // 13: fine

  it('reports every bad row with its line and field; nothing is written', async () => {
    const before = snapshot();
    const report = await refused(bad);
    expect(issues(report)).toEqual([
      [3, 'codigo', 'INVALID_CODE'],
      [4, 'nombre', 'INVALID_NAME'],
      [5, 'precio', 'INVALID_CHARACTER'],
      [6, 'impuesto', 'UNKNOWN_TAX_CATEGORY'],
      [7, 'unidad', 'INVALID_UNIT'],
      [8, 'stock', 'INVALID_CHARACTER'],
      [9, 'codigo', 'DUPLICATE_IN_FILE'],
      [10, 'codigos_barras', 'BAD_CHECK_DIGIT'],
      [11, 'activo', 'INVALID_FLAG'],
      [12, 'precio', 'OUT_OF_RANGE'],
    ]);
    expect(report).toMatchObject({ rows: 12, created: 0, updated: 0, skipped: 12 });
    expect(snapshot()).toEqual(before);
  });

  it('writes the good rows with skipInvalid', async () => {
    const report = await importCsv(bad, { skipInvalid: true });
    expect(report).toMatchObject({ rows: 12, created: 2, updated: 0, skipped: 10 });
    expect(report.errors).toHaveLength(10);
    const codes = till.db.sqlite.prepare('SELECT code FROM products ORDER BY code').pluck().all();
    expect(codes).toEqual(['A1', 'A12']);
    expect((await till.call('products.get', { code: 'A1' })).name).toBe('Arroz');
    expect(count('stock_movements', "kind = 'IMPORT'")).toBe(2);
  });

  it('checks everything on a dry run and writes nothing', async () => {
    await product(till, { code: 'A12', name: 'Agua vieja', price: 1 });
    const before = snapshot();
    const report = await importCsv(bad, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, rows: 12, created: 1, updated: 1, skipped: 10 });
    expect(report.errors).toHaveLength(10);
    expect(snapshot()).toEqual(before);
    expect((await till.call('products.get', { code: 'A12' })).name).toBe('Agua vieja');
  });

  it('counts lines in the file, past blank lines and multi-line names', async () => {
    const csv =
      'codigo,nombre,precio\n' + // 1
      'A1,Arroz,1.00\n' + // 2
      '\n' + // 3
      'A2,"Leche\nentera",1.00\n' + // 4-5
      '  \n' + // 6
      'A3,Pan,xx\n'; // 7
    const report = await refused(csv);
    // A line break in a name is refused like in the API; the lines after it still count.
    expect(issues(report)).toEqual([
      [4, 'nombre', 'CONTROL_CHARACTERS'],
      [7, 'precio', 'INVALID_CHARACTER'],
    ]);
    expect(report.rows).toBe(3);
  });

  it('reports a barcode owned by another product on its line, all or nothing', async () => {
    await product(till, { code: 'OWN', price: 100, barcodes: ['7750885012348'] });
    const csv =
      'codigo,nombre,precio,codigos_barras,stock\n' +
      'N1,Nuevo,1.00,,4\n' +
      'N2,Choca,1.00,7750885012348,3\n';
    const before = snapshot();
    const report = await refused(csv);
    expect(issues(report)).toEqual([[3, 'codigos_barras', 'BARCODE_TAKEN']]);
    expect(snapshot()).toEqual(before);

    const skipped = await importCsv(csv, { skipInvalid: true });
    expect(skipped).toMatchObject({ created: 1, skipped: 1 });
    expect(issues(skipped)).toEqual([[3, 'codigos_barras', 'BARCODE_TAKEN']]);
    expect(count('products', "code = 'N2'")).toBe(0);
    expect(
      count('stock_movements', 'product_id = (SELECT id FROM products WHERE code = ?)', 'N1'),
    ).toBe(1);
    expect((await till.call('products.get', { code: 'OWN' })).barcodes).toEqual(['7750885012348']);
  });

  it('refuses the same barcode on two rows of the file', async () => {
    const csv =
      'codigo,nombre,precio,codigos_barras\n' +
      'B1,Uno,1.00,7750885012348\n' +
      'B2,Dos,1.00,7501234567893|7750885012348\n';
    expect(issues(await refused(csv))).toEqual([[3, 'codigos_barras', 'DUPLICATE_IN_FILE']]);
  });
});

describe('products.import: stock and updates', () => {
  it('gives new products their stock (IMPORT) and leaves existing stock alone', async () => {
    const existing = await product(till, { code: 'E1', name: 'Existente', price: 100, stock: 10 });
    const csv =
      'codigo,nombre,precio,stock\n' +
      'E1,Existente renombrado,1.50,4\n' + // the file says 4, the shelf has 10
      'N1,Nuevo,2.00,7.5\n' +
      'N2,Sin stock,2.00,\n' +
      'N3,Negativo,2.00,-2\n';
    const report = await importCsv(csv);
    expect(report).toMatchObject({ created: 3, updated: 1, errors: [], setStock: false });
    expect(report.changes).toEqual([
      {
        line: 2,
        code: 'E1',
        name: 'Existente',
        fields: [
          { field: 'name', from: 'Existente', to: 'Existente renombrado' },
          { field: 'price', from: 100, to: 150 },
        ],
        stock: { from: 10, to: 4, applied: false },
      },
    ]);
    const moves = till.db.sqlite
      .prepare(
        'SELECT p.code, m.kind, m.quantity, m.balance_after AS balance FROM stock_movements m JOIN products p ON p.id = m.product_id ORDER BY m.id',
      )
      .all();
    expect(moves).toEqual([
      { code: 'E1', kind: 'INITIAL', quantity: 10000, balance: 10000 },
      { code: 'N1', kind: 'IMPORT', quantity: 7500, balance: 7500 },
      { code: 'N3', kind: 'IMPORT', quantity: -2000, balance: -2000 },
    ]);
    const mismatched = till.db.sqlite
      .prepare(
        'SELECT code FROM products p WHERE stock <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE product_id = p.id)',
      )
      .all();
    expect(mismatched).toEqual([]);
    expect(await till.call('products.get', { id: existing.id })).toMatchObject({
      name: 'Existente renombrado',
      price: 150,
      stock: 10,
    });
  });

  it('keeps fields the file leaves out when updating', async () => {
    const category = await till.call('categories.create', { name: 'Bebidas' });
    const p = await product(till, {
      code: 'U1',
      price: 100,
      cost: 60,
      categoryId: category.id,
      taxCategory: 'EXONERADO',
      barcodes: ['7750885012348'],
      soldBy: 'weight',
    });
    await importCsv('codigo,nombre,precio\nU1,Nuevo nombre,2.00\n');
    expect(await till.call('products.get', { id: p.id })).toMatchObject({
      name: 'Nuevo nombre',
      price: 200,
      cost: 60,
      categoryId: category.id,
      taxCategory: 'EXONERADO',
      barcodes: ['7750885012348'],
      soldBy: 'weight',
      stock: 0,
    });
    expect(count('stock_movements')).toBe(0);
  });
});

describe('products.import: barcodes moving between products in one file', () => {
  it('lets a row take a barcode that an earlier row of the file took off another product', async () => {
    await product(till, { code: 'OLD', price: 100, barcodes: ['7750885012348'] });
    const csv =
      'codigo,nombre,precio,codigos_barras\n' +
      'OLD,Viejo,1.00,7501234567893\n' + // gives 7750885012348 up
      'NEW,Nuevo,1.00,7750885012348\n'; // and takes it
    expect(await importCsv(csv, { dryRun: true })).toMatchObject({ created: 1, updated: 1 });
    expect(await importCsv(csv)).toMatchObject({ created: 1, updated: 1, errors: [] });
    expect((await till.call('products.get', { code: 'NEW' })).barcodes).toEqual(['7750885012348']);
  });

  it('refuses it when the taking row comes first, as writing in file order would', async () => {
    await product(till, { code: 'OLD', price: 100, barcodes: ['7750885012348'] });
    const csv =
      'codigo,nombre,precio,codigos_barras\n' +
      'NEW,Nuevo,1.00,7750885012348\n' +
      'OLD,Viejo,1.00,7501234567893\n';
    expect(issues(await refused(csv))).toEqual([[2, 'codigos_barras', 'BARCODE_TAKEN']]);
  });
});

describe('products.import in chunks', () => {
  function context(progress?: (done: number, total: number) => void): ServiceContext {
    return {
      db: till.db,
      actor: till.session.actor,
      now: () => till.clock.now,
      newId: till.uuid,
      ...(progress ? { progress } : {}),
    };
  }

  function catalog(rows: number, lastBarcode = ''): string {
    const lines = ['codigo,nombre,precio,stock,codigos_barras'];
    for (let i = 1; i <= rows; i++)
      lines.push(`C${i},Producto ${i},1.00,3,${i === rows ? lastBarcode : ''}`);
    return `${lines.join('\n')}\n`;
  }

  it('writes in several transactions and tells its progress', async () => {
    const rows = IMPORT_CHUNK_ROWS * 2 + 7;
    const seen: [number, number][] = [];
    const report = await importProductsCsvInChunks(
      context((done, total) => seen.push([done, total])),
      { ...bytes(catalog(rows)), skipInvalid: false, dryRun: false, setStock: false },
    );
    expect(report).toMatchObject({ rows, created: rows, updated: 0, errors: [] });
    expect(seen[0]).toEqual([0, rows]);
    expect(seen.at(-1)).toEqual([rows, rows]);
    expect(seen.length).toBeGreaterThanOrEqual(4); // 0, then at least three chunks
    const done = seen.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(count('products')).toBe(rows);
    expect(count('stock_movements', "kind = 'IMPORT'")).toBe(rows);
  });

  it('stops with IMPORT_INTERRUPTED when a later row was taken meanwhile; running it again completes it', async () => {
    const rows = IMPORT_CHUNK_ROWS + 100;
    const csv = catalog(rows, '7750885012348');
    let raced = false;
    const race = (done: number) => {
      if (done === 0 || raced) return;
      raced = true;
      // Another till creates a product with the file's last barcode between two chunks.
      void till.api.call(
        'products.create',
        { code: 'RACE', name: 'Carrera', price: 100, barcodes: ['7750885012348'] },
        till.session,
      );
    };
    await expect(
      importProductsCsvInChunks(context(race), {
        ...bytes(csv),
        skipInvalid: false,
        dryRun: false,
        setStock: false,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'IMPORT_INTERRUPTED' },
    });
    const written = count('products', "code LIKE 'C%'");
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(rows);

    // The barcode goes back to its file row; the same file then completes the import.
    await till.call('products.update', {
      id: (await till.call('products.get', { code: 'RACE' })).id,
      barcodes: [],
    });
    const again = await importProductsCsvInChunks(context(), {
      ...bytes(csv),
      skipInvalid: false,
      dryRun: false,
      setStock: false,
    });
    // The rows written twice change nothing the second time: "sin cambios", not updates.
    expect(again).toMatchObject({
      created: rows - written,
      updated: 0,
      unchanged: written,
      errors: [],
    });
    expect(count('products', "code LIKE 'C%'")).toBe(rows);
    expect(count('stock_movements', "kind = 'IMPORT'")).toBe(rows);
  });
});
