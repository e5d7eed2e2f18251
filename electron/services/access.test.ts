/** Refusals name the role they need in plain English: "an admin", "a supervisor". */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, user } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { requireRole, roleWithArticle } from './access';
import type { ServiceContext } from './context';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Sergio', 'supervisor', '2222');
  await user(till, 'Carla', 'cashier', '1111');
});
afterEach(() => till.close());

describe('refusals by role', () => {
  it('say "an admin" for a service check (requireRole)', () => {
    const ctx = { actor: { id: 2, name: 'Sergio', role: 'supervisor' } } as ServiceContext;
    expect(() => requireRole(ctx, 'admin', 'Deleting a sale')).toThrow(
      'Deleting a sale needs an admin or above',
    );
  });

  it('say "an admin" and "a supervisor" for a channel check', async () => {
    const admin = await actingAs(till, 'Sergio', '2222', () =>
      till.fail('users.create', { name: 'Pedro', role: 'cashier', pin: '5555' }),
    );
    expect(admin.message).toBe('users.create needs an admin or above');
    const supervisor = await actingAs(till, 'Carla', '1111', () =>
      till.fail('categories.create', { name: 'Bebidas' }),
    );
    expect(supervisor.message).toMatch(/needs a supervisor or above$/);
  });

  it('put the right article before every role', () => {
    expect(roleWithArticle('admin')).toBe('an admin');
    expect(roleWithArticle('supervisor')).toBe('a supervisor');
    expect(roleWithArticle('cashier')).toBe('a cashier');
  });
});
