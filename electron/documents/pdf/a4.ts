/** Layout pieces for A4 documents: the page with its numbered footer, tables, boxes. */
import { createElement as h, type ReactNode } from 'react';
import { Page, StyleSheet, Text, View, type Styles } from '@react-pdf/renderer';
import type { Row } from '../content/types';
import { FONT_FAMILY } from './fonts';

export const A4_MARGIN = 36;

const styles = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 9,
    paddingTop: A4_MARGIN,
    paddingHorizontal: A4_MARGIN,
    paddingBottom: A4_MARGIN + 18,
  },
  footer: {
    position: 'absolute',
    bottom: A4_MARGIN - 8,
    left: A4_MARGIN,
    right: A4_MARGIN,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: '#555',
    borderTopWidth: 0.5,
    borderTopColor: '#999',
    paddingTop: 3,
  },
  table: { borderWidth: 0.6, borderColor: '#888', marginTop: 6 },
  headRow: {
    flexDirection: 'row',
    backgroundColor: '#e8e8e8',
    fontWeight: 'bold',
    borderBottomWidth: 0.6,
    borderBottomColor: '#888',
  },
  bodyRow: { flexDirection: 'row', borderBottomWidth: 0.3, borderBottomColor: '#ccc' },
  cell: { paddingVertical: 2.5, paddingHorizontal: 4 },
  box: { borderWidth: 0.8, borderColor: '#444', borderRadius: 3, padding: 6 },
  boxTitle: { fontWeight: 'bold', fontSize: 10, lineHeight: 1.25, marginBottom: 3 },
  pair: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 1 },
  strong: { fontWeight: 'bold' },
  watermark: {
    position: 'absolute',
    top: 330,
    left: 0,
    right: 0,
    textAlign: 'center',
    fontSize: 110,
    lineHeight: 1.1,
    fontWeight: 'bold',
    color: '#c62828',
    opacity: 0.22,
    transform: 'rotate(-35deg)',
  },
});

export function A4Page(props: { footer: string; children?: ReactNode }) {
  return h(
    Page,
    { size: 'A4', style: styles.page, wrap: true },
    // lineHeight lives on this wrapper, not on the Page: on the Page, react-pdf 4.9
    // drops the fixed, absolutely placed footer (checked: the page numbers vanish).
    // A View resolves a bare multiplier against its own font size and children
    // inherit the result, so the wrapper states both; larger text sets its own.
    h(View, { style: { fontSize: 9, lineHeight: 1.3 } }, props.children),
    h(
      View,
      { style: styles.footer, fixed: true },
      h(Text, null, props.footer),
      h(Text, {
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `Página ${pageNumber} de ${totalPages}`,
      }),
    ),
  );
}

export interface Column {
  readonly title: string;
  /** A share of the table's width (flex grow). */
  readonly flex: number;
  readonly align?: 'left' | 'right' | 'center';
}

export function Table(props: { columns: readonly Column[]; rows: readonly (readonly string[])[] }) {
  const cell = (column: Column, text: string, key: number) =>
    h(
      Text,
      { key, style: [styles.cell, { flex: column.flex, textAlign: column.align ?? 'left' }] },
      text,
    );
  return h(
    View,
    { style: styles.table },
    h(
      View,
      { style: styles.headRow, fixed: true },
      props.columns.map((c, i) => cell(c, c.title, i)),
    ),
    props.rows.map((row, r) =>
      h(
        View,
        { key: r, style: styles.bodyRow, wrap: false },
        props.columns.map((c, i) => cell(c, row[i] ?? '', i)),
      ),
    ),
  );
}

export function Box(props: { title?: string; children?: ReactNode; style?: Styles[string] }) {
  return h(
    View,
    { style: [styles.box, ...(props.style ? [props.style] : [])], wrap: false },
    props.title ? h(Text, { style: styles.boxTitle }, props.title) : null,
    props.children,
  );
}

export function KeyValues(props: { rows: readonly Row[] }) {
  return h(
    View,
    null,
    props.rows.map((row, i) =>
      h(
        View,
        { key: i, style: styles.pair },
        h(Text, { style: row.strong ? styles.strong : {} }, row.label),
        h(Text, { style: row.strong ? styles.strong : {} }, row.value),
      ),
    ),
  );
}

/** A large diagonal mark repeated on every page (ANULADA). */
export function Watermark(props: { text: string }) {
  return h(Text, { style: styles.watermark, fixed: true }, props.text);
}
