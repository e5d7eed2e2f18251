import { and, asc, eq, like, or, sql } from 'drizzle-orm';
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

/** LIKE patterns match literally: % and _ typed by a user are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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
    run: (input, ctx) => {
      const text = input.text.trim();
      const pattern = escapeLike(text);
      return ctx.db.orm
        .select()
        .from(customers)
        .where(
          text === ''
            ? undefined
            : or(
                sql`${customers.name} LIKE ${`%${pattern}%`} ESCAPE '\\'`,
                like(customers.documentNumber, sql`${`${pattern.toUpperCase()}%`} ESCAPE '\\'`),
              ),
        )
        .orderBy(asc(customers.name))
        .limit(input.limit)
        .all()
        .map(toCustomer);
    },
  },
  'customers.get': { access: 'user', run: (input, ctx) => customerById(ctx, input.id) },
};
