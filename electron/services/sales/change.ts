import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { SaleUpdateInput } from '../../../core/api/areas/sales';
import type { Actor, Sale } from '../../../core/api/model';
import { computeTaxes } from '../../../core/tax/document';
import type { RoundingMethod, TaxCategory, TaxKind } from '../../../core/tax/types';
import { payments, saleLines, saleReturns, sales, saleTaxes } from '../../../db/schema';
import { actorOf, hasRole, requireRole } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { sessionRowById } from '../cash/sessions';
import { appendEvent } from '../outbox';
import { moveStock } from '../stock-ledger';
import { loadStore, taxRulesOf, type Store } from '../store';
import { authorizeBy } from '../users';
import {
  checkDocumentType,
  checkPriceOverrides,
  checkStock,
  customerSnapshot,
  insertSaleDetail,
  lockedRate,
  totalsColumns,
} from './create';
import { priceLine, toTaxLine, type PricedLine } from './lines';
import { planPayments, type PaymentRequest } from './payments';
import { saleRowById, toSale, type SaleRow } from './read';

type UpdateInput = z.output<typeof SaleUpdateInput>;
type LineUpdate = NonNullable<UpdateInput['lines']>[number];
type LineRow = typeof saleLines.$inferSelect;

function refuse(reason: string, message: string): never {
  throw new DomainError('INVALID_STATE', message, { reason });
}

function requireNotVoided(row: SaleRow): void {
  if (row.status === 'ANULADA') refuse('SALE_VOIDED', `Sale ${row.number} is voided`);
}

function hasReturns(ctx: ServiceContext, saleId: string): boolean {
  return (
    ctx.db.orm
      .select({ id: saleReturns.id })
      .from(saleReturns)
      .where(eq(saleReturns.saleId, saleId))
      .get() !== undefined
  );
}

/** Money and stock of a sale change only while its cash session is open: a closed session never changes. */
function requireSessionOpen(ctx: ServiceContext, row: SaleRow, hint: string): void {
  if (sessionRowById(ctx, row.sessionId).status !== 'ABIERTA') {
    refuse('SESSION_CLOSED', `Sale ${row.number} belongs to a closed cash session; ${hint}`);
  }
}

/** Per product, the stock-tracked thousandths of these lines. */
function quantities(
  lines: readonly { productId: number; quantity: number; trackStock?: boolean }[],
) {
  const map = new Map<number, number>();
  for (const l of lines)
    if (l.trackStock !== false) map.set(l.productId, (map.get(l.productId) ?? 0) + l.quantity);
  return map;
}

