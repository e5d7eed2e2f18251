/** Builders for server tests: a store with a register, an enrolled till, its events. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SyncEvent } from '../../core/sync';
import type { ServerDb } from '../db/open';
import { addRegister, addStore, issueEnrolmentCode } from '../stores';

export async function storeWithRegister(db: ServerDb, code = 'CAJA1') {
  const store = await addStore(db.orm, 'Bodega Ana');
  const register = await addRegister(db.orm, store.storeId, code);
  const enrolment = await issueEnrolmentCode(db.orm, store.storeId, register.registerId);
  return { store, register, code: enrolment.code };
}

export interface Till {
  readonly deviceId: string;
  readonly storeId: string;
  readonly registerId: string;
  readonly credential: string;
  readonly headers: { authorization: string };
}

export async function enrollTill(
  app: FastifyInstance,
  code: string,
  series = [{ documentType: 'BOLETA', series: 'B001' }],
): Promise<Till> {
  const reply = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, series } });
  if (reply.statusCode !== 200) throw new Error(`enroll failed: ${reply.body}`);
  const body = reply.json();
  return { ...body, headers: { authorization: `Bearer ${body.credential}` } };
}

/** A sale as the till's sales.create returns it: one line of 2 × 5.90 at 18 % IGV, paid cash. */
export function salePayload(correlative: number, overrides: Record<string, unknown> = {}) {
  const id = randomUUID();
  return {
    id,
    number: `B001-${String(correlative).padStart(8, '0')}`,
    documentType: 'BOLETA',
    series: 'B001',
    correlative,
    status: 'COMPLETADA',
    registerId: 1,
    registerCode: 'CAJA1',
    sessionId: randomUUID(),
    customer: { id: null, name: 'Cliente varios', documentType: null, documentNumber: null },
    cashier: { id: 1, name: 'Rosa' },
    createdAt: '2026-12-05T15:30:00.000Z',
    localDate: '2026-12-05',
    currency: 'PEN',
    secondaryCurrency: null,
    exchangeRate: null,
    pricesIncludeTax: true,
    roundingMethod: 'line',
    gross: 1180,
    lineDiscount: 0,
    orderDiscount: 0,
    discount: 0,
    taxed: [{ rate: 1800, base: 1000, tax: 180 }],
    taxableBase: 1000,
    exempt: 0,
    unaffected: 0,
    tax: 180,
    fixedTaxes: [],
    fixedTax: 0,
    total: 1180,
    igtf: 0,
    due: 1180,
    paid: 2000,
    change: 820,
    balance: 0,
    refunded: 0,
    notes: '',
    void: null,
    edit: null,
    returns: [],
    lines: [
      {
        id: 1,
        lineNo: 1,
        productId: 7,
        code: '7751001200373',
        name: 'Inca Kola 500 ml',
        soldBy: 'unit',
        quantity: 2,
        unitPrice: 590,
        priceOverridden: false,
        unitCost: 400,
        taxCategory: 'IGV',
        taxKind: 'TAXED',
        taxRate: 1800,
        gross: 1180,
        lineDiscount: 0,
        orderDiscount: 0,
        base: 1000,
        tax: 180,
        unitTax: null,
        fixedTax: 0,
        fixedTaxes: [],
        total: 1180,
        returnedQuantity: 0,
      },
    ],
    payments: [
      {
        id: randomUUID(),
        method: 'EFECTIVO',
        currency: 'PEN',
        tendered: 2000,
        change: 820,
        amount: 1180,
        bank: null,
        reference: null,
      },
    ],
    ...overrides,
  };
}

export function saleEvent(
  device: string,
  seq: number,
  payloadOverrides: Record<string, unknown> = {},
): SyncEvent {
  const payload = salePayload(seq, payloadOverrides);
  return {
    device,
    seq,
    eventId: randomUUID(),
    type: 'sale.created',
    aggregateId: payload.id,
    occurredAt: payload.createdAt,
    payload,
  } as SyncEvent;
}

export function cashOpenedEvent(device: string, seq: number): SyncEvent {
  const id = randomUUID();
  return {
    device,
    seq,
    eventId: randomUUID(),
    type: 'cash.opened',
    aggregateId: id,
    occurredAt: '2026-12-05T13:00:00.000Z',
    payload: { id, openingFloat: 5000, openedAt: '2026-12-05T13:00:00.000Z' },
  } as SyncEvent;
}

export function voidEvent(device: string, seq: number, saleId: string): SyncEvent {
  return {
    device,
    seq,
    eventId: randomUUID(),
    type: 'sale.voided',
    aggregateId: saleId,
    occurredAt: '2026-12-05T16:00:00.000Z',
    payload: { id: saleId, reason: 'Cliente se arrepintió', at: '2026-12-05T16:00:00.000Z' },
  } as SyncEvent;
}
