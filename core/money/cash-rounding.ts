/**
 * Cash rounding: where the smallest coin in circulation is bigger than the
 * currency's minor unit (Peru has had no 1- or 5-céntimo coin since 2019), an
 * amount settled in cash cannot be paid to the cent. It is rounded to the
 * coin, always in the customer's favour (DOMAIN.md, "Cash rounding"): down
 * when the customer pays, up when the shop pays back. Card, QR and transfer
 * are exact and never pass through here.
 */
import { DomainError } from '../errors';

export interface CashRoundingRule {
  /** The smallest coin in circulation, in minor units (Peru: 10 = S/ 0.10). */
  readonly increment: number;
  /**
   * Which way an amount the customer pays in cash goes. Only 'down' exists:
   * rounding up a payment charges more than the price, which the consumer
   * codes of every supported country forbid without the customer's consent.
   */
  readonly direction: 'down';
}

export interface CashRounding {
  /** The amount to hand over in cash, a whole number of coins. */
  readonly rounded: number;
  /** rounded − amount: ≤ 0 for a payment (the customer pays less), ≥ 0 for a refund. */
  readonly rounding: number;
}

function checkRule(rule: CashRoundingRule): void {
  if (!Number.isSafeInteger(rule.increment) || rule.increment < 1) {
    throw new DomainError('VALIDATION', `A cash rounding step must be a positive whole amount`, {
      reason: 'INVALID_CASH_ROUNDING',
      increment: rule.increment,
    });
  }
}

/**
 * What the customer pays in cash for `amount`: down to the coin below
 * (S/ 4.75 → S/ 4.70). Nothing to round without a rule or for nothing due.
 */
export function roundCashDue(amount: number, rule: CashRoundingRule | null): CashRounding {
  if (!rule || amount <= 0) return { rounded: amount, rounding: 0 };
  checkRule(rule);
  const rounded = amount - (amount % rule.increment);
  return { rounded, rounding: rounded - amount };
}

/**
 * What the shop pays back in cash for `amount`: up to the coin above, the
 * mirror of a payment, so a refund never takes a céntimo from the customer.
 */
export function roundCashRefund(amount: number, rule: CashRoundingRule | null): CashRounding {
  if (!rule || amount <= 0) return { rounded: amount, rounding: 0 };
  checkRule(rule);
  const over = amount % rule.increment;
  const rounded = over === 0 ? amount : amount + rule.increment - over;
  return { rounded, rounding: rounded - amount };
}

/** How a sale is being settled, as far as cash rounding cares. */
export interface Settlement {
  /** What the sale asks for (total + IGTF). */
  readonly due: number;
  /** Σ the payments that are not cash in the sale's own currency: card, QR, transfer, a second currency. */
  readonly exact: number;
  /** Whether any cash in the sale's own currency is handed over. */
  readonly paysCash: boolean;
  /** Whether part of the sale stays on credit: then the cash does not settle it, and nothing is rounded. */
  readonly onCredit: boolean;
}

/**
 * The rounding of a sale's cash part: what is left after the exact payments
 * goes down to the coin (≤ 0). One rule for the till's payment dialog and the
 * main process's payment plan, so the amount offered is the amount recorded.
 */
export function settlementRounding(settlement: Settlement, rule: CashRoundingRule | null): number {
  const { due, exact, paysCash, onCredit } = settlement;
  if (!rule || onCredit || !paysCash) return 0;
  return roundCashDue(due - exact, rule).rounding;
}
