import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { toPrefixQuery } from './search';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

async function codes(text: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const hits = await till.call('products.search', { text, ...extra });
  return hits.map((h) => h.code);
}

describe('products.search', () => {
  it('finds by name prefix and returns the hit fields', async () => {
    await product(till, {
      code: 'INC500',
      name: 'Inca Kola 500 ml',
      price: 250,
      stock: 24,
    });
    await product(till, { code: 'COC500', name: 'Coca Cola 500 ml', price: 250 });
    const hits = await till.call('products.search', { text: 'inc' });
    expect(hits).toEqual([
      {
        id: expect.any(Number),
        code: 'INC500',
        name: 'Inca Kola 500 ml',
        price: 250,
        stock: 24,
        soldBy: 'unit',
        trackStock: true,
        active: true,
      },
    ]);
    expect(await codes('kol')).toEqual(['INC500']);
    expect((await codes('500')).sort()).toEqual(['COC500', 'INC500']);
    expect(await codes('ola')).toEqual([]); // a prefix search, not a substring one
  });

  it('puts an exact code first, then code matches above name matches', async () => {
    await product(till, { code: 'X1', name: 'Galleta Soda', price: 100 });
    await product(till, { code: 'SODA', name: 'Agua con gas', price: 100 });
    await product(till, { code: 'Z9', name: 'Soda Field', price: 100 });
    const ranked = await codes('soda');
    expect(ranked[0]).toBe('SODA');
    expect(ranked.sort()).toEqual(['SODA', 'X1', 'Z9']);
    const exact = await codes('X1');
    expect(exact[0]).toBe('X1');
  });

  it('finds a product by an exact barcode', async () => {
    const milk = await product(till, {
      code: 'LEC01',
      name: 'Leche',
      price: 420,
      barcodes: ['7750885012348'],
    });
    const hits = await till.call('products.search', { text: '7750885012348' });
    expect(hits.map((h) => h.id)).toEqual([milk.id]);
  });

  it('folds accents both ways', async () => {
    await product(till, { code: 'CAF1', name: 'Café Altomayo', price: 1500 });
    await product(till, { code: 'PAN1', name: 'Pan de Ñuñoa', price: 50 });
    expect(await codes('cafe')).toEqual(['CAF1']);
    expect(await codes('CAFÉ')).toEqual(['CAF1']);
    expect(await codes('nunoa')).toEqual(['PAN1']);
    // Decomposed input (e + combining accent), as some keyboards send it.
    expect(await codes('cafe\u0301')).toEqual(['CAF1']);
  });

  it('needs every word to match (AND)', async () => {
    await product(till, { code: 'A', name: 'Leche Gloria entera', price: 1 });
    await product(till, { code: 'B', name: 'Leche Laive', price: 1 });
    await product(till, { code: 'C', name: 'Yogurt Gloria', price: 1 });
    expect(await codes('leche glo')).toEqual(['A']);
    expect((await codes('leche')).sort()).toEqual(['A', 'B']);
    expect(await codes('glo lec')).toEqual(['A']);
    expect(await codes('leche nada')).toEqual([]);
  });

  it('leaves inactive products out unless asked', async () => {
    const off = await product(till, { code: 'OFF', name: 'Galleta vieja', price: 1 });
    await product(till, { code: 'ON', name: 'Galleta nueva', price: 1 });
    await till.call('products.update', { id: off.id, active: false });
    expect(await codes('galleta')).toEqual(['ON']);
    expect(await codes('OFF')).toEqual([]);
    expect((await codes('galleta', { includeInactive: true })).sort()).toEqual(['OFF', 'ON']);
    const hits = await till.call('products.search', { text: 'OFF', includeInactive: true });
    expect(hits).toMatchObject([{ code: 'OFF', active: false }]);
  });

  it('never throws on FTS syntax typed by a user', async () => {
    await product(till, { code: 'A1', name: 'Aceite "Primor" 1L (oferta)', price: 900 });
    await product(till, { code: 'A2', name: 'Near Beer', price: 900 });
    const inputs = [
      '"',
      '""',
      '"primor',
      'primor"',
      '*',
      'acei*',
      '-aceite',
      'aceite -primor',
      'NEAR',
      'NEAR(aceite primor)',
      'aceite NEAR primor',
      '(',
      ')',
      '(aceite',
      'aceite OR',
      'AND',
      'NOT',
      '^aceite',
      'code:A1',
      'name : aceite',
      '{code name}: x',
      '+',
      "'",
      '\\',
      '%_',
      '   ',
      '',
    ];
    for (const text of inputs) {
      const result = await till.result('products.search', { text });
      expect(result.ok, `search for ${JSON.stringify(text)}`).toBe(true);
    }
    expect(await codes('(aceite')).toEqual(['A1']);
    expect(await codes('"primor"')).toEqual(['A1']);
    expect(await codes('aceite -primor')).toEqual(['A1']);
    expect(await codes('NEAR')).toEqual(['A2']);
    expect(await codes('aceite OR')).toEqual([]); // OR is a word here, and no name has it
  });

  it('follows renames and code changes', async () => {
    const p = await product(till, { code: 'OLD1', name: 'Fideos Molitalia', price: 300 });
    await till.call('products.update', { id: p.id, name: 'Tallarines Don Vittorio' });
    expect(await codes('tallarin')).toEqual(['OLD1']);
    expect(await codes('fideos')).toEqual([]);
    expect(await codes('molitalia')).toEqual([]);
    await till.call('products.update', { id: p.id, code: 'NEW1' });
    expect(await codes('new1')).toEqual(['NEW1']);
    expect(await codes('old1')).toEqual([]);
    // A change that does not touch code or name keeps the entry.
    await till.call('products.update', { id: p.id, price: 350 });
    expect(await till.call('products.search', { text: 'vittorio' })).toMatchObject([
      { code: 'NEW1', price: 350 },
    ]);
    const fts = till.db.sqlite
      .prepare("SELECT COUNT(*) FROM products_fts WHERE products_fts MATCH 'fideos'")
      .pluck()
      .get();
    expect(fts).toBe(0);
  });

  it('keeps the index in step with every product (integrity check)', async () => {
    for (let i = 0; i < 30; i++)
      await product(till, { code: `P${i}`, name: `Producto ${i}`, price: 1 });
    await till.call('products.update', { id: 3, name: 'Renombrado' });
    expect(() =>
      till.db.sqlite.exec("INSERT INTO products_fts(products_fts) VALUES ('integrity-check')"),
    ).not.toThrow();
  });

  it('lists codes, then names, that start with the typed text before other matches', async () => {
    await product(till, { code: 'Z1', name: 'Galleta Salada', price: 1 });
    await product(till, { code: 'Z2', name: 'Salsa Roja', price: 1 });
    await product(till, { code: 'SAL9', name: 'Azúcar', price: 1 });
    await product(till, { code: 'Z3', name: 'sal de mesa', price: 1 });
    expect(await codes('sal')).toEqual(['SAL9', 'Z3', 'Z2', 'Z1']);
    expect(await codes('SAL  DE')).toEqual(['Z3']);
    // Accents are only folded by the word match, which still finds the rest.
    expect(await codes('azuc')).toEqual(['SAL9']);
  });

  it('still fills the limit when the best word matches are inactive', async () => {
    const sqlite = till.db.sqlite;
    // Many inactive products whose code matches better than the active ones' names.
    sqlite.transaction(() => {
      for (let i = 0; i < 300; i++)
        sqlite
          .prepare(
            `INSERT INTO products (code, name, price, tax_category, active, created_at, updated_at)
             VALUES (?, ?, 1, (SELECT code FROM tax_categories LIMIT 1), 0, '', '')`,
          )
          .run(`X-KOLA-${i}`, `Viejo ${i}`);
    })();
    for (let i = 0; i < 5; i++)
      await product(till, { code: `K${i}`, name: `Inca Kola ${i}`, price: 1 });
    expect((await codes('kola')).sort()).toEqual(['K0', 'K1', 'K2', 'K3', 'K4']);
    expect(await codes('kola', { includeInactive: true, limit: 100 })).toHaveLength(100);
  });

  it('respects the limit', async () => {
    for (let i = 0; i < 12; i++)
      await product(till, { code: `G${i}`, name: `Galleta ${i}`, price: 1 });
    expect(await codes('galleta', { limit: 5 })).toHaveLength(5);
    expect(await codes('galleta')).toHaveLength(12);
    expect(await codes('G3', { limit: 1 })).toEqual(['G3']);
  });
});

describe('toPrefixQuery', () => {
  it('quotes every word and adds the prefix star', () => {
    expect(toPrefixQuery('coca 1')).toBe('"coca"* "1"*');
    expect(toPrefixQuery('NEAR(a b)')).toBe('"NEAR"* "a"* "b"*');
    expect(toPrefixQuery(' -- ')).toBeNull();
  });
});
