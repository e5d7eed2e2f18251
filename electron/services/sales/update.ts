/** sales.update: editing a sale already made, as a new audited fact (EDITADA). */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { SaleUpdateInput } from '../../../core/api/areas/sales';
import type { Actor, Sale } from '../../../core/api/model';
import { computeTaxes } from '../../../core/tax/document';
import type { RoundingMethod, TaxCategory, TaxKind } from '../../../core/tax/types';
import { payments, saleLines, sales, saleTaxes } from '../../../db/schema';
import { actorOf } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { appendEvent } from '../outbox';
import { invalidateRollups } from '../rollups';
import { moveStock } from '../stock-ledger';
import { loadStore, taxRulesOf, type Store } from '../store';
import { authorizeBy } from '../users';
import {
  checkDocumentType,
  checkPriceOverrides,
  checkStock,
  customerSnapshot,
  insertPayments,
  insertSaleDetail,
  lockedRate,
  totalsColumns,
  type Shortage,
} from './create';
import { priceLine, stockNeeds, toTaxLine, type PricedLine } from './lines';
import { planPayments, type PaymentRequest } from './payments';
import { saleRowById, toSale, type SaleRow } from './read';
import { cashKept, checkDiscounts, checkEditMoney, requireSupervisor } from './supervision';
import {
  hasReturns,
  refuse,
  requireMayRewriteIssued,
  requireNotVoided,
  requireSessionOpen,
  takenBySale,
} from './past-sale';

type UpdateInput = z.output<typeof SaleUpdateInput>;
type LineUpdate = NonNullable<UpdateInput['lines']>[number];
type LineRow = typeof saleLines.$inferSelect;

interface ProductFlags {
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
}

/** The stock flags of these products as they are now. */
function productFlags(ctx: ServiceContext, ids: readonly number[]): Map<number, ProductFlags> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT id, track_stock AS trackStock, allow_negative AS allowNegative FROM products WHERE id IN (${unique.map(() => '?').join(',')})`,
    )
    .all(...unique) as { id: number; trackStock: number; allowNegative: number }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { trackStock: r.trackStock === 1, allowNegative: r.allowNegative === 1 },
    ]),
  );
}

/** An existing line, kept with its snapshot, at a new quantity, price or discount. */
function keptLine(
  line: LineRow,
  request: LineUpdate,
  flags: Map<number, ProductFlags>,
  index: number,
): PricedLine {
  const quantity = request.quantity ?? line.quantity;
  if (line.soldBy === 'unit' && quantity % 1000 !== 0) {
    throw new DomainError(
      'VALIDATION',
      `Line ${index + 1}: ${line.name} is sold by the unit; use a whole quantity`,
      { reason: 'FRACTIONAL_UNITS', path: ['lines', index, 'quantity'] },
    );
  }
  const unitPrice = request.unitPrice ?? line.unitPrice;
  const flag = flags.get(line.productId);
  return {
    productId: line.productId,
    code: line.code,
    name: line.name,
    soldBy: line.soldBy,
    categoryId: line.categoryId,
    trackStock: flag?.trackStock ?? false,
    allowNegative: flag?.allowNegative ?? false,
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

/**
 * sales.update: a new fact about a sale (EDITADA) with a reason, audited with
 * before and after. Money and stock change only while the sale's session is
 * open; a customer-only edit never touches its amounts.
 */
export function updateSale(ctx: ServiceContext, input: UpdateInput): Sale {
  const actor = actorOf(ctx);
  const store = loadStore(ctx);
  const authorizer = input.authorizedBy
    ? authorizeBy(ctx, input.authorizedBy, 'supervisor', 'Authorizing')
    : null;
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    requireNotVoided(row);
    if (row.cashierId !== actor.id) {
      requireSupervisor(
        { actor, authorizer },
        'EDIT_OTHERS_SALE',
        `Editing ${row.cashierName}'s sale`,
        {
          cashier: row.cashierName,
        },
      );
    }
    const before = toSale(ctx, row);
    const changesMoney =
      input.lines !== undefined ||
      input.payments !== undefined ||
      input.orderDiscount !== undefined;
    if (changesMoney) {
      requireSessionOpen(ctx, row, 'use a return (credit note) instead');
      const changesLines = input.lines !== undefined || input.orderDiscount !== undefined;
      if (changesLines && hasReturns(ctx, row.id)) {
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
    requireMayRewriteIssued(actor, row, {
      customer:
        customer.id !== row.customerId ||
        customer.name !== row.customerName ||
        customer.documentType !== row.customerDocType ||
        customer.documentNumber !== row.customerDocNumber,
      payments: input.payments !== undefined,
    });
    checkDocumentType(store, row.documentType, customer);

    const now = ctx.now().toISOString();
    const edit = {
      status: 'EDITADA',
      customerId: customer.id,
      customerName: customer.name,
      customerDocType: customer.documentType,
      customerDocNumber: customer.documentNumber,
      editReason: input.reason,
      editedBy: actor.id,
      editedAt: now,
    };
    let belowZero: readonly Shortage[] = [];
    if (changesMoney) {
      invalidateRollups(ctx, row.localDate);
      belowZero = repriceSale(
        ctx,
        store,
        row,
        input,
        { actor, authorizer, hasRegisteredCustomer: customer.id !== null },
        now,
      );
    } else if (row.balance > 0 && customer.id === null) {
      throw new DomainError('VALIDATION', 'A sale on credit needs a registered customer', {
        reason: 'CREDIT_NEEDS_CUSTOMER',
        path: ['customerId'],
      });
    }
    ctx.db.orm.update(sales).set(edit).where(eq(sales.id, row.id)).run();

    const after = toSale(ctx, saleRowById(ctx, row.id));
    writeAudit(ctx, {
      action: 'sales.update',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before,
      after: {
        ...after,
        authorizedBy: authorizer?.name,
        ...(belowZero.length > 0 ? { belowZero } : {}),
      },
    });
    appendEvent(ctx, 'sale.updated', row.id, after);
    return after;
  });
}

