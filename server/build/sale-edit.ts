/**
 * sale.updated carries the whole sale after the edit. The number never
 * changes; customer, lines, taxes and payments are replaced, and stock moves
 * by the difference between what the sale took and what it takes now.
 */
import { and, eq } from 'drizzle-orm';
import type { SalePayload } from '../../core/sync';
import { payments, saleLines, sales, saleTaxes } from '../db/schema';
import { BusinessRejection, type BuildContext } from './context';
import { insertSaleParts, ownLiveSale, saleFigures, soldByCode } from './sale';
import { moveStock, netOfSale } from './stock';

export async function applySaleUpdated(ctx: BuildContext, sale: SalePayload): Promise<void> {
  const before = await ownLiveSale(ctx, sale.id, 'edit');
  if (
    before.documentType !== sale.documentType ||
    before.series !== sale.series ||
    before.correlative !== sale.correlative
  ) {
    throw new BusinessRejection(
      'NUMBER_CHANGED',
      `An edit may not renumber ${before.number} as ${sale.number}`,
      { saleId: sale.id, number: before.number, newNumber: sale.number },
    );
  }
  const { storeId } = ctx.device;
  const { tx } = ctx;
  await tx
    .update(sales)
    .set({ ...saleFigures(sale), status: 'EDITADA', statusChangedAt: ctx.occurredAt })
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, sale.id)));
  for (const table of [saleLines, saleTaxes, payments]) {
    await tx.delete(table).where(and(eq(table.storeId, storeId), eq(table.saleId, sale.id)));
  }
  await insertSaleParts(ctx, sale);

  const took = await netOfSale(ctx, sale.id, ['SALE', 'EDIT']);
  const takes = await soldByCode(ctx, sale);
  for (const code of new Set([...took.keys(), ...takes.keys()])) {
    const delta = -(takes.get(code) ?? 0) - (took.get(code) ?? 0);
    await moveStock(ctx, { code, quantity: delta, kind: 'EDIT', saleId: sale.id });
  }
}
