import type { z } from 'zod';
import { DomainError } from '../../../core/errors';
import type { SaleCreateInput } from '../../../core/api/areas/sales';
import type { Actor, Sale } from '../../../core/api/model';
import { validateRate, type ExchangeRate } from '../../../core/money/exchange';
import { sumAmounts } from '../../../core/money/money';
import { documentTypeOf } from '../../../core/profiles';
import { computeTaxes } from '../../../core/tax/document';
import type { TaxDocumentResult } from '../../../core/tax/types';
import { localDateHour } from '../../../core/time';
import { payments, saleLines, sales, saleTaxes } from '../../../db/schema';
import { actorOf } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, statement, type ServiceContext } from '../context';
import { requireOpenSession } from '../cash/sessions';
import { insertRow } from '../sql';
import { customerById } from '../catalog/customers';
import { checkReplay, requestHash } from '../idempotency';
import { appendEvent } from '../outbox';
import { moveStock } from '../stock-ledger';
import { loadStore, taxRulesOf, type Store } from '../store';
import { issueCpe, signsCpe } from '../einvoice/issue';
import { invoiceOf } from '../einvoice/pe-document';
import { authorizeBy } from '../users';
import {
  lineCost,
  mayOverridePrice,
  priceLine,
  stockNeeds,
  toTaxLine,
  type PricedLine,
} from './lines';
import { takeNumber } from './numbering';
import { checkDiscounts, requireSupervisor, type Acting } from './supervision';
import { planPayments, type PaymentPlan } from './payments';
import {
  assembleSale,
  findSaleRow,
  toSale,
  type PaymentRow,
  type SaleLineRow,
  type SaleRow,
} from './read';

type CreateInput = z.output<typeof SaleCreateInput>;

/** The exchange rate a sale locks, when the store shows a second currency. */
export function lockedRate(store: Store, override?: string): ExchangeRate | null {
  const { settings, profile } = store;
  if (!settings.secondaryCurrency || !profile.secondaryCurrency) return null;
  const rate = override ?? settings.exchangeRate;
  if (!rate) {
    throw new DomainError('INVALID_STATE', "Set today's exchange rate before selling", {
      reason: 'EXCHANGE_RATE_REQUIRED',
    });
  }
  // A rate sent with the sale is checked like the store's: "0" would lock a sale no one can convert.
  validateRate(rate);
  return { from: profile.secondaryCurrency, to: profile.currency, rate };
}

export interface CustomerSnapshot {
  readonly id: number | null;
  readonly name: string;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
}

/** A registered customer wins over a quick name (DOMAIN.md). */
export function customerSnapshot(
  ctx: ServiceContext,
  customerId?: number | null,
  quickName?: string,
): CustomerSnapshot {
  if (customerId) {
    const c = customerById(ctx, customerId);
    return {
      id: c.id,
      name: c.name,
      documentType: c.documentType,
      documentNumber: c.documentNumber,
    };
  }
  return { id: null, name: quickName?.trim() ?? '', documentType: null, documentNumber: null };
}

/** Refuses FORBIDDEN when a line's price was changed by someone who may not. */
export function checkPriceOverrides(
  lines: readonly PricedLine[],
  actor: Actor,
  authorizer: Actor | null,
  store: Store,
): void {
  const overridden = lines.findIndex((l) => l.priceOverridden);
  if (overridden >= 0 && !mayOverridePrice(actor, authorizer, store)) {
    throw new DomainError('FORBIDDEN', 'Changing a price needs a supervisor', {
      reason: 'PRICE_OVERRIDE',
      path: ['lines', overridden, 'unitPrice'],
    });
  }
}

export interface Shortage {
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly requested: number;
  readonly available: number;
}

/**
 * Refuses the whole sale when any product lacks stock, naming each one, unless
 * the store (or that product) may go negative, or the store lets a supervisor
 * allow it and one acts or authorized (the sale's audit row names them).
 * `delta` is what the change takes out, per product, in thousandths.
 */
export function checkStock(
  ctx: ServiceContext,
  store: Store,
  lines: readonly PricedLine[],
  delta: Map<number, number>,
  who: Acting,
): readonly Shortage[] {
  const policy = store.settings.negativeStock;
  if (policy === 'allow') return [];
  const shortages: Shortage[] = [];
  for (const [productId, wanted] of delta) {
    if (wanted <= 0) continue;
    const line = lines.find((l) => l.productId === productId);
    if (policy === 'per_product' && line?.allowNegative) continue;
    const { stock } = statement(ctx, 'SELECT stock FROM products WHERE id = ?').get(productId) as {
      stock: number;
    };
    if (stock < wanted) {
      shortages.push({
        productId,
        code: line?.code ?? '',
        name: line?.name ?? '',
        requested: wanted / 1000,
        available: stock / 1000,
      });
    }
  }
  if (shortages.length === 0) return [];
  if (policy === 'supervisor') {
    // A FORBIDDEN the till answers by asking a supervisor's PIN, naming what is short.
    requireSupervisor(who, 'STOCK_BELOW_ZERO', 'Selling below zero stock', {
      items: shortages,
    });
    return shortages;
  }
  throw new DomainError(
    'INSUFFICIENT_STOCK',
    `Not enough stock: ${shortages.map((s) => `${s.name} (wanted ${s.requested}, have ${s.available})`).join('; ')}`,
    { items: shortages },
  );
}