/** The engine's result for new lines or a new order discount, with its stock delta. */
function repriceLines(
  ctx: ServiceContext,
  store: Store,
  row: SaleRow,
  input: UpdateInput,
  who: { actor: Actor; authorizer: Actor | null },
) {
  const oldLines = ctx.db.orm.select().from(saleLines).where(eq(saleLines.saleId, row.id)).all();
  const requests: LineUpdate[] = input.lines ?? oldLines.map((l) => ({ lineId: l.id }));
  const flags = productFlags(
    ctx,
    oldLines.map((l) => l.productId),
  );
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
    return keptLine(old, request, flags, i);
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
    who.actor,
    who.authorizer,
    store,
  );
  const rules = rulesForSale(ctx, store, row, oldLines);
  const totals = computeTaxes(
    { lines: lines.map(toTaxLine), orderDiscount: input.orderDiscount ?? row.orderDiscount },
    rules,
  );
  checkDiscounts(totals, who, store.settings.discountLimit);
  // Stock moves by the difference between what the sale took and what it now needs.
  const taken = takenBySale(ctx, row.id);
  const needed = stockNeeds(lines);
  const delta = new Map<number, number>();
  for (const id of new Set([...taken.keys(), ...needed.keys()])) {
    const d = (needed.get(id) ?? 0) - (taken.get(id) ?? 0);
    if (d !== 0) delta.set(id, d);
  }
  const belowZero = checkStock(ctx, store, lines, delta, who);
  return { lines, totals, delta, belowZero, roundingMode: rules.roundingMode };
}

/**
 * New lines, discount or payments. New lines or a new order discount reprice
 * the sale and move stock; new payments alone keep the lines (and any returns
 * made against them) as they are.
 */
function repriceSale(
  ctx: ServiceContext,
  store: Store,
  row: SaleRow,
  input: UpdateInput,
  who: { actor: Actor; authorizer: Actor | null; hasRegisteredCustomer: boolean },
  now: string,
): readonly Shortage[] {
  const repriced =
    input.lines !== undefined || input.orderDiscount !== undefined
      ? repriceLines(ctx, store, row, input, who)
      : null;
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
    total: repriced?.totals.total ?? row.total,
    saleCurrency: row.currency,
    legalCurrency: store.profile.currency,
    rate,
    igtfRate:
      row.igtf > 0 || (store.settings.igtfEnabled && store.profile.igtf)
        ? (store.profile.igtf?.rate ?? null)
        : null,
    roundingMode: repriced?.roundingMode ?? store.settings.roundingMode,
    // Payments planned again follow the store's rule now (DOMAIN.md, "Cash rounding").
    cashRounding: row.currency === store.settings.currency ? store.cashRounding : null,
    hasRegisteredCustomer: who.hasRegisteredCustomer,
    newId: ctx.newId,
  });

  checkEditMoney(
    who,
    { total: row.total, cash: cashKept(oldPayments) },
    { total: repriced?.totals.total ?? row.total, cash: cashKept(plan.payments) },
  );

  ctx.db.orm.delete(payments).where(eq(payments.saleId, row.id)).run();
  if (!repriced) {
    ctx.db.orm
      .update(sales)
      .set({
        igtf: plan.igtf,
        cashRounding: plan.cashRounding,
        paid: plan.paid,
        change: plan.change,
        balance: plan.balance,
      })
      .where(eq(sales.id, row.id))
      .run();
    insertPayments(ctx, row.id, row.localDate, plan, now);
    return [];
  }
  const { lines, totals, delta, belowZero } = repriced;
  ctx.db.orm
    .update(sales)
    .set(totalsColumns(totals, plan, lines))
    .where(eq(sales.id, row.id))
    .run();
  ctx.db.orm.delete(saleLines).where(eq(saleLines.saleId, row.id)).run();
  ctx.db.orm.delete(saleTaxes).where(eq(saleTaxes.saleId, row.id)).run();
  insertSaleDetail(ctx, row.id, row.localDate, lines, totals, plan, now);
  for (const [productId, d] of delta) {
    moveStock(ctx, {
      productId,
      quantity: -d,
      kind: 'EDIT',
      reason: input.reason,
      saleId: row.id,
    });
  }
  return belowZero;
}
