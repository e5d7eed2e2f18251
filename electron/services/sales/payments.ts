import { DomainError } from '../../../core/errors';
import type { PaymentMethod } from '../../../core/api/model';
import { convertAmount, convertBack, type ExchangeRate } from '../../../core/money/exchange';
import { settlementRounding, type CashRoundingRule } from '../../../core/money/cash-rounding';
import type { RoundingMode } from '../../../core/money/rounding';
import { computeIgtf } from '../../../core/tax/igtf';

export interface PaymentRequest {
  readonly id?: string;
  readonly method: PaymentMethod;
  readonly amount?: number;
  readonly currency?: string;
  readonly bank?: string;
  readonly reference?: string;
}

export interface PaymentTerms {
  /** The document total, in the sale's currency. */
  readonly total: number;
  readonly saleCurrency: string;
  /** The country's own currency: payments in any other are "foreign" for IGTF. */
  readonly legalCurrency: string;
  readonly rate: ExchangeRate | null;
  /** IGTF in basis points when the store charges it, else null. */
  readonly igtfRate: number | null;
  readonly roundingMode: RoundingMode;
  /** The store's cash rounding to the coin, or null (DOMAIN.md, "Cash rounding"). */
  readonly cashRounding: CashRoundingRule | null;
  readonly hasRegisteredCustomer: boolean;
  readonly newId: () => string;
}

export interface PlannedPayment {
  readonly id: string;
  readonly method: PaymentMethod;
  readonly currency: string;
  /** Handed over, in the payment's currency. */
  readonly tendered: number;
  /** Given back, in the sale's currency (cash only). */
  readonly change: number;
  /** Applied to the sale, in the sale's currency. */
  readonly amount: number;
  readonly bank: string | null;
  readonly reference: string | null;
}

export interface PaymentPlan {
  readonly payments: readonly PlannedPayment[];
  readonly igtf: number;
  /** total + igtf. */
  readonly due: number;
  /** What the cash settles, rounded to the coin, minus what it settles: ≤ 0, in the customer's favour. */
  readonly cashRounding: number;
  /** Σ applied, excluding what stays on credit: due + cashRounding − balance. */
  readonly paid: number;
  readonly change: number;
  /** Left on credit. */
  readonly balance: number;
}

const NON_CASH: readonly PaymentMethod[] = ['TARJETA', 'QR', 'TRANSFERENCIA'];

function refuse(reason: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('VALIDATION', message, { reason, ...details });
}

function toSaleCurrency(amount: number, currency: string, terms: PaymentTerms): number {
  if (currency === terms.saleCurrency) return amount;
  const { rate } = terms;
  if (rate && rate.from === currency && rate.to === terms.saleCurrency)
    return convertAmount(amount, rate, terms.roundingMode);
  if (rate && rate.to === currency && rate.from === terms.saleCurrency)
    return convertBack(amount, rate, terms.roundingMode);
  return refuse('UNSUPPORTED_CURRENCY', `Payments in ${currency} are not accepted here`, {
    currency,
  });
}

/**
 * The rounding of the amount cash settles: what is due less every payment that
 * is not cash in the sale's own currency (card, QR and transfer are exact; a
 * second currency is converted, not rounded). Nothing when no such cash is
 * paid, or when part stays on credit: the cash does not settle the sale then.
 */
function cashRoundingOf(
  paying: readonly { method: PaymentMethod; currency: string; applied: number }[],
  onCredit: boolean,
  due: number,
  terms: PaymentTerms,
): number {
  const isLocalCash = (p: (typeof paying)[number]) =>
    p.method === 'EFECTIVO' && p.currency === terms.saleCurrency;
  const exact = paying.filter((p) => !isLocalCash(p)).reduce((s, p) => s + p.applied, 0);
  return settlementRounding(
    { due, exact, paysCash: paying.some(isLocalCash), onCredit },
    terms.cashRounding,
  );
}

/**
 * How a sale is paid: splits across methods, cash over-tendered with change,
 * non-cash never above what is due, the rest on credit only for a registered
 * customer, and Venezuela's IGTF on the part paid in foreign currency.
 */
export function planPayments(
  requests: readonly PaymentRequest[],
  terms: PaymentTerms,
): PaymentPlan {
  const credits = requests.filter((p) => p.method === 'CREDITO');
  if (credits.length > 1) refuse('SEVERAL_CREDITS', 'A sale can have only one credit payment');
  const paying = requests
    .filter((p) => p.method !== 'CREDITO')
    .map((p) => {
      const currency = p.currency ?? terms.saleCurrency;
      const tendered = p.amount ?? 0;
      return { ...p, currency, tendered, applied: toSaleCurrency(tendered, currency, terms) };
    });

  const foreign = paying
    .filter((p) => p.currency !== terms.legalCurrency)
    .reduce((s, p) => s + p.applied, 0);
  const igtf =
    terms.igtfRate === null
      ? 0
      : computeIgtf(Math.min(terms.total, foreign), terms.igtfRate, terms.roundingMode);
  const due = terms.total + igtf;
  const nonCash = paying
    .filter((p) => NON_CASH.includes(p.method))
    .reduce((s, p) => s + p.applied, 0);
  if (nonCash > due) {
    refuse(
      'NON_CASH_OVERPAYMENT',
      'Card, QR and transfer payments cannot exceed what is due: only cash gives change',
      {
        due,
        nonCash,
      },
    );
  }
  const offered = paying.reduce((s, p) => s + p.applied, 0);
  const rounding = cashRoundingOf(paying, credits.length > 0, due, terms);
  // What the payments must reach: the cash part goes down to the coin.
  const settle = due + rounding;

  let balance = 0;
  if (offered < settle) {
    if (credits.length === 0) {
      refuse('UNDERPAID', 'The payments do not cover the total', {
        due: settle,
        paid: offered,
        missing: settle - offered,
      });
    }
    if (!terms.hasRegisteredCustomer)
      refuse('CREDIT_NEEDS_CUSTOMER', 'A sale on credit needs a registered customer');
    balance = due - offered;
  } else if (credits.length > 0) {
    refuse('NOTHING_ON_CREDIT', 'The payments already cover the total; remove the credit payment');
  }

  // Change comes out of the cash payments, last one first.
  let change = Math.max(0, offered - settle);
  const totalChange = change;
  const planned = [...paying].reverse().map((p) => {
    const given = p.method === 'EFECTIVO' ? Math.min(change, p.applied) : 0;
    change -= given;
    return {
      id: p.id ?? terms.newId(),
      method: p.method,
      currency: p.currency,
      tendered: p.tendered,
      change: given,
      amount: p.applied - given,
      bank: p.bank ?? null,
      reference: p.reference ?? null,
    };
  });
  planned.reverse();
  const credit = credits[0];
  if (credit && balance > 0) {
    planned.push({
      id: credit.id ?? terms.newId(),
      method: 'CREDITO',
      currency: terms.saleCurrency,
      tendered: balance,
      change: 0,
      amount: balance,
      bank: null,
      reference: credit.reference ?? null,
    });
  }
  return {
    payments: planned,
    igtf,
    due,
    cashRounding: rounding,
    paid: settle - balance,
    change: totalChange,
    balance,
  };
}
