import { z } from 'zod';
import { DOCUMENT_TYPES } from '../numbering';
import { PAYMENT_METHODS } from '../api/model/sales';

/**
 * The events a till's outbox holds (electron/services/outbox.ts), as they
 * travel to the server. Each payload is what the till's service passes to
 * appendEvent. Schemas check the fields the server builds from and keep every
 * other member (loose objects), so the stored event is exactly what was sent.
 */
export const SYNC_EVENT_TYPES = [
  'sale.created',
  'sale.updated',
  'sale.voided',
  'sale.deleted',
  'sale.returned',
  'cash.opened',
  'cash.movement',
  'cash.closed',
  'stock.adjusted',
  'product.upserted',
] as const;
export type SyncEventType = (typeof SYNC_EVENT_TYPES)[number];

const minor = z.number().int();
/** Quantities travel as the API gives them: units with at most 3 decimals (1.25 kg). */
const quantity = z
  .number()
  .refine(
    (q) =>
      Number.isInteger(Math.round(q * 1000)) && Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6,
    {
      message: 'At most 3 decimals',
    },
  );
const isoTime = z.string().datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const saleLinePayload = z.looseObject({
  lineNo: z.number().int().min(1),
  productId: z.number().int(),
  code: z.string().min(1),
  name: z.string(),
  quantity,
  unitPrice: minor,
  taxCategory: z.string(),
  taxKind: z.enum(['TAXED', 'EXEMPT', 'UNAFFECTED']),
  taxRate: z.number().int().min(0),
  gross: minor,
  lineDiscount: minor,
  orderDiscount: minor,
  base: minor,
  tax: minor,
  fixedTax: minor,
  total: minor,
});

export const paymentPayload = z.looseObject({
  id: z.string().min(1),
  method: z.enum(PAYMENT_METHODS),
  currency: z.string().min(3).max(3),
  tendered: minor,
  change: minor,
  amount: minor,
  bank: z.string().nullable(),
  reference: z.string().nullable(),
});

/** A sale as the till's sales.create (and sales.update) returns it. */
export const salePayload = z.looseObject({
  id: z.uuid(),
  number: z.string().min(1),
  documentType: z.enum(DOCUMENT_TYPES),
  series: z.string().min(1).max(10),
  correlative: z.number().int().min(1),
  status: z.enum(['COMPLETADA', 'EDITADA', 'ANULADA']),
  registerCode: z.string(),
  sessionId: z.string().min(1),
  customer: z.looseObject({
    id: z.number().int().nullable(),
    name: z.string(),
    documentType: z.string().nullable(),
    documentNumber: z.string().nullable(),
  }),
  cashier: z.looseObject({ id: z.number().int(), name: z.string() }),
  createdAt: isoTime,
  localDate,
  currency: z.string().min(3).max(3),
  taxed: z.array(z.looseObject({ rate: z.number().int().min(0), base: minor, tax: minor })),
  taxableBase: minor,
  exempt: minor,
  unaffected: minor,
  tax: minor,
  fixedTax: minor,
  discount: minor,
  total: minor,
  igtf: minor,
  paid: minor,
  change: minor,
  balance: minor,
  lines: z.array(saleLinePayload).min(1),
  payments: z.array(paymentPayload),
});

const reasonedSale = z.looseObject({ id: z.uuid(), reason: z.string() });

export const EVENT_PAYLOADS = {
  'sale.created': salePayload,
  'sale.updated': salePayload,
  'sale.voided': reasonedSale.extend({ at: isoTime.optional() }),
  'sale.deleted': reasonedSale.extend({ number: z.string() }),
  'sale.returned': z.looseObject({
    id: z.uuid(),
    saleId: z.uuid(),
    number: z.string(),
    total: minor,
  }),
  'cash.opened': z.looseObject({ id: z.string().min(1), openingFloat: minor, openedAt: isoTime }),
  'cash.movement': z.looseObject({
    id: z.string().min(1),
    sessionId: z.string().min(1),
    direction: z.enum(['IN', 'OUT']),
    amount: minor,
  }),
  'cash.closed': z.looseObject({
    kind: z.literal('Z'),
    session: z.looseObject({ id: z.string() }),
  }),
  'stock.adjusted': z.looseObject({
    productId: z.number().int(),
    quantity,
    kind: z.string(),
  }),
  'product.upserted': z.looseObject({
    id: z.number().int(),
    code: z.string().min(1),
    name: z.string(),
    price: minor,
  }),
} as const satisfies Record<SyncEventType, z.ZodType>;

const envelopeFields = {
  /** The enrolled device that wrote it: must be the one the request authenticates as. */
  device: z.uuid(),
  /** The till's outbox seq: 1, 2, 3… with no gaps. */
  seq: z.number().int().min(1),
  eventId: z.uuid(),
  aggregateId: z.string().min(1).max(100),
  /** When the till wrote it (its own clock): a late offline sale counts on that day. */
  occurredAt: isoTime,
};

function eventOf<T extends SyncEventType>(type: T) {
  return z.object({ ...envelopeFields, type: z.literal(type), payload: EVENT_PAYLOADS[type] });
}

/** One outbox event on the wire: its envelope and a payload checked for its type. */
export const syncEvent = z.discriminatedUnion('type', [
  eventOf('sale.created'),
  eventOf('sale.updated'),
  eventOf('sale.voided'),
  eventOf('sale.deleted'),
  eventOf('sale.returned'),
  eventOf('cash.opened'),
  eventOf('cash.movement'),
  eventOf('cash.closed'),
  eventOf('stock.adjusted'),
  eventOf('product.upserted'),
]);
export type SyncEvent = z.infer<typeof syncEvent>;
export type SalePayload = z.infer<typeof salePayload>;
