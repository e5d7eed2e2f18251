/** Property tests over random carts (fast-check), as the foundation issue asks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, PROFILES, taxRulesOf } from '../profiles';
import { divRound, ROUNDING_MODES } from '../money/rounding';
import { computeTaxes } from './document';
import { ROUNDING_METHODS, type TaxDocumentInput, type TaxRules } from './types';

/** The line's gross as the engine rounds it, so generated discounts stay within it. */
function grossOf(quantity: number, unitPrice: number, rules: TaxRules): number {
  return Number(divRound(BigInt(quantity) * BigInt(unitPrice), 1000n, rules.roundingMode));
}

const rulesArb: fc.Arbitrary<TaxRules> = fc
  .record({
    country: fc.constantFrom(...COUNTRY_CODES),
    pricesIncludeTax: fc.boolean(),
    roundingMethod: fc.constantFrom(...ROUNDING_METHODS),
    roundingMode: fc.constantFrom(...ROUNDING_MODES),
    generic: fc.integer({ min: 0, max: 3000 }),
  })
  .map(({ country, generic, ...overrides }) => {
    const profile = PROFILES[country];
    const categories = profile.taxCategories.map((c) =>
      country === 'GENERIC' && c.kind === 'TAXED' ? { ...c, rate: generic } : c,
    );
    return taxRulesOf(profile, { ...overrides, categories });
  });

function cartArb(rules: TaxRules): fc.Arbitrary<TaxDocumentInput> {
  const line = fc
    .record({
      quantity: fc.oneof(
        fc.integer({ min: 1, max: 20 }).map((n) => n * 1000),
        fc.integer({ min: 1, max: 50_000 }),
      ),
      unitPrice: fc.oneof(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 50_000_000 }),
      ),
      taxCategory: fc.constantFrom(...rules.categories.map((c) => c.code)),
      discountShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ discountShare, ...l }) => {
      const gross = grossOf(l.quantity, l.unitPrice, rules);
      return { ...l, discount: Math.floor(gross * discountShare) };
    });
  return fc
    .record({
      lines: fc.array(line, { minLength: 1, maxLength: 15 }),
      orderShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ lines, orderShare }) => {
      const rest = lines.reduce(
        (sum, l) => sum + grossOf(l.quantity, l.unitPrice, rules) - l.discount,
        0,
      );
      return { lines, orderDiscount: Math.floor(rest * orderShare) };
    });
}

const rulesAndCart = rulesArb.chain((rules) => cartArb(rules).map((cart) => ({ rules, cart })));
const params = { numRuns: 400 };

describe('tax engine properties', () => {
  it('base + taxes + fixed taxes = total, for the document and every line', () => {
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        const doc = computeTaxes(cart, rules);
        expect(doc.taxableBase + doc.exempt + doc.unaffected + doc.tax + doc.fixedTax).toBe(
          doc.total,
        );
        expect(
          doc.taxed.reduce((s, t) => s + t.base + t.tax, 0) + doc.exempt + doc.unaffected,
        ).toBe(doc.total - doc.fixedTax);
        for (const line of doc.lines) expect(line.base + line.tax + line.fixedTax).toBe(line.total);
      }),
      params,
    );
  });

  it('with tax-included prices the customer pays the shelf price: Σ amounts + fixed taxes', () => {
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        fc.pre(rules.pricesIncludeTax);
        const doc = computeTaxes(cart, rules);
        const shelf = doc.lines.reduce((s, l) => s + l.amount, 0);
        expect(doc.total).toBe(shelf + doc.fixedTax);
        expect(doc.gross - doc.discount).toBe(shelf);
      }),
      params,
    );
  });

  it('under every method the document is exactly the sum of its lines', () => {
    // Under `document` the per-rate rounding is spread back over the lines, so a
    // stored sale (and its electronic invoice) never disagrees with its lines.
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        const doc = computeTaxes(cart, rules);
        const sum = (pick: (l: (typeof doc.lines)[number]) => number) =>
          doc.lines.reduce((s, l) => s + pick(l), 0);
        expect(doc.total).toBe(sum((l) => l.total));
        expect(doc.tax).toBe(sum((l) => l.tax));
        expect(doc.taxableBase).toBe(sum((l) => (l.kind === 'TAXED' ? l.base : 0)));
        expect(doc.exempt).toBe(sum((l) => (l.kind === 'EXEMPT' ? l.base : 0)));
        expect(doc.fixedTax).toBe(sum((l) => l.fixedTax));
        for (const rate of doc.taxed) {
          const ofRate = doc.lines.filter((l) => l.kind === 'TAXED' && l.rate === rate.rate);
          expect(ofRate.reduce((s, l) => s + l.base, 0)).toBe(rate.base);
          expect(ofRate.reduce((s, l) => s + l.tax, 0)).toBe(rate.tax);
        }
      }),
      params,
    );
  });

  it('discounts never push a line or the document below zero', () => {
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        const doc = computeTaxes(cart, rules);
        for (const line of doc.lines) {
          expect(line.amount).toBeGreaterThanOrEqual(0);
          expect(line.base).toBeGreaterThanOrEqual(0);
          expect(line.tax).toBeGreaterThanOrEqual(0);
          expect(line.total).toBeGreaterThanOrEqual(0);
        }
        expect(doc.total).toBeGreaterThanOrEqual(0);
      }),
      params,
    );
  });

  it('a line discounted to nothing carries no tax', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.integer({ min: 1, max: 30_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (rules, q, p) => {
          const category = rules.categories[0]!.code;
          const gross = grossOf(q, p, rules);
          const doc = computeTaxes(
            { lines: [{ quantity: q, unitPrice: p, taxCategory: category, discount: gross }] },
            rules,
          );
          expect(doc.lines[0]).toMatchObject({ amount: 0, base: 0, tax: 0 });
        },
      ),
      params,
    );
  });

  it('the order discount is spread exactly, never more than a line holds', () => {
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        const doc = computeTaxes(cart, rules);
        expect(doc.orderDiscount).toBe(cart.orderDiscount);
        for (const line of doc.lines) {
          expect(line.orderDiscount).toBeLessThanOrEqual(line.gross - line.lineDiscount);
        }
      }),
      params,
    );
  });

  it('under document the tax per rate is within half a minor unit of the exact tax', () => {
    fc.assert(
      fc.property(rulesAndCart, ({ rules, cart }) => {
        fc.pre(rules.roundingMethod === 'document');
        const doc = computeTaxes(cart, rules);
        for (const { rate, tax } of doc.taxed) {
          const sum = BigInt(
            doc.lines
              .filter((l) => l.kind === 'TAXED' && l.rate === rate)
              .reduce((s, l) => s + l.amount, 0),
          );
          const r = BigInt(rate);
          // The exact tax as numerator / denominator, per basis and price convention.
          const [numerator, denominator] =
            rules.taxBasis === 'net'
              ? rules.pricesIncludeTax
                ? [sum * r, 10_000n + r]
                : [sum * r, 10_000n]
              : rules.pricesIncludeTax
                ? [sum * r, 10_000n]
                : [sum * r, 10_000n - r];
          const error = BigInt(tax) * denominator - numerator;
          expect(2n * (error < 0n ? -error : error) <= denominator).toBe(true);
        }
      }),
      params,
    );
  });
});
