import { sortByName } from '../../../core/collate';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import type { Customer } from '../../../core/api/model';
import { customers } from '../../../db/schema';
import type { AreaHandlers } from '../../handler';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { loadStore } from '../store';
import { validateCustomerDocument } from '../tax-id';

function toCustomer(row: typeof customers.$inferSelect): Customer {
  return {
    id: row.id,
    documentType: row.documentType,
    documentNumber: row.documentNumber,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    createdAt: row.createdAt,
  };
}

export function customerById(ctx: ServiceContext, id: number): Customer {
  const row = ctx.db.orm.select().from(customers).where(eq(customers.id, id)).get();
  if (!row)
    throw new DomainError('NOT_FOUND', `Customer ${id} does not exist`, { entity: 'customer', id });
  return toCustomer(row);
}

function assertDocumentFree(
  ctx: ServiceContext,
  type: string,
  number: string,
  exceptId?: number,
): void {
  const clash = ctx.db.orm
    .select()
    .from(customers)
    .where(and(eq(customers.documentType, type), eq(customers.documentNumber, number)))
    .get();
  if (clash && clash.id !== exceptId) {
    throw new DomainError('CONFLICT', `${type} ${number} is already registered to ${clash.name}`, {
      reason: 'DUPLICATE_DOCUMENT',
      customerId: clash.id,
      path: ['documentNumber'],
    });
  }
}

/** Lower case without accents: "Pérez" and "PEREZ" both become "perez". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('es');
}

/**
 * Customers whose name contains the text, or whose document starts with it,
 * ignoring case and accents in any language (SQLite's LIKE folds only ASCII).
 * A shop has thousands of customers, not millions, so filtering in memory is
 * both simple and fast enough.
 */
function searchCustomers(ctx: ServiceContext, text: string, limit: number): Customer[] {
  const needle = fold(text.trim());
  // Spanish order (see core/collate), not SQLite's byte order.
  const rows = sortByName(
    ctx.db.orm.select().from(customers).all(),
    loadStore(ctx).settings.locale,
  );
  const matches =
    needle === ''
      ? rows
      : rows.filter(
          (row) =>
            fold(row.name).includes(needle) || fold(row.documentNumber ?? '').startsWith(needle),
        );
  return matches.slice(0, limit).map(toCustomer);
}

export const customersHandlers: AreaHandlers<'customers'> = {
  'customers.create': {
    access: 'user',
    run: (input, ctx) => {
      const { profile } = loadStore(ctx);
      const doc = validateCustomerDocument(profile, input.documentType, input.documentNumber);
      return inTransaction(ctx, () => {
        if (doc) assertDocumentFree(ctx, doc.type, doc.number);
        const now = ctx.now().toISOString();
        const row = ctx.db.orm
          .insert(customers)
          .values({
            ...input,
            documentType: doc?.type ?? null,
            documentNumber: doc?.number ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        writeAudit(ctx, {
          action: 'customers.create',
          entity: 'customer',
          entityId: row.id,
          after: toCustomer(row),
        });
        return toCustomer(row);
      });
    },
  },
  'customers.update': {
    access: 'user',
    run: (input, ctx) => {
      const { profile } = loadStore(ctx);
      return inTransaction(ctx, () => {
        const before = customerById(ctx, input.id);
        const type = input.documentType === undefined ? before.documentType : input.documentType;
        const number =
          input.documentNumber === undefined ? before.documentNumber : input.documentNumber;
        const doc = validateCustomerDocument(profile, type, number);
        if (doc) assertDocumentFree(ctx, doc.type, doc.number, input.id);
        const { id, ...changes } = input;
        ctx.db.orm
          .update(customers)
          .set({
            ...changes,
            documentType: doc?.type ?? null,
            documentNumber: doc?.number ?? null,
            updatedAt: ctx.now().toISOString(),
          })
          .where(eq(customers.id, id))
          .run();
        const after = customerById(ctx, id);
        writeAudit(ctx, {
          action: 'customers.update',
          entity: 'customer',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
  },
  'customers.search': {
    access: 'user',
    run: (input, ctx) => searchCustomers(ctx, input.text, input.limit),
  },
  'customers.get': { access: 'user', run: (input, ctx) => customerById(ctx, input.id) },
};
