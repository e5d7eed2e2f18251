/**
 * The tax block each country's papers must carry, worded as that country's
 * tax authority words it (DOMAIN.md, country profiles). Figures come stored
 * on the sale or return; nothing is recomputed here.
 */
import { currency } from '../../../core/money/currency';
import { convertAmount, convertBack, type ExchangeRate } from '../../../core/money/exchange';
import type { RoundingMode } from '../../../core/money/rounding';
import { profileOf, type CountryCode } from '../../../core/profiles';
import type { FixedTaxAmount, RateTotal } from '../../../core/tax/types';
import type { DocumentFormat } from '../format';
import type { Row } from './types';

/** The stored totals of a sale or a credit note. */
export interface TaxAmounts {
  readonly currency: string;
  readonly taxed: readonly RateTotal[];
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  readonly tax: number;
  readonly fixedTaxes: readonly FixedTaxAmount[];
  readonly fixedTax: number;
  readonly discount: number;
  /** Whether the sale's prices (and so its discounts) include the tax; default true. */
  readonly pricesIncludeTax?: boolean;
  readonly total: number;
  readonly igtf: number;
  /** total + igtf. */
  readonly due: number;
  /** The sale's second currency and locked rate (Venezuela), or null. */
  readonly secondaryCurrency: string | null;
  readonly exchangeRate: string | null;
}

export interface TaxBlock {
  readonly totals: readonly Row[];
  readonly legends: readonly string[];
}

/** Bolivia's invoices must carry this legend (SIN, RND 10-0021-16). */
const BO_LEGEND =
  'ESTA FACTURA CONTRIBUYE AL DESARROLLO DEL PAÍS, EL USO ILÍCITO SERÁ SANCIONADO PENALMENTE DE ACUERDO A LEY';

export function taxBlock(
  country: CountryCode,
  amounts: TaxAmounts,
  fmt: DocumentFormat,
  roundingMode: RoundingMode,
  options: { readonly invoice: boolean } = { invoice: false },
): TaxBlock {
  const money = (value: number) => fmt.money(value, amounts.currency);
  const rows: Row[] = [];
  const legends: string[] = [];
  const add = (label: string, value: number, strong = false) =>
    rows.push({ label, value: money(value), ...(strong ? { strong } : {}) });
  const perRate = (name: string) => {
    if (amounts.taxed.length === 0) add(name, 0);
    for (const t of amounts.taxed) add(`${name} ${fmt.rate(t.rate)}`, t.tax);
  };
  const fixed = () => {
    for (const f of amounts.fixedTaxes) if (f.amount !== 0) add(f.name, f.amount);
  };
  const bases = amounts.taxableBase + amounts.exempt + amounts.unaffected;
  if (amounts.discount > 0) {
    // Each row says what it is, so the reader can add them up: the goods before
    // discounts, minus the discounts, is what the tax rows below break down.
    const included = amounts.pricesIncludeTax ?? true;
    const before = amounts.discount + (included ? amounts.total - amounts.fixedTax : bases);
    add(
      included ? 'Total antes de descuentos' : 'Subtotal antes de descuentos (sin impuesto)',
      before,
    );
    rows.push({ label: 'Descuentos', value: `− ${money(amounts.discount)}` });
  }

  switch (country) {
    case 'PE':
      add('Op. gravadas (sin IGV)', amounts.taxableBase);
      add('Op. exoneradas', amounts.exempt);
      add('Op. inafectas', amounts.unaffected);
      perRate('IGV');
      fixed();
      add('TOTAL', amounts.total, true);
      break;
    case 'AR':
      // Consumer tickets and Factura B do not itemize IVA: Ley 27.743 wants the IVA contained.
      add('TOTAL', amounts.total, true);
      legends.push(
        'Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)',
        `IVA contenido: ${money(amounts.tax)}`,
        `Otros impuestos nacionales indirectos: ${money(amounts.fixedTax)}`,
      );
      break;
    case 'BO':
      add('TOTAL', amounts.total, true);
      // The 13 % applies to the tax-included amount, so the credit base is the taxed total.
      add(
        'Importe base crédito fiscal',
        amounts.total - amounts.exempt - amounts.unaffected - amounts.fixedTax,
      );
      perRate('Débito fiscal IVA');
      if (options.invoice) legends.push(BO_LEGEND);
      break;
    case 'CO':
      // Exento and excluido are parts of the subtotal, listed before it so the rows add up.
      if (amounts.exempt || amounts.unaffected) {
        add('Gravado (sin IVA)', amounts.taxableBase);
        if (amounts.exempt) add('Exento', amounts.exempt);
        if (amounts.unaffected) add('Excluido', amounts.unaffected);
      }
      add('Subtotal (sin IVA)', bases);
      for (const t of amounts.taxed)
        rows.push({
          label: `IVA ${fmt.rate(t.rate)} (base ${fmt.plain(t.base, amounts.currency)})`,
          value: money(t.tax),
        });
      fixed();
      add('TOTAL', amounts.total, true);
      break;
    case 'VE':
      veBlock(amounts, fmt, roundingMode, rows, legends);
      break;
    case 'GENERIC':
      add('Gravado (sin impuesto)', amounts.taxableBase);
      perRate('Impuesto');
      if (amounts.exempt) add('Exento', amounts.exempt);
      if (amounts.unaffected) add('No gravado', amounts.unaffected);
      fixed();
      add('TOTAL', amounts.total, true);
      break;
  }
  return { totals: rows, legends };
}

/**
 * Venezuela: the sale's figures in both currencies at the rate it locked,
 * and the IGTF on the part paid in foreign currency when the store charges it.
 */
function veBlock(
  amounts: TaxAmounts,
  fmt: DocumentFormat,
  mode: RoundingMode,
  rows: Row[],
  legends: string[],
): void {
  const profile = profileOf('VE');
  const add = (label: string, value: number, currency: string, strong = false) =>
    rows.push({ label, value: fmt.money(value, currency), ...(strong ? { strong } : {}) });
  const show = (currency: string, convert: (value: number) => number) => {
    add('Base imponible', convert(amounts.taxableBase), currency);
    for (const t of amounts.taxed) add(`IVA ${fmt.rate(t.rate)}`, convert(t.tax), currency);
    if (amounts.exempt) add('Exento', convert(amounts.exempt), currency);
    add('Total', convert(amounts.total), currency, amounts.igtf === 0);
    if (amounts.igtf > 0) {
      add(`IGTF ${fmt.rate(profile.igtf?.rate ?? 0)}`, convert(amounts.igtf), currency);
      add('TOTAL A PAGAR', convert(amounts.due), currency, true);
    }
  };
  show(amounts.currency, (value) => value);
  const other = amounts.secondaryCurrency;
  if (!other || !amounts.exchangeRate || !profile.secondaryCurrency) return;
  // The locked rate is always foreign → local (Bs per USD), whichever one the store sells in.
  const rate: ExchangeRate = {
    from: profile.secondaryCurrency,
    to: profile.currency,
    rate: amounts.exchangeRate,
  };
  const convert = (value: number) =>
    amounts.currency === rate.from
      ? convertAmount(value, rate, mode)
      : convertBack(value, rate, mode);
  rows.push({ label: `Equivalente en ${other}`, value: '' });
  show(other, convert);
  legends.push(
    `Tasa de cambio: ${fmt.decimal(amounts.exchangeRate)} ${currency(rate.to).symbol}/${rate.from}`,
  );
}
