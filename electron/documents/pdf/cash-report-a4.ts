/** An X or Z cash report on A4: the same sections as the roll, in two columns. */
import { createElement as h } from 'react';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CashReportContent } from '../content/cash-report-content';
import { A4Page, Box, KeyValues } from './a4';

const styles = StyleSheet.create({
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 12 },
  businessName: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.2, marginBottom: 3 },
  title: { fontSize: 14, fontWeight: 'bold', lineHeight: 1.2, textAlign: 'right', marginBottom: 4 },
  columns: { flexDirection: 'row', gap: 12 },
  column: { flex: 1, gap: 10 },
  signatures: { flexDirection: 'row', gap: 40, marginTop: 60 },
  signature: { flex: 1, borderTopWidth: 0.8, borderTopColor: '#000', textAlign: 'center' },
});

export function CashReportA4(props: { content: CashReportContent; createdAt: Date }) {
  const { content: c } = props;
  // Sales, payments and taxes on the left; voids, movements and the count on the right.
  const half = Math.ceil(c.sections.length / 2);
  const column = (sections: typeof c.sections) =>
    h(
      View,
      { style: styles.column },
      sections.map((s, i) => h(Box, { key: i, title: s.title }, h(KeyValues, { rows: s.rows }))),
    );
  return h(
    Document,
    {
      title: c.title,
      author: c.business.name,
      creator: 'Tendero',
      producer: 'Tendero',
      language: 'es',
      creationDate: props.createdAt,
    },
    h(
      A4Page,
      { footer: `${c.title} · ${c.business.name}` },
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
          { style: { width: 240 } },
          h(Text, { style: styles.title }, c.title),
          h(KeyValues, { rows: c.meta }),
        ),
      ),
      h(
        View,
        { style: styles.columns },
        column(c.sections.slice(0, half)),
        column(c.sections.slice(half)),
      ),
      c.observations
        ? h(
            Box,
            { title: 'Observaciones', style: { marginTop: 10 } },
            h(Text, null, c.observations),
          )
        : null,
      c.signatures.length
        ? h(
            View,
            { style: styles.signatures, wrap: false },
            c.signatures.map((who, i) => h(Text, { key: i, style: styles.signature }, who)),
          )
        : null,
    ),
  );
}