/** The sale row's money columns, from the engine's result and the payment plan. */
export function totalsColumns(
  totals: TaxDocumentResult,
  plan: PaymentPlan,
  lines: readonly PricedLine[],
) {
  return {
    gross: totals.gross,
    lineDiscount: totals.lineDiscount,
    orderDiscount: totals.orderDiscount,
    taxableBase: totals.taxableBase,
    exempt: totals.exempt,
    unaffected: totals.unaffected,
    tax: totals.tax,
    fixedTax: totals.fixedTax,
    total: totals.total,
    igtf: plan.igtf,
    cashRounding: plan.cashRounding,
    paid: plan.paid,
    change: plan.change,
    balance: plan.balance,
    costTotal: sumAmounts(lines.map(lineCost)),
    taxes: JSON.stringify(totals.taxed),
    fixedTaxes: JSON.stringify(totals.fixedTaxes),
  };
}

/** What insertSaleDetail wrote, as stored. */
export interface SaleDetailRows {
  readonly lines: SaleLineRow[];
  readonly payments: PaymentRow[];
}

/** Writes the lines, their per-rate totals and the payments of a sale. */
export function insertSaleDetail(
  ctx: ServiceContext,
  saleId: string,
  localDate: string,
  lines: readonly PricedLine[],
  totals: TaxDocumentResult,
  plan: PaymentPlan,
  createdAt: string,
): SaleDetailRows {
  const lineRows = lines.map((line, i): SaleLineRow => {
    const t = totals.lines[i]!;
    const row: Omit<SaleLineRow, 'id'> = {
      saleId,
      lineNo: i + 1,
      productId: line.productId,
      code: line.code,
      name: line.name,
      soldBy: line.soldBy,
      categoryId: line.categoryId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      priceOverridden: line.priceOverridden,
      unitCost: line.unitCost,
      taxCategory: line.taxCategory,
      taxKind: t.kind,
      taxRate: t.rate,
      gross: t.gross,
      lineDiscount: t.lineDiscount,
      orderDiscount: t.orderDiscount,
      base: t.base,
      tax: t.tax,
      unitTax: t.unitTax ?? null,
      fixedTax: t.fixedTax,
      fixedTaxes: JSON.stringify(t.fixedTaxes),
      total: t.total,
      costTotal: lineCost(line),
      returnedQuantity: 0,
      localDate,
      voided: false,
    };
    return { id: insertRow(ctx, saleLines, row), ...row };
  });
  for (const t of totals.taxed) {
    insertRow(ctx, saleTaxes, {
      saleId,
      rate: t.rate,
      base: t.base,
      tax: t.tax,
      localDate,
      voided: false,
    });
  }
  return { lines: lineRows, payments: insertPayments(ctx, saleId, localDate, plan, createdAt) };
}

/** Writes the payments of a sale; returns them as stored. */
export function insertPayments(
  ctx: ServiceContext,
  saleId: string,
  localDate: string,
  plan: PaymentPlan,
  createdAt: string,
): PaymentRow[] {
  return plan.payments.map((p) => {
    const row: PaymentRow = {
      id: p.id,
      saleId,
      method: p.method,
      tendered: p.tendered,
      change: p.change,
      amount: p.amount,
      currency: p.currency,
      bank: p.bank,
      reference: p.reference,
      createdAt,
      localDate,
      voided: false,
    };
    insertRow(ctx, payments, row);
    return row;
  });
}

/** Checks a document type exists in the profile and that the customer fits it. */
export function checkDocumentType(store: Store, documentType: string, customer: CustomerSnapshot) {
  const spec = documentTypeOf(store.profile, documentType as Parameters<typeof documentTypeOf>[1]);
  if (spec.type === 'NOTA_CREDITO') {
    throw new DomainError('VALIDATION', 'Credit notes are issued by returns, not sold', {
      reason: 'INVALID_DOCUMENT_TYPE',
      path: ['documentType'],
    });
  }
  const required = spec.requiresCustomerDocument;
  if (required && (!customer.documentType || !required.includes(customer.documentType))) {
    throw new DomainError(
      'VALIDATION',
      `A ${spec.label} needs a customer with ${required.join(' or ')}`,
      {
        reason: 'CUSTOMER_DOCUMENT_REQUIRED',
        path: ['customerId'],
        required,
      },
    );
  }
  return spec;
}

/** The stored sale for a replayed id, or undefined; a different request under it is refused. */
function replayed(ctx: ServiceContext, input: CreateInput, hash: string): Sale | undefined {
  const existing = findSaleRow(ctx, input.id);
  if (!existing) return undefined;
  checkReplay(existing.requestHash, hash, {
    entity: 'sale',
    id: existing.id,
    number: existing.number,
  });
  return toSale(ctx, existing);
}

