import { eq, sql } from 'drizzle-orm';
import { sortByName } from '../../../core/collate';
import { DomainError } from '../../../core/errors';
import type { Category } from '../../../core/api/model';
import { categories } from '../../../db/schema';
import type { AreaHandlers } from '../../handler';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { loadStore } from '../store';

function listCategories(ctx: ServiceContext): Category[] {
  // Sorted here, not by ORDER BY: SQLite compares bytes, so "Lácteos" would follow "Limpieza".
  const rows = ctx.db.orm
    .select({
      id: categories.id,
      name: categories.name,
      active: categories.active,
      // Spelled out: in a one-table select drizzle drops the table names, and a bare
      // "id" inside the subquery would be the product's own id.
      productCount: sql<number>`(SELECT COUNT(*) FROM products p WHERE p.category_id = categories.id)`,
    })
    .from(categories)
    .all();
  return sortByName(rows, loadStore(ctx).settings.locale);
}

function categoryById(ctx: ServiceContext, id: number): Category {
  const found = listCategories(ctx).find((c) => c.id === id);
  if (!found) throw new DomainError('NOT_FOUND', `Category ${id} does not exist`);
  return found;
}

/**
 * The category with this name in any case. SQLite's NOCASE folds ASCII only, so
 * "LÁCTEOS" would not meet "Lácteos"; the comparison is done here, where case
 * folding knows Spanish. Accents still count: "Te" and "Té" are two names.
 */
function byName(ctx: ServiceContext, name: string) {
  return ctx.db.orm
    .select()
    .from(categories)
    .all()
    .find((c) => c.name.localeCompare(name, 'es', { sensitivity: 'accent' }) === 0);
}

/** Finds a category by name (any case) or creates it; used by the CSV import too. */
export function ensureCategory(ctx: ServiceContext, name: string): number {
  const existing = byName(ctx, name);
  if (existing) return existing.id;
  const row = ctx.db.orm.insert(categories).values({ name }).returning().get();
  writeAudit(ctx, {
    action: 'categories.create',
    entity: 'category',
    entityId: row.id,
    after: row,
  });
  return row.id;
}

export const categoriesHandlers: AreaHandlers<'categories'> = {
  'categories.list': { access: 'user', run: (_input, ctx) => listCategories(ctx) },
  'categories.create': {
    access: 'supervisor',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        if (byName(ctx, input.name)) {
          throw new DomainError('CONFLICT', `Category ${input.name} already exists`, {
            reason: 'DUPLICATE_NAME',
            path: ['name'],
          });
        }
        return categoryById(ctx, ensureCategory(ctx, input.name));
      }),
  },
  'categories.update': {
    access: 'supervisor',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        const before = categoryById(ctx, input.id);
        if (input.name !== undefined) {
          const clash = byName(ctx, input.name);
          if (clash && clash.id !== input.id) {
            throw new DomainError('CONFLICT', `Category ${input.name} already exists`, {
              reason: 'DUPLICATE_NAME',
              path: ['name'],
            });
          }
        }
        const { id, ...changes } = input;
        if (Object.keys(changes).length > 0)
          ctx.db.orm.update(categories).set(changes).where(eq(categories.id, id)).run();
        const after = categoryById(ctx, id);
        writeAudit(ctx, {
          action: 'categories.update',
          entity: 'category',
          entityId: id,
          before,
          after,
        });
        return after;
      }),
  },
  'categories.delete': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        const before = categoryById(ctx, input.id);
        if (before.productCount > 0) {
          throw new DomainError(
            'CONFLICT',
            `Category ${before.name} still has ${before.productCount} products`,
            {
              reason: 'CATEGORY_IN_USE',
              productCount: before.productCount,
            },
          );
        }
        ctx.db.orm.delete(categories).where(eq(categories.id, input.id)).run();
        writeAudit(ctx, {
          action: 'categories.delete',
          entity: 'category',
          entityId: input.id,
          before,
        });
        return { deleted: true as const };
      }),
  },
};
