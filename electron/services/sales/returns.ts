import { asc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import type { PaymentMethod, SaleReturn } from '../../../core/api/model';
import type { DocumentType } from '../../../core/numbering';
import { roundCashRefund, type CashRoundingRule } from '../../../core/money/cash-rounding';
import { divRound, type RoundingMode } from '../../../core/money/rounding';
import { localDateHour } from '../../../core/time';
import { saleLines, saleReturnLines, saleReturns, sales, users } from '../../../db/schema';
import { actorOf, hasRole } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { computeCashReport } from '../cash/report';
import { requireOpenSession } from '../cash/sessions';
import { toApiQuantity } from '../catalog/product-rows';
import { checkReplay, requestHash } from '../idempotency';
import { appendEvent } from '../outbox';
import { moveStock } from '../stock-ledger';
import { loadStore } from '../store';
import { authorizeBy } from '../users';
import { takeNumber } from './numbering';
import { saleRowById } from './read';
import { selectRows } from '../sql';
import { issueCpe, signsCpe } from '../einvoice/issue';
import { creditNoteOf } from '../einvoice/pe-document';

export interface ReturnInput {
  readonly id: string;
  readonly saleId: string;
  readonly reason: string;
  readonly refundMethod: PaymentMethod;
  /** Thousandths per sale line. */
  readonly lines: readonly { saleLineId: number; quantity: number }[];
  readonly authorizedBy?: { name: string; pin: string };
}

type LineRow = typeof saleLines.$inferSelect;

interface Refunded {
  base: number;
  tax: number;
  fixedTax: number;
}

/**
 * A line's share for `quantity` of it. Like a tax-included price, the share of
 * the amount is rounded first and the tax is what is left of it after the
 * base, so base and tax never round up together and invent a cent. The last
 * return of a line takes exactly what is left, so repeated partial returns
 * never refund a cent more or less than the line was sold for.
 */
function share(
  line: LineRow,
  quantity: number,
  already: Refunded,
  remaining: number,
  mode: RoundingMode,
): Refunded {
  if (quantity === remaining) {
    return {
      base: line.base - already.base,
      tax: line.tax - already.tax,
      fixedTax: line.fixedTax - already.fixedTax,
    };
  }
  const part = (amount: number) =>
    Number(divRound(BigInt(amount) * BigInt(quantity), BigInt(line.quantity), mode));
  const base = part(line.base);
  return { base, tax: part(line.base + line.tax) - base, fixedTax: part(line.fixedTax) };
}

/**
 * What a return pays back (DOMAIN.md, "Cash rounding"): in cash, the document's
 * share up to the coin, in the customer's favour; by any method, never more
 * than the customer paid for the document and has not had back, so returning
 * all of a rounded sale gives back what was handed over (40.20 for 40.26).
 */
function moneyBack(
  ctx: ServiceContext,
  sale: { id: string; total: number; cashRounding: number },
  owed: number,
  rule: CashRoundingRule | null,
): { refunded: number; cashRounding: number } {
  if (owed <= 0) return { refunded: owed, cashRounding: 0 };
  const { before } = ctx.db.sqlite
    .prepare('SELECT COALESCE(SUM(refunded), 0) AS before FROM sale_returns WHERE sale_id = ?')
    .get(sale.id) as { before: number };
  const left = Math.max(0, sale.total + sale.cashRounding - before);
  const refunded = Math.min(roundCashRefund(owed, rule).rounded, left);
  return { refunded, cashRounding: refunded - owed };
}

function toSaleReturn(ctx: ServiceContext, id: string): SaleReturn {
  const row = ctx.db.orm.select().from(saleReturns).where(eq(saleReturns.id, id)).get()!;
  const lines = ctx.db.orm
    .select()
    .from(saleReturnLines)
    .where(eq(saleReturnLines.returnId, id))
    .orderBy(asc(saleReturnLines.id))
    .all();
  const sale = ctx.db.orm
    .select({ number: sales.number })
    .from(sales)
    .where(eq(sales.id, row.saleId))
    .get();
  const user = ctx.db.orm
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, row.userId))
    .get();
  return {
    id: row.id,
    saleId: row.saleId,
    saleNumber: sale?.number ?? '',
    number: row.number,
    documentType: row.documentType as DocumentType,
    reason: row.reason,
    refundMethod: row.refundMethod as PaymentMethod,
    lines: lines.map((l) => ({
      saleLineId: l.saleLineId,
      productId: l.productId,
      code: l.code,
      name: l.name,
      quantity: toApiQuantity(l.quantity),
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      base: l.base,
      tax: l.tax,
      fixedTax: l.fixedTax,
      total: l.total,
    })),
    taxableBase: row.taxableBase,
    exempt: row.exempt,
    unaffected: row.unaffected,
    tax: row.tax,
    fixedTax: row.fixedTax,
    total: row.total,
    balanceReduced: row.balanceReduced,
    refunded: row.refunded,
    cashRounding: row.cashRounding,
    createdAt: row.createdAt,
    user: { id: row.userId, name: user?.name ?? '' },
  };
}

