import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function rows() {
  return till.db.sqlite.prepare('SELECT id, name, active FROM categories ORDER BY id').all();
}

describe('categories', () => {
  it('creates, lists by name with product counts, and audits', async () => {
    const snacks = await till.call('categories.create', { name: ' Snacks ' });
    const drinks = await till.call('categories.create', { name: 'Bebidas' });
    expect(snacks).toEqual({ id: snacks.id, name: 'Snacks', active: true, productCount: 0 });
    await product(till, { code: 'A', price: 1, categoryId: drinks.id });
    await product(till, { code: 'B', price: 1, categoryId: drinks.id });
    await product(till, { code: 'C', price: 1, categoryId: snacks.id });
    await product(till, { code: 'D', price: 1 });
    expect(await till.call('categories.list', {})).toEqual([
      { id: drinks.id, name: 'Bebidas', active: true, productCount: 2 },
      { id: snacks.id, name: 'Snacks', active: true, productCount: 1 },
    ]);
    const audited = till.db.sqlite
      .prepare("SELECT entity_id FROM audit_log WHERE action = 'categories.create' ORDER BY id")
      .pluck()
      .all();
    expect(audited).toEqual([String(snacks.id), String(drinks.id)]);
  });

  it('lists names in Spanish alphabetical order: accents and case do not push a name to the end', async () => {
    for (const name of ['Limpieza', 'Lácteos', 'abarrotes', 'Bebidas', 'Ñandú', 'Nueces', 'Otros'])
      await till.call('categories.create', { name });
    expect((await till.call('categories.list', {})).map((c) => c.name)).toEqual([
      'abarrotes',
      'Bebidas',
      'Lácteos',
      'Limpieza',
      'Nueces',
      'Ñandú',
      'Otros',
    ]);
  });

  it('counts products by their own category, whatever the ids', async () => {
    // Product 1 in category 2 and product 2 in category 1: a count that compared
    // a product's id with its category would see the wrong ones.
    const first = await till.call('categories.create', { name: 'Uno' });
    const second = await till.call('categories.create', { name: 'Dos' });
    await product(till, { code: 'P1', price: 1, categoryId: second.id });
    await product(till, { code: 'P2', price: 1, categoryId: first.id });
    await product(till, { code: 'P3', price: 1, categoryId: first.id });
    const counts = Object.fromEntries(
      (await till.call('categories.list', {})).map((c) => [c.name, c.productCount]),
    );
    expect(counts).toEqual({ Uno: 2, Dos: 1 });
  });

  it('refuses a duplicate name in any case with CONFLICT', async () => {
    await till.call('categories.create', { name: 'Lácteos' });
    for (const name of ['Lácteos', 'LÁCTEOS', 'lácteos']) {
      const error = await till.fail('categories.create', { name });
      expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_NAME' } });
    }
    expect(rows()).toHaveLength(1);
  });

  it('renames and deactivates; refuses a rename onto another name', async () => {
    const a = await till.call('categories.create', { name: 'Abarrotes' });
    await till.call('categories.create', { name: 'Bebidas' });
    const renamed = await till.call('categories.update', { id: a.id, name: 'Abarrotes secos' });
    expect(renamed.name).toBe('Abarrotes secos');
    const recased = await till.call('categories.update', { id: a.id, name: 'ABARROTES SECOS' });
    expect(recased.name).toBe('ABARROTES SECOS');
    const off = await till.call('categories.update', { id: a.id, active: false });
    expect(off).toMatchObject({ name: 'ABARROTES SECOS', active: false });
    const clash = await till.fail('categories.update', { id: a.id, name: 'bebidas' });
    expect(clash).toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_NAME' } });
    expect(rows()).toEqual([
      { id: a.id, name: 'ABARROTES SECOS', active: 0 },
      { id: a.id + 1, name: 'Bebidas', active: 1 },
    ]);
    expect((await till.fail('categories.update', { id: 999, name: 'X' })).code).toBe('NOT_FOUND');
    const audit = till.db.sqlite
      .prepare(
        "SELECT before, after FROM audit_log WHERE action = 'categories.update' ORDER BY id LIMIT 1",
      )
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.before)).toMatchObject({ name: 'Abarrotes' });
    expect(JSON.parse(audit.after)).toMatchObject({ name: 'Abarrotes secos' });
  });

  it('shows the category name on its products, also after a rename', async () => {
    const c = await till.call('categories.create', { name: 'Panadería' });
    const p = await product(till, { code: 'PAN', price: 30, categoryId: c.id });
    expect(p.categoryName).toBe('Panadería');
    await till.call('categories.update', { id: c.id, name: 'Pan' });
    expect((await till.call('products.get', { id: p.id })).categoryName).toBe('Pan');
  });

  it('deletes an unused category but refuses one in use, even by an inactive product', async () => {
    const used = await till.call('categories.create', { name: 'Usada' });
    const unused = await till.call('categories.create', { name: 'Libre' });
    const p = await product(till, { code: 'X', price: 1, categoryId: used.id });
    await till.call('products.update', { id: p.id, active: false });

    const error = await till.fail('categories.delete', { id: used.id });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CATEGORY_IN_USE', productCount: 1 },
    });
    expect(await till.call('categories.delete', { id: unused.id })).toEqual({ deleted: true });
    expect(rows()).toEqual([{ id: used.id, name: 'Usada', active: 1 }]);
    expect((await till.call('products.get', { id: p.id })).categoryId).toBe(used.id);
    expect((await till.fail('categories.delete', { id: unused.id })).code).toBe('NOT_FOUND');

    await till.call('products.update', { id: p.id, categoryId: null });
    expect(await till.call('categories.delete', { id: used.id })).toEqual({ deleted: true });
    expect(rows()).toEqual([]);
  });

  it('lets only a supervisor change categories and only an admin delete them', async () => {
    const c = await till.call('categories.create', { name: 'Snacks' });
    await till.call('users.create', { name: 'Caro', role: 'cashier', pin: '5678' });
    await till.call('users.create', { name: 'Sofi', role: 'supervisor', pin: '2468' });
    await till.as('Caro', '5678');
    expect((await till.fail('categories.create', { name: 'X' })).code).toBe('FORBIDDEN');
    expect((await till.fail('categories.update', { id: c.id, name: 'X' })).code).toBe('FORBIDDEN');
    expect(await till.call('categories.list', {})).toHaveLength(1);
    await till.as('Sofi', '2468');
    expect((await till.call('categories.create', { name: 'Y' })).name).toBe('Y');
    expect((await till.fail('categories.delete', { id: c.id })).code).toBe('FORBIDDEN');
    expect(rows()).toHaveLength(2);
  });
});
