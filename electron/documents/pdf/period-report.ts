/** The period report on A4: totals, the sales chart, payments, categories, products, cashiers, profit. */
import { createElement as h } from 'react';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Summary } from '../../../core/api/model';
import { periodContent } from '../content/period-content';
import type { DocumentStore } from '../model';
import { A4_MARGIN, A4Page, Box, KeyValues, Table } from './a4';
import { BarChart } from './bar-chart';

const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - 2 * A4_MARGIN;

const styles = StyleSheet.create({
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 10 },
  businessName: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.2, marginBottom: 3 },
  title: { fontSize: 14, fontWeight: 'bold', lineHeight: 1.2, textAlign: 'right' },
  right: { textAlign: 'right' },
  kpis: { flexDirection: 'row', gap: 8, marginBottom: 10 },
  kpi: { flex: 1, alignItems: 'center' },
  kpiLabel: { fontSize: 8, color: '#555' },
  kpiValue: { fontSize: 12, lineHeight: 1.25, fontWeight: 'bold', marginTop: 2 },
  chartTitle: { fontWeight: 'bold', fontSize: 10, lineHeight: 1.25, marginBottom: 6 },
  columns: { flexDirection: 'row', gap: 10, marginTop: 10 },
  column: { flex: 1, gap: 8 },
  tableTitle: { fontWeight: 'bold', fontSize: 10, lineHeight: 1.25, marginTop: 12 },
});

export function PeriodReport(props: { store: DocumentStore; summary: Summary; createdAt: Date }) {
  const c = periodContent(props.store, props.summary, props.createdAt);
  const left = c.sections.slice(0, 3);
  const right = c.sections.slice(3);
  const column = (sections: typeof c.sections) =>
    h(
      View,
      { style: styles.column },
      sections.map((s, i) => h(Box, { key: i, title: s.title }, h(KeyValues, { rows: s.rows }))),
    );
  return h(
    Document,
    {
      title: `${c.title} ${c.range}`,
      author: c.business.name,
      creator: 'Tendero',
      producer: 'Tendero',
      language: 'es',
      creationDate: props.createdAt,
    },
    h(
      A4Page,
      { footer: `${c.title} · ${c.range} · ${c.business.name}` },
      h(
        View,
        { style: styles.header },
        h(
          View,
          null,
          h(Text, { style: styles.businessName }, c.business.name),
          ...c.business.lines.map((line, i) => h(Text, { key: i }, line)),
        ),
        h(
          View,
          null,
          h(Text, { style: styles.title }, c.title),
          h(Text, { style: styles.right }, c.range),
          h(Text, { style: styles.right }, c.generated),
        ),
      ),
      h(
        View,
        { style: styles.kpis },
        c.kpis.map((k, i) =>
          h(
            Box,
            { key: i, style: styles.kpi },
            h(Text, { style: styles.kpiLabel }, k.label),
            h(Text, { style: styles.kpiValue }, k.value),
          ),
        ),
      ),
      h(
        Box,
        null,
        h(Text, { style: styles.chartTitle }, c.chart.title),
        h(BarChart, {
          bars: c.chart.bars,
          width: CONTENT_WIDTH - 14,
          height: 170,
          formatValue: c.chart.axis,
          labelEvery: c.chart.labelEvery,
        }),
      ),
      h(View, { style: styles.columns }, column(left), column(right)),
      h(Text, { style: styles.tableTitle, minPresenceAhead: 40 }, 'Ventas por categoría'),
      h(Table, {
        columns: [
          { title: 'Categoría', flex: 4 },
          { title: 'Líneas', flex: 1, align: 'right' },
          { title: 'Total', flex: 1.6, align: 'right' },
        ],
        rows: c.categories,
      }),
      h(Text, { style: styles.tableTitle, minPresenceAhead: 40 }, 'Productos más vendidos'),
      h(Table, {
        columns: [
          { title: '#', flex: 0.4, align: 'right' },
          { title: 'Código', flex: 1.2 },
          { title: 'Producto', flex: 4 },
          { title: 'Cantidad', flex: 1, align: 'right' },
          { title: 'Total', flex: 1.4, align: 'right' },
          { title: 'Utilidad', flex: 1.4, align: 'right' },
        ],
        rows: c.topProducts,
      }),
    ),
  );
}