function trackedProducts(ctx: ServiceContext, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT id FROM products WHERE track_stock = 1 AND id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Puts back into stock everything the sale's lines took out. */
function restoreStock(
  ctx: ServiceContext,
  saleId: string,
  kind: 'VOID' | 'DELETE',
  reason: string,
): void {
  const lines = ctx.db.orm.select().from(saleLines).where(eq(saleLines.saleId, saleId)).all();
  const tracked = trackedProducts(
    ctx,
    lines.map((l) => l.productId),
  );
  for (const [productId, quantity] of quantities(lines)) {
    if (tracked.has(productId)) moveStock(ctx, { productId, quantity, kind, reason, saleId });
  }
}

/** An existing line, kept with its snapshot, at a new quantity, price or discount. */
function keptLine(line: LineRow, request: LineUpdate, tracked: Set<number>): PricedLine {
  const quantity = request.quantity ?? line.quantity;
  const unitPrice = request.unitPrice ?? line.unitPrice;
  return {
    productId: line.productId,
    code: line.code,
    name: line.name,
    soldBy: line.soldBy,
    categoryId: line.categoryId,
    trackStock: tracked.has(line.productId),
    allowNegative: false,
    quantity,
    unitPrice,
    priceOverridden: line.priceOverridden || unitPrice !== line.unitPrice,
    unitCost: line.unitCost,
    taxCategory: line.taxCategory,
    discount: request.discount ?? line.lineDiscount,
  };
}

/** The engine's rules for re-pricing an old sale: its own convention, its lines' snapshot rates. */
function rulesForSale(
  ctx: ServiceContext,
  store: Store,
  row: SaleRow,
  oldLines: readonly LineRow[],
) {
  const current = taxRulesOf(ctx, store);
  const snapshot = new Map<string, TaxCategory>();
  for (const line of oldLines) {
    const base = current.categories.find((c) => c.code === line.taxCategory);
    snapshot.set(line.taxCategory, {
      code: line.taxCategory,
      name: base?.name ?? line.taxCategory,
      kind: line.taxKind as TaxKind,
      rate: line.taxRate,
      fixedTaxes: base?.fixedTaxes ?? [],
    });
  }
  return {
    ...current,
    pricesIncludeTax: row.pricesIncludeTax,
    roundingMethod: row.roundingMethod as RoundingMethod,
    categories: [...current.categories.filter((c) => !snapshot.has(c.code)), ...snapshot.values()],
  };
}

export function updateSale(ctx: ServiceContext, input: UpdateInput): Sale {
  const actor = actorOf(ctx);
  const store = loadStore(ctx);
  const authorizer = input.authorizedBy
    ? authorizeBy(ctx, input.authorizedBy, 'supervisor', 'Authorizing')
    : null;
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    requireNotVoided(row);
    const before = toSale(ctx, row);
    const changesMoney =
      input.lines !== undefined ||
      input.payments !== undefined ||
      input.orderDiscount !== undefined;
    if (changesMoney) {
      requireSessionOpen(ctx, row, 'use a return (credit note) instead');
      if (input.lines !== undefined && hasReturns(ctx, row.id)) {
        refuse('HAS_RETURNS', `Sale ${row.number} has returns; its lines can no longer change`);
      }
    }
    const customer =
      input.customerId !== undefined || input.customerName !== undefined
        ? customerSnapshot(ctx, input.customerId ?? null, input.customerName)
        : {
            id: row.customerId,
            name: row.customerName,
            documentType: row.customerDocType,
            documentNumber: row.customerDocNumber,
          };
    checkDocumentType(store, row.documentType, customer);

    const oldLines = ctx.db.orm.select().from(saleLines).where(eq(saleLines.saleId, row.id)).all();
    const tracked = trackedProducts(
      ctx,
      oldLines.map((l) => l.productId),
    );
    const requests: LineUpdate[] = input.lines ?? oldLines.map((l) => ({ lineId: l.id }));
    const lines: PricedLine[] = requests.map((request, i) => {
      if (request.lineId === undefined) return priceLine(ctx, store, request, i);
      const old = oldLines.find((l) => l.id === request.lineId);
      if (!old) {
        throw new DomainError(
          'VALIDATION',
          `Line ${i + 1}: line ${request.lineId} is not on this sale`,
          {
            reason: 'UNKNOWN_LINE',
            path: ['lines', i, 'lineId'],
          },
        );
      }
      return keptLine(old, request, tracked);
    });
    // Only prices changed by this edit need the right to change prices.
    checkPriceOverrides(
      lines.map((line, i) => {
        const old = oldLines.find((l) => l.id === requests[i]?.lineId);
        return {
          ...line,
          priceOverridden: old ? line.unitPrice !== old.unitPrice : line.priceOverridden,
        };
      }),
      actor,
      authorizer,
      store,
    );

    const rules = rulesForSale(ctx, store, row, oldLines);
    const totals = computeTaxes(
      { lines: lines.map(toTaxLine), orderDiscount: input.orderDiscount ?? row.orderDiscount },
      rules,
    );
    const oldPayments = ctx.db.orm.select().from(payments).where(eq(payments.saleId, row.id)).all();
    const paymentRequests: PaymentRequest[] =
      input.payments ??
      oldPayments.map((p) => ({
        id: p.id,
        method: p.method as PaymentRequest['method'],
        ...(p.method === 'CREDITO' ? {} : { amount: p.tendered }),
        currency: p.currency,
        ...(p.bank ? { bank: p.bank } : {}),
        ...(p.reference ? { reference: p.reference } : {}),
      }));
    const rate =
      row.exchangeRate && store.profile.secondaryCurrency
        ? lockedRate(store, row.exchangeRate)
        : null;
    const plan = planPayments(paymentRequests, {
      total: totals.total,
      saleCurrency: row.currency,
      legalCurrency: store.profile.currency,
      rate,
      igtfRate:
        row.igtf > 0 || (store.settings.igtfEnabled && store.profile.igtf)
          ? (store.profile.igtf?.rate ?? null)
          : null,
      roundingMode: rules.roundingMode,
      hasRegisteredCustomer: customer.id !== null,
      newId: ctx.newId,
    });

    // Stock moves by the difference, product by product.
    const oldQty = quantities(
      oldLines.map((l) => ({ ...l, trackStock: tracked.has(l.productId) })),
    );
    const newQty = quantities(lines);
    const delta = new Map<number, number>();
    for (const id of new Set([...oldQty.keys(), ...newQty.keys()])) {
      const d = (newQty.get(id) ?? 0) - (oldQty.get(id) ?? 0);
      if (d !== 0) delta.set(id, d);
    }
    checkStock(ctx, store, lines, delta);

    const now = ctx.now().toISOString();
    const status = row.status === 'ANULADA' ? row.status : 'EDITADA';
    ctx.db.orm
      .update(sales)
      .set({
        status,
        customerId: customer.id,
        customerName: customer.name,
        customerDocType: customer.documentType,
        customerDocNumber: customer.documentNumber,
        ...totalsColumns(totals, plan, lines),
        editReason: input.reason,
        editedBy: actor.id,
        editedAt: now,
      })
      .where(eq(sales.id, row.id))
      .run();
    if (changesMoney) {
      ctx.db.orm.delete(saleLines).where(eq(saleLines.saleId, row.id)).run();
      ctx.db.orm.delete(saleTaxes).where(eq(saleTaxes.saleId, row.id)).run();
      ctx.db.orm.delete(payments).where(eq(payments.saleId, row.id)).run();
      insertSaleDetail(ctx, row.id, row.localDate, lines, totals, plan, now);
    }
    for (const [productId, d] of delta) {
      moveStock(ctx, {
        productId,
        quantity: -d,
        kind: 'EDIT',
        reason: input.reason,
        saleId: row.id,
      });
    }
    const after = toSale(ctx, saleRowById(ctx, row.id));
    writeAudit(ctx, {
      action: 'sales.update',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before,
      after: { ...after, authorizedBy: authorizer?.name },
    });
    appendEvent(ctx, 'sale.updated', row.id, after);
    return after;
  });
}

