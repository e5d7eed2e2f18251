import { DomainError } from '../errors';
import { isCurrencyCode, type CurrencyCode } from './currency';
import { toSafeInteger } from './rounding';

/** An amount in a currency's minor units (118.00 PEN is { amount: 11800, currency: 'PEN' }). */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('VALIDATION', `Amounts are integers in minor units, got ${amount}`, {
      reason: 'NOT_AN_INTEGER',
    });
  }
  if (!isCurrencyCode(currency)) {
    throw new DomainError('VALIDATION', `Unknown currency "${currency}"`, {
      reason: 'UNKNOWN_CURRENCY',
    });
  }
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new DomainError('VALIDATION', `Cannot add ${a.currency} to ${b.currency}`, {
      reason: 'CURRENCY_MISMATCH',
    });
  }
  return { amount: toSafeInteger(BigInt(a.amount) + BigInt(b.amount)), currency: a.currency };
}

/** Sums integer amounts, refusing to drift past Number.MAX_SAFE_INTEGER. */
export function sumAmounts(amounts: Iterable<number>): number {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return toSafeInteger(total);
}
