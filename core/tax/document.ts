import { DomainError } from '../errors';
import { allocateByLargestRemainder } from '../money/allocate';
import { toSafeInteger } from '../money/rounding';
import { computeLine, findCategory, lineGross } from './line';
import { splitAmount } from './split';
import type {
  FixedTaxAmount,
  RateTotal,
  TaxDocumentInput,
  TaxDocumentResult,
  TaxLineResult,
  TaxRules,
} from './types';

/**
 * The tax engine: from lines, an order discount and the store's rules to every
 * figure a sale, a receipt or a report needs. Pure and exact; it is the only
 * place in the product where a tax is computed.
 */
export function computeTaxes(input: TaxDocumentInput, rules: TaxRules): TaxDocumentResult {
  const categories = input.lines.map((line, i) => findCategory(rules, line.taxCategory, i));
  const grosses = input.lines.map((line, i) => lineGross(line, i, rules));
  const afterLineDiscounts = input.lines.map((line, i) => (grosses[i] ?? 0) - (line.discount ?? 0));

  const orderDiscount = input.orderDiscount ?? 0;
  if (!Number.isSafeInteger(orderDiscount) || orderDiscount < 0) {
    throw new DomainError(
      'VALIDATION',
      'The order discount must be a non-negative integer amount',
      {
        reason: 'INVALID_DISCOUNT',
        path: ['orderDiscount'],
      },
    );
  }
  const discountable = afterLineDiscounts.reduce((sum, a) => sum + a, 0);
  if (orderDiscount > discountable) {
    throw new DomainError('VALIDATION', 'The order discount is larger than the order', {
      reason: 'DISCOUNT_EXCEEDS_TOTAL',
      path: ['orderDiscount'],
      orderDiscount,
      orderAmount: discountable,
    });
  }
  const shares = allocateByLargestRemainder(orderDiscount, afterLineDiscounts);

  const lines = input.lines.map((line, i) =>
    computeLine(line, categories[i]!, grosses[i]!, shares[i] ?? 0, rules),
  );
  return rules.roundingMethod === 'document'
    ? summarizePerRate(lines, rules)
    : summarizeAsSumOfLines(lines);
}

function sum(values: Iterable<number>): number {
  let total = 0n;
  for (const value of values) total += BigInt(value);
  return toSafeInteger(total);
}

function sumFixedTaxes(lines: readonly TaxLineResult[]): FixedTaxAmount[] {
  const byCode = new Map<string, FixedTaxAmount>();
  for (const fixed of lines.flatMap((l) => l.fixedTaxes)) {
    const seen = byCode.get(fixed.code);
    byCode.set(fixed.code, { ...fixed, amount: (seen?.amount ?? 0) + fixed.amount });
  }
  return [...byCode.values()];
}

function byRateDescending(a: RateTotal, b: RateTotal): number {
  return b.rate - a.rate;
}

function assemble(lines: readonly TaxLineResult[], taxed: RateTotal[]): TaxDocumentResult {
  const fixedTaxes = sumFixedTaxes(lines);
  const lineDiscount = sum(lines.map((l) => l.lineDiscount));
  const orderDiscount = sum(lines.map((l) => l.orderDiscount));
  const taxableBase = sum(taxed.map((t) => t.base));
  const exempt = sum(lines.filter((l) => l.kind === 'EXEMPT').map((l) => l.base));
  const unaffected = sum(lines.filter((l) => l.kind === 'UNAFFECTED').map((l) => l.base));
  const tax = sum(taxed.map((t) => t.tax));
  const fixedTax = sum(fixedTaxes.map((f) => f.amount));
  return {
    lines,
    gross: sum(lines.map((l) => l.gross)),
    lineDiscount,
    orderDiscount,
    discount: lineDiscount + orderDiscount,
    taxed: taxed.sort(byRateDescending),
    taxableBase,
    exempt,
    unaffected,
    tax,
    fixedTaxes,
    fixedTax,
    total: sum([taxableBase, exempt, unaffected, tax, fixedTax]),
  };
}

/** `line` and `unit`: the document is exactly the sum of its lines. */
function summarizeAsSumOfLines(lines: readonly TaxLineResult[]): TaxDocumentResult {
  const perRate = new Map<number, RateTotal>();
  for (const line of lines.filter((l) => l.kind === 'TAXED')) {
    const seen = perRate.get(line.rate) ?? { rate: line.rate, base: 0, tax: 0 };
    perRate.set(line.rate, {
      rate: line.rate,
      base: seen.base + line.base,
      tax: seen.tax + line.tax,
    });
  }
  return assemble(lines, [...perRate.values()]);
}

/**
 * `document`: sum the amounts per rate, then split and round once per rate.
 * Each rate's rounded tax is then spread back over its lines by largest
 * remainder (in proportion to their amounts), so the stored lines add up to the
 * document to the cent: an electronic invoice whose lines disagree with its
 * totals is rejected (1.00 + 2.00 + 0.10 at 18 % gave lines of 2.62 + 0.48
 * against a document of 2.63 + 0.47).
 */
function summarizePerRate(lines: readonly TaxLineResult[], rules: TaxRules): TaxDocumentResult {
  const amountPerRate = new Map<number, bigint>();
  for (const line of lines.filter((l) => l.kind === 'TAXED')) {
    amountPerRate.set(line.rate, (amountPerRate.get(line.rate) ?? 0n) + BigInt(line.amount));
  }
  const taxed = [...amountPerRate].map(([rate, amount]) => {
    const { base, tax } = splitAmount(amount, rate, rules);
    return { rate, base: toSafeInteger(base), tax: toSafeInteger(tax) };
  });
  const adjusted = [...lines];
  for (const { rate, tax } of taxed) {
    const indexes = lines.flatMap((l, i) => (l.kind === 'TAXED' && l.rate === rate ? [i] : []));
    const shares = allocateByLargestRemainder(
      tax,
      indexes.map((i) => lines[i]!.amount),
    );
    indexes.forEach((lineIndex, k) => {
      adjusted[lineIndex] = withTax(lines[lineIndex]!, shares[k] ?? 0, rules);
    });
  }
  return assemble(adjusted, taxed);
}

/** A line carrying its share of the document's tax; the base follows from the price basis. */
function withTax(line: TaxLineResult, tax: number, rules: TaxRules): TaxLineResult {
  const base = rules.pricesIncludeTax ? line.amount - tax : line.amount;
  return { ...line, base, tax, total: base + tax + line.fixedTax };
}
