/**
 * Layout pieces for roll paper (80 mm and 58 mm). A roll page has a width and
 * no height: react-pdf grows it to fit the content, so the printer cuts right
 * after the last line. The side margins keep everything inside what thermal
 * heads print (72 mm of 80, 48 mm of 58), so nothing is cut at the edges.
 */
import { createElement as h, type ReactNode } from 'react';
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Row } from '../content/types';
import { FONT_FAMILY } from './fonts';

export type RollFormat = '80mm' | '58mm';

const MM = 72 / 25.4;

export const ROLL = {
  '80mm': { width: 80 * MM, margin: 4 * MM, fontSize: 8, qr: 34 * MM },
  '58mm': { width: 58 * MM, margin: 5 * MM, fontSize: 7, qr: 36 * MM },
} as const;

const styles = StyleSheet.create({
  center: { textAlign: 'center' },
  bold: { fontWeight: 'bold' },
  // When label and value do not fit on one line the value wraps below, pushed right.
  row: { flexDirection: 'row', flexWrap: 'wrap' },
  label: { maxWidth: '100%', paddingRight: 4 },
  value: { marginLeft: 'auto', maxWidth: '100%', textAlign: 'right' },
  divider: {
    borderBottomWidth: 0.6,
    borderBottomColor: '#000',
    borderStyle: 'dashed',
    marginVertical: 3,
  },
  heading: { fontWeight: 'bold', marginTop: 2, marginBottom: 1 },
  banner: {
    borderWidth: 1.5,
    borderColor: '#000',
    paddingVertical: 2,
    marginVertical: 3,
    textAlign: 'center',
  },
});

export function RollPage(props: { format: RollFormat; children?: ReactNode }) {
  const roll = ROLL[props.format];
  return h(
    Page,
    {
      size: { width: roll.width },
      // A roll is one endless page: never split it, let its height follow the content.
      wrap: false,
      style: {
        fontFamily: FONT_FAMILY,
        fontSize: roll.fontSize,
        lineHeight: 1.25,
        paddingHorizontal: roll.margin,
        paddingVertical: 3 * MM,
      },
    },
    props.children,
  );
}

/** Centred text; `fontSize` in points when it must stand out (the business name, the number). */
export function Centered(props: { children?: ReactNode; bold?: boolean; fontSize?: number }) {
  return h(
    Text,
    {
      style: [
        styles.center,
        ...(props.bold ? [styles.bold] : []),
        ...(props.fontSize ? [{ fontSize: props.fontSize, lineHeight: 1.25 }] : []),
      ],
    },
    props.children,
  );
}

export function Divider() {
  return h(View, { style: styles.divider });
}

export function Heading(props: { children?: ReactNode }) {
  return h(Text, { style: styles.heading }, props.children);
}

/** A label on the left and its figure on the right, never running past the paper's edge. */
export function Pair(props: { row: Row }) {
  const { row } = props;
  const weight = row.strong ? [styles.bold] : [];
  return h(
    View,
    { style: styles.row, wrap: false },
    h(Text, { style: [styles.label, ...weight] }, row.label),
    row.value ? h(Text, { style: [styles.value, ...weight] }, row.value) : null,
  );
}

export function Pairs(props: { rows: readonly Row[] }) {
  return h(
    View,
    null,
    props.rows.map((row, i) => h(Pair, { key: i, row })),
  );
}

/** The voided mark: boxed, large and bold, so nobody takes the paper for a valid sale. */
export function VoidBanner(props: { reason: string; at: string; fontSize: number }) {
  return h(
    View,
    { style: styles.banner, wrap: false },
    h(
      Text,
      { style: [styles.bold, { fontSize: props.fontSize * 2.4, lineHeight: 1.2 }] },
      'ANULADA',
    ),
    h(Text, null, `Anulada el ${props.at}`),
    h(Text, null, `Motivo: ${props.reason}`),
  );
}