/**
 * sales.create: everything a sale writes, in one transaction. The id is an
 * idempotency key: the same request again returns the first sale and changes
 * nothing; another request under the same id is refused (IDEMPOTENCY_MISMATCH).
 */
export function createSale(ctx: ServiceContext, input: CreateInput): Sale {
  const actor = actorOf(ctx);
  const hash = requestHash(input, ['authorizedBy']);
  let authorizer: Actor | null = null;
  if (input.authorizedBy) {
    // A retry returns the sale it made without asking for the PIN again.
    const existing = replayed(ctx, input, hash);
    if (existing) return existing;
    // Checked before the transaction: a wrong PIN must count even though the sale fails.
    authorizer = authorizeBy(ctx, input.authorizedBy, 'supervisor', 'Authorizing');
  }

  return inTransaction(ctx, () => {
    const existing = replayed(ctx, input, hash);
    if (existing) return existing;
    // Read inside the transaction: the register's id and code the sale keeps are as they are now.
    const store = loadStore(ctx);
    const session = requireOpenSession(ctx, store.registerId);
    const lines = input.lines.map((line, i) => priceLine(ctx, store, line, i));
    checkPriceOverrides(lines, actor, authorizer, store);
    const customer = customerSnapshot(ctx, input.customerId, input.customerName);
    const spec = checkDocumentType(
      store,
      input.documentType ?? store.settings.defaultDocumentType,
      customer,
    );

    const rules = taxRulesOf(ctx, store);
    const totals = computeTaxes(
      { lines: lines.map(toTaxLine), orderDiscount: input.orderDiscount ?? 0 },
      rules,
    );
    checkDiscounts(totals, { actor, authorizer }, store.settings.discountLimit);
    if (input.expectedTotal !== undefined && input.expectedTotal !== totals.total) {
      throw new DomainError(
        'VALIDATION',
        `The total is ${totals.total}, not ${input.expectedTotal}`,
        {
          reason: 'TOTAL_MISMATCH',
          path: ['expectedTotal'],
          computed: totals.total,
          sent: input.expectedTotal,
        },
      );
    }
    const rate = lockedRate(store, input.exchangeRate);
    const plan = planPayments(input.payments, {
      total: totals.total,
      saleCurrency: store.settings.currency,
      legalCurrency: store.profile.currency,
      rate,
      igtfRate: store.settings.igtfEnabled && store.profile.igtf ? store.profile.igtf.rate : null,
      roundingMode: rules.roundingMode,
      cashRounding: store.cashRounding,
      hasRegisteredCustomer: customer.id !== null,
      newId: ctx.newId,
    });

    const needs = stockNeeds(lines);
    const belowZero = checkStock(ctx, store, lines, needs, { actor, authorizer });
    const number = takeNumber(ctx, store.profile, store.registerId, spec.type);
    const now = ctx.now();
    const createdAt = now.toISOString();
    const local = localDateHour(now, store.settings.timeZone);

    const row: SaleRow = {
      id: input.id,
      registerId: store.registerId,
      sessionId: session.id,
      documentType: spec.type,
      ...number,
      status: 'COMPLETADA',
      customerId: customer.id,
      customerName: customer.name,
      customerDocType: customer.documentType,
      customerDocNumber: customer.documentNumber,
      cashierId: actor.id,
      cashierName: actor.name,
      createdAt,
      localDate: local.date,
      localHour: local.hour,
      currency: store.settings.currency,
      secondaryCurrency: rate ? store.settings.secondaryCurrency : null,
      exchangeRate: rate?.rate ?? null,
      pricesIncludeTax: rules.pricesIncludeTax,
      roundingMethod: rules.roundingMethod,
      ...totalsColumns(totals, plan, lines),
      refunded: 0,
      notes: input.notes ?? '',
      voidReason: null,
      voidedBy: null,
      voidedAt: null,
      editReason: null,
      editedBy: null,
      editedAt: null,
      requestHash: hash,
    };
    insertRow(ctx, sales, row);
    const detail = insertSaleDetail(ctx, input.id, local.date, lines, totals, plan, createdAt);
    for (const [productId, quantity] of needs) {
      moveStock(ctx, { productId, quantity: -quantity, kind: 'SALE', saleId: input.id });
    }
    if (signsCpe(store.settings, row.documentType)) {
      issueCpe(
        ctx,
        {
          saleId: row.id,
          returnId: null,
          documentType: row.documentType,
          series: row.series,
          correlative: row.correlative,
        },
        () => invoiceOf(row, detail.lines, store.settings),
      );
    }
    // Returned as written rather than read back: the same rows, the same mapping.
    const sale = assembleSale(row, {
      registerCode: store.settings.register.code,
      ...detail,
      returns: [],
    });
    writeAudit(ctx, {
      action: 'sales.create',
      entity: 'sale',
      entityId: input.id,
      after: {
        number: sale.number,
        total: sale.total,
        authorizedBy: authorizer?.name,
        ...(belowZero.length > 0 ? { belowZero } : {}),
      },
    });
    appendEvent(ctx, 'sale.created', input.id, sale);
    return sale;
  });
}
