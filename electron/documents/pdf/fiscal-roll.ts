/** A sale receipt or credit note on roll paper (80 mm or 58 mm), from its FiscalContent. */
import { createElement as h } from 'react';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { FiscalContent, ItemRow } from '../content/types';
import { QrCode } from './qr-code';
import { Centered, Divider, Pairs, ROLL, RollPage, VoidBanner, type RollFormat } from './roll';

const styles = StyleSheet.create({
  item: { marginBottom: 1.5 },
  itemLine: { flexDirection: 'row', justifyContent: 'space-between' },
  head: { flexDirection: 'row', justifyContent: 'space-between', fontWeight: 'bold' },
  legend: { textAlign: 'center', marginTop: 2 },
  words: { marginTop: 3, fontWeight: 'bold' },
  qr: { alignItems: 'center', marginTop: 4, marginBottom: 2 },
});

function Item(props: { item: ItemRow }) {
  const { item } = props;
  return h(
    View,
    { style: styles.item, wrap: false },
    h(Text, null, item.description),
    h(
      View,
      { style: styles.itemLine },
      h(Text, null, `${item.quantity} x ${item.unitPrice}`),
      h(Text, null, item.amount),
    ),
    item.discount ? h(Text, null, `  Descuento: -${item.discount}`) : null,
  );
}

export function FiscalRoll(props: { content: FiscalContent; format: RollFormat; createdAt: Date }) {
  const { content: c, format } = props;
  const roll = ROLL[format];
  const voided = c.voided ? h(VoidBanner, { ...c.voided, fontSize: roll.fontSize }) : null;
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
      RollPage,
      { format },
      voided,
      h(Centered, { bold: true, fontSize: roll.fontSize * 1.3 }, c.business.name),
      ...c.business.lines.map((line, i) => h(Centered, { key: `b${i}` }, line)),
      h(Divider),
      h(Centered, { bold: true }, c.title),
      h(Centered, { bold: true, fontSize: roll.fontSize * 1.2 }, c.number),
      h(Divider),
      h(Pairs, { rows: [...c.meta, ...c.customer, ...c.reference] }),
      h(Divider),
      h(View, { style: styles.head }, h(Text, null, 'Cant. x P. unit.'), h(Text, null, 'Importe')),
      ...c.items.map((item, i) => h(Item, { key: `i${i}`, item })),
      h(Divider),
      h(Pairs, { rows: c.totals }),
      ...c.legends.map((text, i) => h(Text, { key: `l${i}`, style: styles.legend }, text)),
      h(Text, { style: styles.words }, c.words),
      h(Divider),
      h(Pairs, { rows: c.payments }),
      h(Divider),
      h(View, { style: styles.qr, wrap: false }, h(QrCode, { text: c.qr, size: roll.qr })),
      h(Centered, null, c.qrCaption),
      ...c.footer.map((line, i) => h(Centered, { key: `f${i}` }, line)),
      voided,
    ),
  );
}