export function getSaleReturn(ctx: ServiceContext, id: string): SaleReturn {
  if (
    !ctx.db.orm.select({ id: saleReturns.id }).from(saleReturns).where(eq(saleReturns.id, id)).get()
  ) {
    throw new DomainError('NOT_FOUND', `Return ${id} does not exist`, { entity: 'saleReturn', id });
  }
  return toSaleReturn(ctx, id);
}

/** The request a stored return was made from, as parsed (without who authorised it). */
function storedRequest(ctx: ServiceContext, row: typeof saleReturns.$inferSelect) {
  const lines = ctx.db.orm
    .select({ saleLineId: saleReturnLines.saleLineId, quantity: saleReturnLines.quantity })
    .from(saleReturnLines)
    .where(eq(saleReturnLines.returnId, row.id))
    .orderBy(asc(saleReturnLines.id))
    .all();
  return {
    id: row.id,
    saleId: row.saleId,
    reason: row.reason,
    refundMethod: row.refundMethod,
    lines,
  };
}

/**
 * The stored return for a replayed id, or undefined. Its request is rebuilt
 * from the rows it wrote (every field of the input is stored, lines in input
 * order), so no hash column is needed; a different request is refused.
 */
function replayedReturn(ctx: ServiceContext, input: ReturnInput): SaleReturn | undefined {
  const row = ctx.db.orm.select().from(saleReturns).where(eq(saleReturns.id, input.id)).get();
  if (!row) return undefined;
  const { id, saleId, reason, refundMethod, lines } = input;
  checkReplay(
    requestHash(storedRequest(ctx, row), []),
    requestHash({ id, saleId, reason, refundMethod, lines }, []),
    { entity: 'return', id: row.id, number: row.number },
  );
  return toSaleReturn(ctx, row.id);
}

/**
 * sales.return: a numbered credit note for some or all of a sale's lines.
 * Stock goes back, the refund leaves this register's open session, and it is
 * idempotent by the return's id: the same request returns the stored credit
 * note, another request under that id is refused (IDEMPOTENCY_MISMATCH).
 */
