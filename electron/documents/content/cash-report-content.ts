/** An X or Z report (cash.report) as printed: the same sections on the roll and on A4. */
import type { CashReport, TypeTotal } from '../../../core/api/model';
import { MOVEMENT_LABELS, paymentLabel } from '../format';
import type { DocumentStore } from '../model';
import { businessOf } from './common';
import { formatFor } from './sale-content';
import type { Row, Section } from './types';

export interface CashReportContent {
  readonly business: { readonly name: string; readonly lines: readonly string[] };
  readonly title: string;
  readonly meta: readonly Row[];
  readonly sections: readonly Section[];
  /** What the cashier typed as observations (at close for a Z); '' when none. */
  readonly observations: string;
  /** Who signs the paper at close. */
  readonly signatures: readonly string[];
}

export function cashReportContent(store: DocumentStore, report: CashReport): CashReportContent {
  const fmt = formatFor(store, report.currency);
  const money = (amount: number) => fmt.money(amount);
  const { session, cash } = report;
  const when = (iso: string) => `${fmt.date(iso)} ${fmt.time(iso)}`;
  const movements = (rows: readonly TypeTotal[]): Row[] =>
    rows.map((m) => ({
      label: `${MOVEMENT_LABELS[m.type]} (${fmt.count(m.count)})`,
      value: money(m.amount),
    }));

  const taxes: Row[] = report.taxes.flatMap((t) => [
    { label: `Base gravada ${fmt.rate(t.rate)}`, value: money(t.base) },
    { label: `Impuesto ${fmt.rate(t.rate)}`, value: money(t.tax) },
  ]);
  if (report.exempt) taxes.push({ label: 'Exonerado / exento', value: money(report.exempt) });
  if (report.unaffected)
    taxes.push({ label: 'Inafecto / no gravado', value: money(report.unaffected) });
  if (report.fixedTax)
    taxes.push({ label: 'Impuestos fijos (ICBPER)', value: money(report.fixedTax) });
  if (report.igtf) taxes.push({ label: 'IGTF', value: money(report.igtf) });
  taxes.push({ label: 'Descuentos', value: money(report.discounts) });

  const arqueo: Row[] = [
    { label: 'Fondo inicial', value: money(cash.float) },
    { label: '+ Efectivo recibido', value: money(cash.received) },
    { label: '− Vuelto entregado', value: money(cash.change) },
    { label: '+ Ingresos de caja', value: money(cash.in) },
    { label: '− Egresos de caja', value: money(cash.out) },
    { label: '− Devoluciones en efectivo', value: money(cash.refunds) },
    { label: 'Efectivo esperado', value: money(cash.expected), strong: true },
  ];
  if (cash.counted !== null) {
    arqueo.push({ label: 'Efectivo contado', value: money(cash.counted), strong: true });
    const difference = cash.difference ?? 0;
    arqueo.push({
      label: difference === 0 ? 'Diferencia' : difference > 0 ? 'Sobrante' : 'Faltante',
      value: money(Math.abs(difference)),
      strong: true,
    });
  }

  const sections: Section[] = [
    {
      title: 'Ventas',
      rows: [
        { label: 'Cantidad de ventas', value: fmt.count(report.sales.count) },
        { label: 'Total vendido', value: money(report.sales.total), strong: true },
        // The documents keep their totals; the cash went to the coin (DOMAIN.md, "Cash rounding").
        ...(report.cashRounding.sales === 0
          ? []
          : [{ label: 'Redondeo del efectivo', value: money(report.cashRounding.sales) }]),
      ],
    },
    {
      title: 'Por medio de pago',
      rows: report.byMethod.length
        ? report.byMethod.map((m) => ({
            label: `${paymentLabel(store, m.method)}${m.currency === report.currency ? '' : ` ${m.currency}`} (${fmt.count(m.count)})`,
            value: money(m.amount),
          }))
        : [{ label: 'Sin pagos', value: money(0) }],
    },
    { title: 'Impuestos y descuentos', rows: taxes },
    {
      title: 'Anulaciones y devoluciones',
      rows: [
        {
          label: `Ventas anuladas (${fmt.count(report.voids.count)})`,
          value: money(report.voids.total),
        },
        {
          label: `Devoluciones (${fmt.count(report.returns.count)})`,
          value: money(report.returns.total),
        },
        ...(report.cashRounding.refunds === 0
          ? []
          : [
              {
                label: 'Redondeo de devoluciones en efectivo',
                value: money(report.cashRounding.refunds),
              },
            ]),
      ],
    },
    {
      title: 'Movimientos de caja',
      rows: [
        ...movements(report.movementsIn).map((r) => ({ ...r, label: `Ingreso: ${r.label}` })),
        ...movements(report.movementsOut).map((r) => ({ ...r, label: `Egreso: ${r.label}` })),
        ...(report.movementsIn.length + report.movementsOut.length === 0
          ? [{ label: 'Sin movimientos', value: '' }]
          : []),
      ],
    },
    { title: 'Arqueo de efectivo', rows: arqueo },
  ];
  if (session.denominations && session.denominations.length > 0) {
    sections.push({
      title: 'Conteo por denominación',
      rows: session.denominations.map((d) => ({
        label: `${d.count} × ${money(d.value)}`,
        value: money(d.count * d.value),
      })),
    });
  }

  const meta: Row[] = [
    { label: 'Caja', value: session.registerCode },
    { label: 'Turno', value: String(session.number) },
    { label: 'Apertura', value: `${when(session.openedAt)} · ${session.openedBy.name}` },
  ];
  if (session.closedAt)
    meta.push({
      label: 'Cierre',
      value: `${when(session.closedAt)} · ${session.closedBy?.name ?? ''}`,
    });
  meta.push({ label: 'Emitido', value: when(report.generatedAt) });

  return {
    business: businessOf(store),
    title: report.kind === 'Z' ? 'CIERRE DE CAJA (Z)' : 'CORTE PARCIAL (X)',
    meta,
    sections,
    observations: session.notes.trim(),
    signatures: report.kind === 'Z' ? ['Cajero', 'Supervisor'] : [],
  };
}
