/** An import cannot get round the API's text rule: rows with control or bidi characters are refused. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../core/api/model';
import { countRows } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { csvFile } from '../../testing/csv-file';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

const header = 'codigo,nombre,precio,categoria\n';

describe('products.import with control characters', () => {
  it('refuses every such row, naming its column, and imports nothing', async () => {
    const csv =
      header +
      'A1,Arroz,4.50,Abarrotes\n' + // 2: fine
      'A2,Inca\u0000Kola,2.50,Bebidas\n' + // 3: NUL in the name
      'A3,Azúcar \u202Eanil,3.00,\n' + // 4: right-to-left override in the name
      'A4,Sal,1.00,Abarro\u2066tes\n' + // 5: isolate in the category
      'A5,"Aceite\nVegetal",9.90,\n' + // 6-7: a line break inside a quoted name
      'A\u200F6,Fideo,1.00,\n' + // 8: right-to-left mark in the code
      'A7,Leche\u001B[2J,4.20,\n'; // 9: escape sequence
    const before = {
      products: countRows(till, 'products'),
      categories: countRows(till, 'categories'),
    };
    const error = await till.fail('products.import', { file: csvFile(csv) });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'IMPORT_HAS_ERRORS' } });
    const report = error.details?.report as ImportReport;
    expect(report.errors.map((e) => [e.line, e.field, e.reason])).toEqual([
      [3, 'nombre', 'CONTROL_CHARACTERS'],
      [4, 'nombre', 'CONTROL_CHARACTERS'],
      [5, 'categoria', 'CONTROL_CHARACTERS'],
      [6, 'nombre', 'CONTROL_CHARACTERS'],
      [8, 'codigo', 'CONTROL_CHARACTERS'],
      [9, 'nombre', 'CONTROL_CHARACTERS'],
    ]);
    expect(report.errors[1]!.message).toContain('U+202E');
    expect({
      products: countRows(till, 'products'),
      categories: countRows(till, 'categories'),
    }).toEqual(before);

    // With skipInvalid only the clean row goes in.
    const skipped = await till.call('products.import', { file: csvFile(csv), skipInvalid: true });
    expect(skipped).toMatchObject({ created: 1, skipped: 6 });
    const names = till.db.sqlite.prepare('SELECT name FROM products').pluck().all();
    expect(names).toEqual(['Arroz']);
  });
});
