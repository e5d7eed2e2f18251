import { DomainError } from '../errors';
import { divRound, toSafeInteger } from '../money/rounding';
import { splitAmount } from './split';
import type { TaxCategory, TaxLineInput, TaxLineResult, TaxRules } from './types';

const THOUSAND = 1000n;

function invalid(index: number, field: string, reason: string, message: string): never {
  throw new DomainError('VALIDATION', `Line ${index + 1}: ${message}`, {
    reason,
    path: ['lines', index, field],
  });
}

/** Checks a line's numbers and returns its gross: quantity × unit price, rounded once. */
export function lineGross(line: TaxLineInput, index: number, rules: TaxRules): number {
  if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
    invalid(
      index,
      'quantity',
      'INVALID_QUANTITY',
      'quantity must be a positive number of thousandths',
    );
  }
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
    invalid(
      index,
      'unitPrice',
      'INVALID_PRICE',
      'unit price must be a non-negative integer amount',
    );
  }
  const discount = line.discount ?? 0;
  if (!Number.isSafeInteger(discount) || discount < 0) {
    invalid(
      index,
      'discount',
      'INVALID_DISCOUNT',
      'discount must be a non-negative integer amount',
    );
  }
  if (
    line.fixedAmount !== undefined &&
    (!Number.isSafeInteger(line.fixedAmount) || line.fixedAmount < 0)
  ) {
    invalid(
      index,
      'fixedAmount',
      'INVALID_AMOUNT',
      'a fixed line amount must be a non-negative integer',
    );
  }
  const gross =
    line.fixedAmount ??
    toSafeInteger(
      divRound(BigInt(line.quantity) * BigInt(line.unitPrice), THOUSAND, rules.roundingMode),
      'line amount',
    );
  if (discount > gross) {
    invalid(index, 'discount', 'DISCOUNT_EXCEEDS_LINE', 'discount is larger than the line amount');
  }
  return gross;
}

export function findCategory(rules: TaxRules, code: string, index: number): TaxCategory {
  const category = rules.categories.find((c) => c.code === code);
  if (!category) {
    throw new DomainError('VALIDATION', `Line ${index + 1}: unknown tax category "${code}"`, {
      reason: 'UNKNOWN_TAX_CATEGORY',
      path: ['lines', index, 'taxCategory'],
      taxCategory: code,
    });
  }
  return category;
}

/**
 * Computes one line once its gross and its share of the order discount are known.
 * Under the `document` method the line is still computed as under `line`, for
 * display; the document totals are then recomputed per rate.
 */
export function computeLine(
  line: TaxLineInput,
  category: TaxCategory,
  gross: number,
  orderDiscount: number,
  rules: TaxRules,
): TaxLineResult {
  const lineDiscount = line.discount ?? 0;
  const amount = gross - lineDiscount - orderDiscount;
  const rate = category.kind === 'TAXED' ? category.rate : 0;

  let base: bigint;
  let tax: bigint;
  let unitTax: number | undefined;
  // A label-fixed amount has no per-unit price to tax, so it is taxed as a line.
  if (rules.roundingMethod === 'unit' && rate > 0 && line.fixedAmount === undefined) {
    // Tax one unit, round, then scale by quantity; a discount scales that tax down
    // in proportion, so a line discounted to zero carries no tax.
    const perUnit = splitAmount(BigInt(line.unitPrice), rate, rules).tax;
    unitTax = toSafeInteger(perUnit, 'unit tax');
    const undiscounted = divRound(BigInt(line.quantity) * perUnit, THOUSAND, rules.roundingMode);
    tax =
      amount === gross || gross === 0
        ? undiscounted
        : divRound(undiscounted * BigInt(amount), BigInt(gross), rules.roundingMode);
    base = rules.pricesIncludeTax ? BigInt(amount) - tax : BigInt(amount);
  } else {
    ({ base, tax } = splitAmount(BigInt(amount), rate, rules));
  }

  const fixedTaxes = (category.fixedTaxes ?? []).map((fixed) => ({
    code: fixed.code,
    name: fixed.name,
    amount: toSafeInteger(
      divRound(BigInt(line.quantity) * BigInt(fixed.amountPerUnit), THOUSAND, rules.roundingMode),
      fixed.code,
    ),
  }));
  const fixedTax = fixedTaxes.reduce((sum, f) => sum + f.amount, 0);

  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxCategory: category.code,
    kind: category.kind,
    rate,
    gross,
    lineDiscount,
    orderDiscount,
    amount,
    base: toSafeInteger(base),
    tax: toSafeInteger(tax),
    ...(unitTax === undefined ? {} : { unitTax }),
    fixedTaxes,
    fixedTax,
    total: toSafeInteger(base + tax + BigInt(fixedTax), 'line total'),
  };
}
