/**
 * The payment dialog's arithmetic, for showing: how much is still due and the
 * change. The main process plans the payments again when it stores the sale.
 */
import type { PaymentMethod } from '../../../core/api/model';

export interface PaymentDraft {
  readonly method: PaymentMethod;
  /** Minor units handed over; for CREDITO, ignored (the balance goes on credit). */
  readonly amount: number;
  readonly bank?: string;
  readonly reference?: string;
}

export interface PaymentStatus {
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

export function paymentStatus(due: number, payments: readonly PaymentDraft[]): PaymentStatus {
  const paying = payments.filter((p) => p.method !== 'CREDITO');
  const paid = paying.reduce((s, p) => s + p.amount, 0);
  const nonCash = paying.filter((p) => p.method !== 'EFECTIVO').reduce((s, p) => s + p.amount, 0);
  const credit = payments.some((p) => p.method === 'CREDITO');
  const remaining = Math.max(0, due - paid);
  return {
    paid,
    remaining: credit ? 0 : remaining,
    change: Math.max(0, paid - due),
    onCredit: credit ? remaining : 0,
    covered: (paid >= due || credit) && nonCash <= due,
    nonCashTooHigh: nonCash > due,
    missingBank: payments.some((p) => p.method === 'TRANSFERENCIA' && !p.bank?.trim()),
  };
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