export function returnSale(ctx: ServiceContext, input: ReturnInput): SaleReturn {
  const actor = actorOf(ctx);
  const existing = replayedReturn(ctx, input);
  if (existing) return existing;
  if (!hasRole(actor, 'supervisor')) {
    if (!input.authorizedBy) {
      throw new DomainError('FORBIDDEN', 'A return needs a supervisor or admin', {
        reason: 'RETURN_NEEDS_SUPERVISOR',
      });
    }
    authorizeBy(ctx, input.authorizedBy, 'supervisor', 'Authorizing a return');
  }
  if (input.refundMethod === 'CREDITO') {
    throw new DomainError('VALIDATION', 'A refund cannot go on credit', {
      reason: 'INVALID_REFUND_METHOD',
      path: ['refundMethod'],
    });
  }
  const store = loadStore(ctx);
  return inTransaction(ctx, () => {
    // Again inside the transaction: another process may have made it since.
    const again = replayedReturn(ctx, input);
    if (again) return again;
    const sale = saleRowById(ctx, input.saleId);
    if (sale.status === 'ANULADA') {
      throw new DomainError('INVALID_STATE', `Sale ${sale.number} is voided`, {
        reason: 'SALE_VOIDED',
      });
    }
    const session = requireOpenSession(ctx, store.registerId);
    const lines = ctx.db.orm.select().from(saleLines).where(eq(saleLines.saleId, sale.id)).all();
    const seen = new Set<number>();
    const picked = input.lines.map((request, i) => {
      const line = lines.find((l) => l.id === request.saleLineId);
      const fail = (reason: string, message: string): never => {
        throw new DomainError('VALIDATION', `Line ${i + 1}: ${message}`, {
          reason,
          path: ['lines', i],
        });
      };
      if (!line)
        return fail('UNKNOWN_LINE', `line ${request.saleLineId} is not on sale ${sale.number}`);
      if (seen.has(line.id))
        return fail('DUPLICATE_LINE', `line ${request.saleLineId} is listed twice`);
      seen.add(line.id);
      const remaining = line.quantity - line.returnedQuantity;
      if (request.quantity > remaining) {
        return fail(
          'RETURN_EXCEEDS_SOLD',
          `only ${toApiQuantity(remaining)} of ${line.name} can still be returned`,
        );
      }
      if (line.soldBy === 'unit' && request.quantity % 1000 !== 0) {
        return fail(
          'FRACTIONAL_UNITS',
          `${line.name} is sold by the unit; return a whole quantity`,
        );
      }
      const already = ctx.db.sqlite
        .prepare(
          'SELECT COALESCE(SUM(base),0) AS base, COALESCE(SUM(tax),0) AS tax, COALESCE(SUM(fixed_tax),0) AS fixedTax FROM sale_return_lines WHERE sale_line_id = ?',
        )
        .get(line.id) as Refunded;
      const amounts = share(
        line,
        request.quantity,
        already,
        remaining,
        store.settings.roundingMode,
      );
      return {
        line,
        quantity: request.quantity,
        ...amounts,
        total: amounts.base + amounts.tax + amounts.fixedTax,
      };
    });

    const sum = (pick: (p: (typeof picked)[number]) => number) =>
      picked.reduce((s, p) => s + pick(p), 0);
    const total = sum((p) => p.total);
    // On a credit sale the return first cancels what is still owed; only the
    // rest was ever paid, so only the rest is paid back.
    const balanceReduced = Math.min(sale.balance, total);
    const rule =
      input.refundMethod === 'EFECTIVO' && sale.currency === store.settings.currency
        ? store.cashRounding
        : null;
    const { refunded, cashRounding } = moneyBack(ctx, sale, total - balanceReduced, rule);
    if (input.refundMethod === 'EFECTIVO' && refunded > 0) {
      // Like a withdrawal, a cash refund cannot take out more than the drawer holds.
      const { cash } = computeCashReport(ctx, session, store.settings.currency, null);
      if (refunded > cash.expected) {
        throw new DomainError('INVALID_STATE', 'There is not that much cash in the drawer', {
          reason: 'NOT_ENOUGH_CASH',
          expected: cash.expected,
          requested: refunded,
        });
      }
    }
    const number = takeNumber(
      ctx,
      store.profile,
      store.registerId,
      'NOTA_CREDITO',
      sale.documentType as DocumentType,
    );
    const now = ctx.now();
    ctx.db.orm
      .insert(saleReturns)
      .values({
        id: input.id,
        saleId: sale.id,
        registerId: store.registerId,
        sessionId: session.id,
        documentType: 'NOTA_CREDITO',
        ...number,
        reason: input.reason,
        refundMethod: input.refundMethod,
        taxableBase: sum((p) => (p.line.taxKind === 'TAXED' ? p.base : 0)),
        exempt: sum((p) => (p.line.taxKind === 'EXEMPT' ? p.base : 0)),
        unaffected: sum((p) => (p.line.taxKind === 'UNAFFECTED' ? p.base : 0)),
        tax: sum((p) => p.tax),
        fixedTax: sum((p) => p.fixedTax),
        total,
        balanceReduced,
        refunded,
        cashRounding,
        userId: actor.id,
        createdAt: now.toISOString(),
        localDate: localDateHour(now, store.settings.timeZone).date,
      })
      .run();
    ctx.db.orm
      .insert(saleReturnLines)
      .values(
        picked.map((p) => ({
          returnId: input.id,
          saleLineId: p.line.id,
          productId: p.line.productId,
          code: p.line.code,
          name: p.line.name,
          quantity: p.quantity,
          unitPrice: p.line.unitPrice,
          taxRate: p.line.taxRate,
          taxKind: p.line.taxKind,
          base: p.base,
          tax: p.tax,
          fixedTax: p.fixedTax,
          total: p.total,
        })),
      )
      .run();
    for (const p of picked) {
      ctx.db.orm
        .update(saleLines)
        .set({ returnedQuantity: sql`${saleLines.returnedQuantity} + ${p.quantity}` })
        .where(eq(saleLines.id, p.line.id))
        .run();
      // Stock goes back only where the sale took it (the ledger knows).
      const took = ctx.db.sqlite
        .prepare(
          "SELECT 1 FROM stock_movements WHERE sale_id = ? AND product_id = ? AND kind = 'SALE' LIMIT 1",
        )
        .get(sale.id, p.line.productId);
      if (took) {
        moveStock(ctx, {
          productId: p.line.productId,
          quantity: p.quantity,
          kind: 'RETURN',
          reason: input.reason,
          saleId: sale.id,
        });
      }
    }
    ctx.db.orm
      .update(sales)
      .set({
        refunded: sql`${sales.refunded} + ${total}`,
        balance: sql`${sales.balance} - ${balanceReduced}`,
      })
      .where(eq(sales.id, sale.id))
      .run();
    if (signsCpe(store.settings, 'NOTA_CREDITO') && signsCpe(store.settings, sale.documentType)) {
      issueCpe(
        ctx,
        {
          saleId: sale.id,
          returnId: input.id,
          documentType: 'NOTA_CREDITO',
          series: number.series,
          correlative: number.correlative,
        },
        () => {
          const ret = selectRows(ctx, saleReturns, 'id = ?').get(input.id)!;
          return creditNoteOf(
            ret,
            selectRows(ctx, saleReturnLines, 'return_id = ? ORDER BY id').all(input.id),
            saleRowById(ctx, sale.id),
            selectRows(ctx, saleLines, 'sale_id = ? ORDER BY line_no').all(sale.id),
            store.settings,
          );
        },
      );
    }
    const result = toSaleReturn(ctx, input.id);
    writeAudit(ctx, {
      action: 'sales.return',
      entity: 'sale',
      entityId: sale.id,
      reason: input.reason,
      after: result,
    });
    appendEvent(ctx, 'sale.returned', input.id, result);
    return result;
  });
}
