/**
 * Files as Excel writes them (issue 13): the import gets the bytes and finds
 * the encoding, the separator and decimal commas, on a real SQLite file.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../core/api/model';
import { csvFile } from '../../testing/csv-file';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

/** "CSV delimitado por comas" from Excel in Spanish: ";" between cells, decimal commas. */
const SPANISH_EXCEL =
  'codigo;nombre;categoria;precio;costo;stock\r\n' +
  'AZ1;Azúcar rubia 1 kg;Abarrotes;4,50;3,80;12\r\n' +
  'CF1;Café molido Altomayo;Bebidas;12,30;;0,750\r\n';

async function importBytes(bytes: Uint8Array, options: Record<string, unknown> = {}) {
  return till.call('products.import', { file: csvFile(bytes), ...options });
}

async function names(): Promise<string[]> {
  return till.db.sqlite
    .prepare('SELECT name FROM products ORDER BY code')
    .pluck()
    .all() as string[];
}

describe('products.import: the encodings Excel writes', () => {
  const cases: [string, Uint8Array, ImportReport['encoding']][] = [
    ['Windows-1252', iconv.encode(SPANISH_EXCEL, 'win1252'), 'windows-1252'],
    ['UTF-16LE with a BOM', iconv.encode(SPANISH_EXCEL, 'utf16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16BE with a BOM', iconv.encode(SPANISH_EXCEL, 'utf16be', { addBOM: true }), 'utf-16be'],
    ['UTF-8 with a BOM', Buffer.from(`\uFEFF${SPANISH_EXCEL}`, 'utf8'), 'utf-8-bom'],
    ['UTF-8 without a BOM', Buffer.from(SPANISH_EXCEL, 'utf8'), 'utf-8'],
  ];
  for (const [label, bytes, encoding] of cases) {
    it(`reads ${label} with ";" and decimal commas, accents intact`, async () => {
      const preview = await importBytes(bytes, { dryRun: true });
      expect(preview).toMatchObject({ encoding, separator: ';', created: 2, errors: [] });
      const report = await importBytes(bytes);
      expect(report).toMatchObject({ encoding, created: 2, errors: [] });
      expect(await names()).toEqual(['Azúcar rubia 1 kg', 'Café molido Altomayo']);
      expect(await till.call('products.get', { code: 'AZ1' })).toMatchObject({
        price: 450,
        cost: 380,
        stock: 12,
      });
      expect((await till.call('products.get', { code: 'CF1' })).stock).toBe(0.75);
    });
  }

  it('refuses invalid UTF-8 that is not Windows-1252 text, naming the line; writes nothing', async () => {
    // Shift_JIS: two-byte characters, which Windows-1252 would turn into mojibake.
    const bytes = iconv.encode(
      'codigo,nombre,precio\r\nJ1,日本茶のティーバッグ,4.50\r\n',
      'shift_jis',
    );
    const error = await till.fail('products.import', { file: csvFile(bytes) });
    const report = error.details?.report as ImportReport;
    expect(report.errors).toMatchObject([{ line: 2, field: null, reason: 'INVALID_ENCODING' }]);
    expect(report.encoding).toBeNull();
    expect(await names()).toEqual([]);
  });

  it('refuses a binary file and a file whose accents were already lost (U+FFFD)', async () => {
    const binary = Uint8Array.from([0x63, 0x6f, 0x64, 0x00, 0x01, 0x02, 0xff, 0x10, 0x80]);
    const first = await till.fail('products.import', { file: csvFile(binary) });
    expect((first.details?.report as ImportReport).errors[0]!.reason).toBe('NOT_TEXT');
    const damaged = Buffer.from('codigo,nombre,precio\r\nA1,Az\uFFFDcar,2.50\r\n', 'utf8');
    const second = await till.fail('products.import', { file: csvFile(damaged) });
    expect((second.details?.report as ImportReport).errors).toMatchObject([
      { line: 2, reason: 'REPLACEMENT_CHARACTER' },
    ]);
    expect(await names()).toEqual([]);
  });

  it('refuses an ambiguous price with the hint of a typed field', async () => {
    const error = await till.fail('products.import', {
      file: csvFile('codigo;nombre;precio\r\nA1;Arroz;1,234\r\nA2;Sal;1.234,50\r\n'),
    });
    const report = error.details?.report as ImportReport;
    expect(report.errors).toMatchObject([
      {
        line: 2,
        field: 'precio',
        reason: 'AMBIGUOUS_SEPARATOR',
        details: { input: '1,234', whole: '1234' },
      },
    ]);
  });
});

describe('products.import: re-importing an older catalogue', () => {
  const OLD_CSV = 'codigo;nombre;precio;stock\r\nAZ1;Azúcar rubia 1 kg;2,50;96\r\n';

  async function edited() {
    const created = await till.call('products.create', {
      code: 'AZ1',
      name: 'Azúcar rubia 1 kg',
      price: 250,
      initialStock: 96,
    });
    // Since the old file was written: a new price and a count of the shelf.
    await till.call('products.update', { id: created.id, price: 280 });
    await till.call('stock.adjust', { productId: created.id, counted: 48, reason: 'Conteo' });
    return created.id;
  }

  it('previews the price change old → new and leaves stock alone', async () => {
    const id = await edited();
    const preview = await till.call('products.import', {
      file: csvFile(iconv.encode(OLD_CSV, 'win1252')),
      dryRun: true,
    });
    expect(preview).toMatchObject({ updated: 1, created: 0, setStock: false });
    expect(preview.changes).toEqual([
      {
        line: 2,
        code: 'AZ1',
        name: 'Azúcar rubia 1 kg',
        fields: [{ field: 'price', from: 280, to: 250 }],
        stock: { from: 48, to: 96, applied: false },
      },
    ]);
    const report = await till.call('products.import', {
      file: csvFile(iconv.encode(OLD_CSV, 'win1252')),
    });
    expect(report.changes).toEqual(preview.changes);
    expect(await till.call('products.get', { id })).toMatchObject({ price: 250, stock: 48 });
    const movements = await till.call('stock.movements', { productId: id, limit: 10 });
    expect(movements.map((m) => m.kind)).toEqual(['ADJUST', 'INITIAL']);
  });

  it('with setStock, reaches the file stock by an audited ADJUST movement with the reason', async () => {
    const id = await edited();
    const refused = await till.fail('products.import', {
      file: csvFile(OLD_CSV),
      setStock: true,
    });
    expect(refused.code).toBe('VALIDATION');
    const report = await till.call('products.import', {
      file: csvFile(OLD_CSV),
      setStock: true,
      stockReason: 'Inventario de diciembre',
    });
    expect(report.changes[0]!.stock).toEqual({ from: 48, to: 96, applied: true });
    expect(await till.call('products.get', { id })).toMatchObject({ price: 250, stock: 96 });
    const [last] = await till.call('stock.movements', { productId: id, limit: 1 });
    expect(last).toMatchObject({
      kind: 'ADJUST',
      quantity: 48,
      reason: 'Inventario de diciembre',
      balanceAfter: 96,
    });
    const audit = till.db.sqlite
      .prepare(
        "SELECT reason, before, after FROM audit_log WHERE action = 'stock.adjust' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(audit).toEqual({
      reason: 'Inventario de diciembre',
      before: '{"stock":48}',
      after: '{"stock":96}',
    });
  });

  it('writes nothing for a row that changes nothing', async () => {
    await till.call('products.create', { code: 'AZ1', name: 'Azúcar rubia 1 kg', price: 250 });
    const audits = () =>
      till.db.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    await till.call('products.create', { code: 'AZ2', name: 'Azúcar blanca 1 kg', price: 260 });
    const file = csvFile(
      'codigo;nombre;precio\r\nAZ1;Azúcar rubia 1 kg;2,50\r\nAZ2;Azúcar blanca 1 kg;2,80\r\n',
    );
    // The preview counts only the row that changes as "Se actualizarán", the other as "sin cambios".
    const preview = await till.call('products.import', { file, dryRun: true });
    expect(preview).toMatchObject({ created: 0, updated: 1, unchanged: 1, skipped: 0 });
    const before = audits();
    const report = await till.call('products.import', { file });
    expect(report).toMatchObject({ updated: 1, unchanged: 1 });
    expect(report.changes.map((c) => c.code)).toEqual(['AZ2']);
    // The import's own audit row (the API's) and AZ2's change; nothing for AZ1.
    expect(audits() - before).toBeLessThanOrEqual(2);
  });
});

describe('products.import: the file size', () => {
  it('takes the largest file the webhost body can carry as base64', async () => {
    const { MAX_IMPORT_BYTES } = await import('../../../core/api/areas/catalog');
    const { MAX_IMPORT_BODY } = await import('../../webhost/body');
    const base64 = 4 * Math.ceil(MAX_IMPORT_BYTES / 3);
    // The JSON around it ({"file":"…","dryRun":true}) is a few dozen bytes.
    expect(base64 + 100).toBeLessThan(MAX_IMPORT_BODY);
  });
});
