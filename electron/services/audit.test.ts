import { afterEach, describe, expect, it } from 'vitest';
import { actingAs, product, user } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';

let till: Till;
afterEach(() => till.close());

describe('audit.list', () => {
  it('filters by action, outcome, user, days and pages newest first', async () => {
    till = await setUpTill('PE');
    const carla = await user(till, 'Carla', 'cashier', '1111');
    await user(till, 'Sergio', 'supervisor', '2222');
    const p = await product(till, { code: 'P', price: 100, stock: 5 });
    await actingAs(till, 'Carla', '1111', () =>
      till.fail('stock.adjust', { productId: p.id, delta: 1, reason: 'x' }),
    );
    till.clock.now = new Date('2026-03-08T12:00:00.000Z');
    await till.call('stock.adjust', { productId: p.id, delta: 2, reason: 'compra' });

    const all = await till.call('audit.list', {});
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((x, y) => y - x));
    expect(all[0]).toMatchObject({
      action: 'stock.adjust',
      outcome: 'ok',
      userName: 'Ana',
      entity: 'product',
      entityId: String(p.id),
      reason: 'compra',
      before: { stock: 5 },
      after: { stock: 7 },
    });
    const denied = await till.call('audit.list', { outcome: 'denied' });
    expect(denied.map((e) => [e.action, e.userName])).toEqual([['stock.adjust', 'Carla']]);
    const byCarla = await till.call('audit.list', { userId: carla.id });
    expect(byCarla.map((e) => [e.action, e.outcome])).toEqual([
      ['stock.adjust', 'denied'],
      ['auth.login', 'ok'],
    ]);
    const creates = await till.call('audit.list', { action: 'users.create' });
    expect(creates.map((e) => (e.after as { name: string }).name)).toEqual(['Sergio', 'Carla']);
    const eighth = await till.call('audit.list', { from: '2026-03-08', to: '2026-03-08' });
    expect(eighth.map((e) => e.action)).toEqual(['stock.adjust']);
    const sixth = await till.call('audit.list', { to: '2026-03-06' });
    expect(sixth.length).toBe(all.length - 1);
    const page = await till.call('audit.list', { limit: 2, beforeId: all[0]!.id });
    expect(page.map((e) => e.id)).toEqual([all[1]!.id, all[2]!.id]);
    const forbidden = await actingAs(till, 'Carla', '1111', () => till.fail('audit.list', {}));
    expect(forbidden.code).toBe('FORBIDDEN');
  });
});
