/** An X or Z cash report on 80 mm roll paper. */
import { createElement as h } from 'react';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CashReportContent } from '../content/cash-report-content';
import { Centered, Divider, Heading, Pairs, ROLL, RollPage } from './roll';

const styles = StyleSheet.create({
  signature: { marginTop: 26, borderTopWidth: 0.6, borderTopColor: '#000', textAlign: 'center' },
});

export function CashReportRoll(props: { content: CashReportContent; createdAt: Date }) {
  const { content: c } = props;
  const roll = ROLL['80mm'];
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
      RollPage,
      { format: '80mm' },
      h(Centered, { bold: true, fontSize: roll.fontSize * 1.3 }, c.business.name),
      ...c.business.lines.map((line, i) => h(Centered, { key: `b${i}` }, line)),
      h(Divider),
      h(Centered, { bold: true, fontSize: roll.fontSize * 1.2 }, c.title),
      h(Pairs, { rows: c.meta }),
      ...c.sections.map((section, i) =>
        h(
          View,
          { key: `s${i}`, wrap: false },
          h(Divider),
          h(Heading, null, section.title),
          h(Pairs, { rows: section.rows }),
        ),
      ),
      c.observations
        ? h(
            View,
            { key: 'obs', wrap: false },
            h(Divider),
            h(Heading, null, 'Observaciones'),
            h(Text, null, c.observations),
          )
        : null,
      ...c.signatures.map((who, i) => h(Text, { key: `g${i}`, style: styles.signature }, who)),
    ),
  );
}
