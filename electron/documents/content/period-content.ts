/** reports.summary as the period report words it. */
import type { DayTotal, Summary } from '../../../core/api/model';
import { currency as currencyOf } from '../../../core/money/currency';
import { daysBetween } from '../../../core/time';
import { MOVEMENT_LABELS, paymentLabel, type DocumentFormat } from '../format';
import type { DocumentStore } from '../model';
import { businessOf } from './common';
import { formatFor } from './sale-content';
import type { Bar, Row, Section } from './types';

export interface PeriodContent {
  readonly business: { readonly name: string; readonly lines: readonly string[] };
  readonly title: string;
  readonly range: string;
  readonly generated: string;
  readonly kpis: readonly Row[];
  readonly chart: {
    readonly title: string;
    readonly bars: readonly Bar[];
    readonly labelEvery: number;
    readonly axis: (value: number) => string;
  };
  readonly sections: readonly Section[];
  readonly categories: readonly (readonly string[])[];
  readonly topProducts: readonly (readonly string[])[];
}

/** Beyond about a year, one bar per day gets thinner than the printer can draw: bars become months. */
const MAX_DAILY_BARS = 400;

function bars(perDay: readonly DayTotal[], fmt: DocumentFormat): { title: string; bars: Bar[] } {
  if (perDay.length <= MAX_DAILY_BARS) {
    return {
      title: 'Ventas por día',
      bars: perDay.map((d) => ({ label: fmt.day(d.date).slice(0, 5), value: d.total })),
    };
  }
  const months = new Map<string, number>();
  for (const d of perDay)
    months.set(d.date.slice(0, 7), (months.get(d.date.slice(0, 7)) ?? 0) + d.total);
  return {
    title: 'Ventas por mes',
    bars: [...months].map(([month, total]) => ({
      label: `${month.slice(5, 7)}/${month.slice(0, 4)}`,
      value: total,
    })),
  };
}

/** Basis points of a part over a whole, for a margin shown as a percentage. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 10_000) / whole);
}

export function periodContent(
  store: DocumentStore,
  summary: Summary,
  generatedAt: Date,
): PeriodContent {
  const fmt = formatFor(store, summary.currency);
  const money = (amount: number) => fmt.money(amount);
  const { sales, profit } = summary;
  const chart = bars(summary.perDay, fmt);
  const scale = 10 ** currencyOf(summary.currency).minorDigits;
  const axisFormat = new Intl.NumberFormat(store.locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const days = daysBetween(summary.from, summary.to);

  const totals: Row[] = [
    { label: 'Ventas brutas', value: money(sales.gross) },
    { label: 'Descuentos', value: money(sales.discounts) },
    { label: 'Base imponible', value: money(sales.base) },
    { label: 'Exonerado / exento', value: money(sales.exempt) },
    { label: 'Inafecto / no gravado', value: money(sales.unaffected) },
    { label: 'Impuestos', value: money(sales.tax) },
    ...(sales.fixedTax
      ? [{ label: 'Impuestos fijos (ICBPER)', value: money(sales.fixedTax) }]
      : []),
    ...(sales.igtf ? [{ label: 'IGTF', value: money(sales.igtf) }] : []),
    { label: 'Total vendido', value: money(sales.total), strong: true },
  ];
  const sections: Section[] = [
    { title: 'Totales', rows: totals },
    {
      title: 'Impuestos por tasa',
      rows: summary.taxes.length
        ? summary.taxes.map((t) => ({
            label: `${fmt.rate(t.rate)} sobre ${money(t.base)}`,
            value: money(t.tax),
          }))
        : [{ label: 'Sin ventas gravadas', value: money(0) }],
    },
    {
      title: 'Utilidad',
      rows: [
        { label: 'Ingresos sin impuestos', value: money(profit.revenue) },
        { label: 'Costo de lo vendido', value: money(profit.cost) },
        { label: 'Utilidad bruta', value: money(profit.profit), strong: true },
        { label: 'Margen', value: fmt.rate(share(profit.profit, profit.revenue)) },
      ],
    },
    {
      title: 'Medios de pago',
      rows: [
        ...(summary.byMethod.length
          ? summary.byMethod.map((m) => ({
              label: `${paymentLabel(store, m.method)}${m.currency === summary.currency ? '' : ` ${m.currency}`} (${fmt.count(m.count)})`,
              value: fmt.money(m.amount),
            }))
          : [{ label: 'Sin pagos', value: money(0) }]),
        // The methods add up to the total sold plus this (DOMAIN.md, "Cash rounding").
        ...(sales.cashRounding === 0
          ? []
          : [{ label: 'Redondeo del efectivo', value: money(sales.cashRounding) }]),
      ],
    },
    {
      title: 'Cajeros',
      rows: summary.byCashier.length
        ? summary.byCashier.map((c) => ({
            label: `${c.name} (${fmt.count(c.count)})`,
            value: money(c.total),
          }))
        : [{ label: 'Sin ventas', value: money(0) }],
    },
    {
      title: 'Anulaciones, devoluciones y caja',
      rows: [
        {
          label: `Ventas anuladas (${fmt.count(summary.voids.count)})`,
          value: money(summary.voids.total),
        },
        {
          label: `Devoluciones (${fmt.count(summary.returns.count)})`,
          value: money(summary.returns.total),
        },
        ...summary.extraIncome.map((m) => ({
          label: `Ingreso: ${MOVEMENT_LABELS[m.type]} (${fmt.count(m.count)})`,
          value: money(m.amount),
        })),
        ...summary.expenses.map((m) => ({
          label: `Egreso: ${MOVEMENT_LABELS[m.type]} (${fmt.count(m.count)})`,
          value: money(m.amount),
        })),
      ],
    },
  ];

  return {
    business: businessOf(store),
    title: 'REPORTE DE VENTAS',
    range: `Del ${fmt.day(summary.from)} al ${fmt.day(summary.to)} (${days} ${days === 1 ? 'día' : 'días'})`,
    generated: `Emitido el ${fmt.date(generatedAt.toISOString())} a las ${fmt.time(generatedAt.toISOString())}`,
    kpis: [
      { label: 'Ventas', value: fmt.count(sales.count) },
      { label: 'Total vendido', value: money(sales.total) },
      { label: 'Ticket promedio', value: money(sales.averageTicket) },
      { label: 'Utilidad bruta', value: money(profit.profit) },
    ],
    chart: {
      ...chart,
      labelEvery: Math.max(1, Math.ceil(chart.bars.length / 12)),
      axis: (value) => axisFormat.format(value / scale),
    },
    sections,
    categories: summary.byCategory.map((c) => [
      c.name || 'Sin categoría',
      fmt.count(c.count),
      fmt.plain(c.total),
    ]),
    topProducts: summary.topProducts.map((p, i) => [
      String(i + 1),
      p.code,
      p.name,
      fmt.quantity(p.quantity),
      fmt.plain(p.total),
      fmt.plain(p.profit),
    ]),
  };
}
