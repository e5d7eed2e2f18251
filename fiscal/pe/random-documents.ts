/**
 * Random documents for the fiscal tests (property style): seeded, so a failure
 * names the seed that reproduces it. Names and addresses are made of pieces
 * that are hard for an XML writer.
 */
import type { PeCreditNote, PeDocument } from './model';
import { ISSUER, makeCreditNote, makeInvoice, type Item } from './testing';

/** A small seeded generator (mulberry32), so a failure names the seed that reproduces it. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  return { next, int, pick };
}

/** Pieces of text that are hard for a writer: markup characters, entity look-alikes, quotes, accents, TAB, emoji. */
const TEXT_PIECES = [
  'Arroz',
  ' ',
  'Ñandú',
  'café',
  'ÁÉÍÓÚ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  '&nbsp;',
  '&#38;',
  ']]>',
  '\n',
  '\t',
  '🛒',
  '°',
  '½',
  '#',
  '/',
];
/** Line ends a parser rewrites (CR), in a third of the documents, so most can be compared byte for byte. */
const LINE_END_PIECES = ['\r', '\r\n', '\r\r\n'];

type Random = ReturnType<typeof randomSource>;

function randomText(random: Random, lineEnds: boolean): string {
  let text = '';
  const pieces = random.int(1, 8);
  for (let i = 0; i < pieces; i++) {
    text += random.pick(lineEnds && random.next() < 0.2 ? LINE_END_PIECES : TEXT_PIECES);
  }
  return text;
}

export function randomDocument(seed: number): PeDocument {
  const random = randomSource(seed);
  const awkward = random.next() < 0.35;
  const text = () => randomText(random, awkward);
  const categories: Item['taxCategory'][] = ['IGV', 'IGV', 'EXONERADO', 'INAFECTO', 'BOLSA'];
  const items: Item[] = Array.from({ length: random.int(1, 25) }, (_, i) => {
    const taxCategory = random.pick(categories);
    const bags = taxCategory === 'BOLSA';
    const quantity = bags
      ? random.int(1, 5) * 1000
      : random.pick([1000, 1250, random.int(1, 9999)]);
    const unitPrice = bags ? 20 : random.int(1, 250_000);
    const gross = Math.round((quantity * unitPrice) / 1000);
    return {
      quantity,
      unitPrice,
      taxCategory,
      discount:
        !bags && gross > 10 && random.next() < 0.3 ? random.int(1, Math.floor(gross / 10)) : 0,
      unitCode: bags ? 'NIU' : random.pick(['NIU', 'KGM', 'ZZ']),
      code: `P${i}${random.pick(['', '-&', '<1>', '"x"'])}`,
      name: awkward && random.next() < 0.1 ? '' : text(),
    };
  });
  const kind = random.pick(['BOLETA', 'FACTURA', 'NOTA_CREDITO'] as const);
  const issuer = {
    ...ISSUER,
    legalName: `${text()} S.A.C.`,
    address: random.next() < 0.8 ? text() : undefined,
    tradeName: random.next() < 0.5 ? text() : undefined,
  };
  const rucCustomer = {
    documentType: 'RUC' as const,
    documentNumber: '20512345678',
    name: text(),
    address: random.next() < 0.5 ? text() : undefined,
  };
  const correlative = random.int(1, 99_999_999);
  if (kind === 'NOTA_CREDITO') {
    const onFactura = random.next() < 0.5;
    return makeCreditNote(items, {
      series: onFactura ? 'FC01' : 'BC01',
      correlative,
      issuer,
      reference: { documentType: onFactura ? 'FACTURA' : 'BOLETA', number: 'F001-00000012' },
      ...(onFactura ? { customer: rucCustomer } : {}),
      reasonCode: random.pick(['01', '06', '07'] as const),
      reason: text(),
    }) as PeCreditNote;
  }
  const orderDiscount = random.next() < 0.3 ? random.int(1, 100) : 0;
  const invoice = makeInvoice(items, {
    documentType: kind,
    correlative,
    issuer,
    orderDiscount,
    ...(kind === 'FACTURA'
      ? { customer: rucCustomer }
      : random.next() < 0.3
        ? { customer: { documentType: null, documentNumber: null, name: '' } }
        : {
            customer: { documentType: 'DNI', documentNumber: '45678912', name: text() },
          }),
  });
  if (random.next() < 0.4) {
    const total = invoice.totals.total;
    const cuotas = random.int(1, 3);
    const each = Math.floor(total / cuotas);
    return {
      ...invoice,
      paymentTerms: {
        kind: 'CREDITO',
        pending: total,
        instalments: Array.from({ length: cuotas }, (_, i) => ({
          amount: i === cuotas - 1 ? total - each * (cuotas - 1) : each,
          dueDate: `2027-0${i + 1}-15`,
        })),
      },
    };
  }
  return invoice;
}