/** Supervisors and admins void; a cashier needs one of them to type their PIN. */
function voidAuthority(
  ctx: ServiceContext,
  authorizedBy?: { name: string; pin: string },
): Actor | null {
  const actor = actorOf(ctx);
  if (hasRole(actor, 'supervisor')) return null;
  if (!authorizedBy) {
    throw new DomainError('FORBIDDEN', 'Voiding a sale needs a supervisor or admin', {
      reason: 'VOID_NEEDS_SUPERVISOR',
    });
  }
  return authorizeBy(ctx, authorizedBy, 'supervisor', 'Voiding a sale');
}

export function voidSale(
  ctx: ServiceContext,
  input: { id: string; reason: string; authorizedBy?: { name: string; pin: string } },
): Sale {
  const authorizer = voidAuthority(ctx, input.authorizedBy);
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    requireNotVoided(row);
    if (hasReturns(ctx, row.id))
      refuse('HAS_RETURNS', `Sale ${row.number} has returns; return the rest instead of voiding`);
    requireSessionOpen(ctx, row, 'use a return (credit note) instead');
    const before = toSale(ctx, row);
    restoreStock(ctx, row.id, 'VOID', input.reason);
    ctx.db.orm
      .update(sales)
      .set({
        status: 'ANULADA',
        voidReason: input.reason,
        voidedBy: authorizer?.id ?? actorOf(ctx).id,
        voidedAt: ctx.now().toISOString(),
      })
      .where(eq(sales.id, row.id))
      .run();
    for (const table of [saleLines, payments, saleTaxes]) {
      ctx.db.orm.update(table).set({ voided: true }).where(eq(table.saleId, row.id)).run();
    }
    const after = toSale(ctx, saleRowById(ctx, row.id));
    writeAudit(ctx, {
      action: 'sales.void',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before: { status: before.status, number: before.number, total: before.total },
      after: { status: after.status, authorizedBy: authorizer?.name },
    });
    appendEvent(ctx, 'sale.voided', row.id, {
      id: row.id,
      reason: input.reason,
      at: after.void?.at,
    });
    return after;
  });
}

export function deleteSale(
  ctx: ServiceContext,
  input: { id: string; reason: string },
): { deleted: true; number: string } {
  requireRole(ctx, 'admin', 'Deleting a sale');
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    if (hasReturns(ctx, row.id))
      refuse('HAS_RETURNS', `Sale ${row.number} has returns and cannot be deleted`);
    const before = toSale(ctx, row);
    if (row.status !== 'ANULADA') restoreStock(ctx, row.id, 'DELETE', input.reason);
    ctx.db.orm.delete(sales).where(eq(sales.id, row.id)).run();
    writeAudit(ctx, {
      action: 'sales.delete',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before,
    });
    appendEvent(ctx, 'sale.deleted', row.id, {
      id: row.id,
      number: row.number,
      reason: input.reason,
    });
    return { deleted: true as const, number: row.number };
  });
}
