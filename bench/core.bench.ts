/** Pure rules: how fast the tax engine prices a cart and the till reads a scan. */
import { parseScaleLayout, decodeScaleBarcode, parseScanInput } from '../core/barcode';
import { computeTaxes } from '../core/tax/document';
import { rulesFor } from '../core/tax/testing';
import { formatMoney } from '../core/money/format';
import { measure, type Measurement } from './harness';

export async function benchCore(): Promise<Measurement[]> {
  const rules = rulesFor('PE');
  const cart = {
    lines: Array.from({ length: 10 }, (_, i) => ({
      quantity: 1000 + i * 250,
      unitPrice: 590 + i * 137,
      taxCategory: i === 9 ? 'BOLSA' : 'IGV',
      discount: i % 3 === 0 ? 10 : 0,
    })),
    orderDiscount: 150,
  };
  const big = { lines: Array.from({ length: 300 }, (_, i) => ({ ...cart.lines[i % 10]! })) };
  const layout = [parseScaleLayout('20 PPPPP WWWWW C')];
  return [
    await measure('tax engine, 10-line cart', 20_000, () => computeTaxes(cart, rules)),
    await measure('tax engine, 300-line cart', 2_000, () => computeTaxes(big, rules)),
    await measure('scan parse + scale decode', 50_000, () =>
      decodeScaleBarcode(parseScanInput('2*2000123012506').code, layout),
    ),
    await measure('formatMoney', 50_000, (i) => formatMoney(i * 137, 'PEN', 'es-PE')),
  ];
}
