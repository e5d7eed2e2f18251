/**
 * Stock per store is the sum of the movements received from every register.
 * Products are known by code: a till's product ids are its own, so the server
 * learns which code each id of each till stands for from its events.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EventOf } from '../../core/sync';
import { deviceProducts, products, stockMovements } from '../db/schema';
import { BusinessRejection, thousandths, type BuildContext } from './context';

export interface Movement {
  readonly code: string;
  /** Thousandths, signed. */
  readonly quantity: number;
  readonly kind: string;
  readonly reason?: string;
  readonly saleId?: string | null;
}

export async function moveStock(ctx: BuildContext, movement: Movement): Promise<void> {
  if (movement.quantity === 0) return;
  await ctx.tx.insert(stockMovements).values({
    storeId: ctx.device.storeId,
    movementId: randomUUID(),
    productCode: movement.code,
    quantity: movement.quantity,
    kind: movement.kind,
    reason: movement.reason ?? '',
    saleId: movement.saleId ?? null,
    registerId: ctx.device.registerId,
    deviceId: ctx.device.deviceId,
    eventId: ctx.eventId,
    movedAt: ctx.occurredAt,
  });
  ctx.changes.stockMoved(movement.code);
}

/** Codes whose product the server knows not to track stock (unknown ones are tracked, as on a till). */
export async function untrackedCodes(ctx: BuildContext, codes: readonly string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await ctx.tx
    .select({ code: products.code })
    .from(products)
    .where(
      and(
        eq(products.storeId, ctx.device.storeId),
        inArray(products.code, [...codes]),
        eq(products.trackStock, false),
      ),
    );
  return new Set(rows.map((r) => r.code));
}

/** What a sale's movements of these kinds add up to, per product code (thousandths). */
export async function netOfSale(
  ctx: BuildContext,
  saleId: string,
  kinds?: readonly string[],
): Promise<Map<string, number>> {
  const rows = await ctx.tx
    .select({
      code: stockMovements.productCode,
      quantity: sql<string>`sum(${stockMovements.quantity})`,
    })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.storeId, ctx.device.storeId),
        eq(stockMovements.saleId, saleId),
        kinds ? inArray(stockMovements.kind, [...kinds]) : undefined,
      ),
    )
    .groupBy(stockMovements.productCode);
  return new Map(rows.map((r) => [r.code, Number(r.quantity)]));
}

/** Puts back whatever the sale still holds out of stock (a void or a delete). */
export async function restoreSaleStock(
  ctx: BuildContext,
  saleId: string,
  kind: string,
  reason: string,
) {
  for (const [code, net] of await netOfSale(ctx, saleId)) {
    await moveStock(ctx, { code, quantity: -net, kind, reason, saleId });
  }
}

/** Remembers that this till's product id is this code. */
export async function learnProductId(ctx: BuildContext, localId: number, code: string) {
  await ctx.tx
    .insert(deviceProducts)
    .values({ storeId: ctx.device.storeId, deviceId: ctx.device.deviceId, localId, code })
    .onConflictDoUpdate({
      target: [deviceProducts.storeId, deviceProducts.deviceId, deviceProducts.localId],
      set: { code },
    });
}

async function codeOfLocalId(ctx: BuildContext, localId: number): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ code: deviceProducts.code })
    .from(deviceProducts)
    .where(
      and(
        eq(deviceProducts.storeId, ctx.device.storeId),
        eq(deviceProducts.deviceId, ctx.device.deviceId),
        eq(deviceProducts.localId, localId),
      ),
    );
  return row?.code ?? null;
}

/** stock.adjusted: the till's ADJUST movement, a signed delta, never a figure to overwrite. */
export async function applyStockAdjusted(
  ctx: BuildContext,
  movement: EventOf<'stock.adjusted'>['payload'],
): Promise<void> {
  const code = movement.code ?? (await codeOfLocalId(ctx, movement.productId));
  if (!code) {
    throw new BusinessRejection(
      'UNKNOWN_PRODUCT',
      `This till's product ${movement.productId} is not known to the server`,
      { productId: movement.productId },
    );
  }
  if (movement.code) await learnProductId(ctx, movement.productId, movement.code);
  await moveStock(ctx, {
    code,
    quantity: thousandths(movement.quantity),
    kind: movement.kind,
    reason: movement.reason ?? '',
  });
}
