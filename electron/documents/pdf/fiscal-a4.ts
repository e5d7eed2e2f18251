/** A sale's A4 invoice, or a credit note on A4, from its FiscalContent. */
import { createElement as h } from 'react';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { FiscalContent } from '../content/types';
import { A4Page, Box, KeyValues, Table, Watermark, type Column } from './a4';
import { QrCode } from './qr-code';

const styles = StyleSheet.create({
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 10 },
  business: { flex: 1.6, paddingRight: 12 },
  businessName: { fontSize: 15, fontWeight: 'bold', lineHeight: 1.2, marginBottom: 3 },
  docBox: { flex: 1, alignItems: 'center', borderWidth: 1.2, borderColor: '#000', padding: 8 },
  docTitle: {
    fontSize: 11,
    lineHeight: 1.25,
    fontWeight: 'bold',
    textAlign: 'center',
    marginVertical: 3,
  },
  docNumber: { fontSize: 13, lineHeight: 1.25, fontWeight: 'bold' },
  parties: { flexDirection: 'row', gap: 10 },
  half: { flex: 1 },
  bottom: { flexDirection: 'row', gap: 12, marginTop: 10 },
  words: { fontWeight: 'bold', marginBottom: 4 },
  legend: { marginBottom: 2 },
  qrRow: { flexDirection: 'row', alignItems: 'center', gap: 8, marginTop: 6 },
  totals: { width: 220, alignSelf: 'flex-start' },
  footer: { marginTop: 14 },
  footerLine: { textAlign: 'center' },
  voided: {
    borderWidth: 1.5,
    borderColor: '#c62828',
    color: '#c62828',
    padding: 6,
    marginBottom: 8,
    fontWeight: 'bold',
    textAlign: 'center',
  },
});

const COLUMNS: readonly Column[] = [
  { title: 'Cant.', flex: 0.8, align: 'right' },
  { title: 'Código', flex: 1.2 },
  { title: 'Descripción', flex: 4 },
  { title: 'P. unit.', flex: 1.3, align: 'right' },
  { title: 'Dscto.', flex: 1.1, align: 'right' },
  { title: 'Importe', flex: 1.4, align: 'right' },
];

export function FiscalA4(props: { content: FiscalContent; createdAt: Date }) {
  const { content: c } = props;
  const [taxIdLine, ...otherLines] = c.business.lines;
  return h(
    Document,
    {
      title: `${c.title} ${c.number}`,
      author: c.business.name,
      creator: 'Tendero',
      producer: 'Tendero',
      language: 'es',
      creationDate: props.createdAt,
    },
    h(
      A4Page,
      { footer: `${c.title} ${c.number} · ${c.business.name}` },
      c.voided ? h(Watermark, { text: 'ANULADA' }) : null,
      h(
        View,
        { style: styles.header },
        h(
          View,
          { style: styles.business },
          h(Text, { style: styles.businessName }, c.business.name),
          ...otherLines.map((line, i) => h(Text, { key: i }, line)),
        ),
        h(
          View,
          { style: styles.docBox },
          h(Text, { style: { fontWeight: 'bold' } }, taxIdLine ?? ''),
          h(Text, { style: styles.docTitle }, c.title),
          h(Text, { style: styles.docNumber }, c.number),
        ),
      ),
      c.voided
        ? h(Text, { style: styles.voided }, `ANULADA el ${c.voided.at}. Motivo: ${c.voided.reason}`)
        : null,
      h(
        View,
        { style: styles.parties },
        h(
          Box,
          { title: 'Cliente', style: styles.half },
          h(KeyValues, { rows: [...c.customer, ...c.reference] }),
        ),
        h(Box, { title: 'Emisión', style: styles.half }, h(KeyValues, { rows: c.meta })),
      ),
      h(Table, {
        columns: COLUMNS,
        rows: c.items.map((i) => [
          i.quantity,
          i.code,
          i.description,
          i.unitPrice,
          i.discount ?? '',
          i.amount,
        ]),
      }),
      h(
        View,
        { style: styles.bottom, wrap: false },
        h(
          View,
          { style: styles.half },
          h(Text, { style: styles.words }, c.words),
          ...c.legends.map((text, i) => h(Text, { key: i, style: styles.legend }, text)),
          h(Box, { title: 'Pagos' }, h(KeyValues, { rows: c.payments })),
          h(
            View,
            { style: styles.qrRow },
            h(QrCode, { text: c.qr, size: 96 }),
            h(Text, { style: { flex: 1 } }, c.qrCaption),
          ),
        ),
        h(Box, { style: styles.totals }, h(KeyValues, { rows: c.totals })),
      ),
      h(
        View,
        { style: styles.footer },
        c.footer.map((line, i) => h(Text, { key: i, style: styles.footerLine }, line)),
      ),
    ),
  );
}
