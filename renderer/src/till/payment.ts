/**
 * The payment dialog's arithmetic, for showing: how much is still due and the
 * change. The main process plans the payments again when it stores the sale.
 */
import type { PaymentMethod } from '../../../core/api/model';
import {
  roundCashDue,
  settlementRounding,
  type CashRoundingRule,
} from '../../../core/money/cash-rounding';

export interface PaymentDraft {
  readonly method: PaymentMethod;
  /** Minor units handed over; for CREDITO, ignored (the balance goes on credit). */
  readonly amount: number;
  readonly bank?: string;
  readonly reference?: string;
}

export interface PaymentStatus {
  /**
   * The cash part rounded down to the coin (≤ 0, DOMAIN.md "Cash rounding"):
   * what the main process will record, so the dialog asks for the same amount.
   */
  readonly cashRounding: number;
  /** What the payments must reach: due + cashRounding. */
  readonly settle: number;
  readonly paid: number;
  readonly remaining: number;
  readonly change: number;
  readonly onCredit: number;
  /** Whether the sale can be completed with these payments. */
  readonly covered: boolean;
  /** Non-cash above what is due: only cash gives change. */
  readonly nonCashTooHigh: boolean;
  readonly missingBank: boolean;
}

export function paymentStatus(
  due: number,
  payments: readonly PaymentDraft[],
  rule: CashRoundingRule | null = null,
): PaymentStatus {
  const paying = payments.filter((p) => p.method !== 'CREDITO');
  const paid = paying.reduce((s, p) => s + p.amount, 0);
  const nonCash = paying.filter((p) => p.method !== 'EFECTIVO').reduce((s, p) => s + p.amount, 0);
  const credit = payments.some((p) => p.method === 'CREDITO');
  const cashRounding = settlementRounding(
    {
      due,
      exact: nonCash,
      paysCash: paying.some((p) => p.method === 'EFECTIVO'),
      onCredit: credit,
    },
    rule,
  );
  const settle = due + cashRounding;
  const remaining = Math.max(0, settle - paid);
  return {
    cashRounding,
    settle,
    paid,
    remaining: credit ? 0 : remaining,
    change: Math.max(0, paid - settle),
    onCredit: credit ? remaining : 0,
    covered: (paid >= settle || credit) && nonCash <= due,
    nonCashTooHigh: nonCash > due,
    missingBank: payments.some((p) => p.method === 'TRANSFERENCIA' && !p.bank?.trim()),
  };
}

/**
 * What the cash payment at `index` has to cover once the other payments are
 * counted, down to the coin: the "Exacto" a customer can actually hand over.
 */
export function cashToCover(
  due: number,
  payments: readonly PaymentDraft[],
  index: number,
  rule: CashRoundingRule | null = null,
): number {
  const others = payments.reduce(
    (sum, p, i) => (i === index || p.method === 'CREDITO' ? sum : sum + p.amount),
    0,
  );
  return roundCashDue(Math.max(0, due - others), rule).rounded;
}

/**
 * Amounts a customer is likely to hand over for `due`: the exact amount and the
 * next round amounts in the currency's common notes.
 */
export function quickCash(due: number, notes: readonly number[]): number[] {
  const options = new Set<number>([due]);
  for (const note of [...notes].sort((a, b) => a - b)) {
    const rounded = Math.ceil(due / note) * note;
    if (rounded > due) options.add(rounded);
    if (options.size >= 5) break;
  }
  return [...options].sort((a, b) => a - b);
}
