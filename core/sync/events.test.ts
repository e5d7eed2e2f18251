import { describe, expect, it } from 'vitest';
import { pushBatch, syncEvent } from './index';

const device = '3b0c8c1e-8f5a-4d6e-9a51-2f1a8f0c7d11';
const cashOpened = {
  device,
  seq: 1,
  eventId: '7a4f7b2e-1c1d-4e0b-8f9e-5d3c2b1a0f99',
  type: 'cash.opened',
  aggregateId: 'session-1',
  occurredAt: '2026-12-05T13:00:00.000Z',
  payload: { id: 'session-1', openingFloat: 5000, openedAt: '2026-12-05T13:00:00.000Z', extra: 1 },
};

describe('sync wire schemas', () => {
  it('accepts an outbox event and keeps payload members it does not check', () => {
    const parsed = syncEvent.parse(cashOpened);
    expect(parsed.payload).toMatchObject({ extra: 1 });
  });

  it('refuses an unknown type, a seq below 1 and a payload of the wrong shape', () => {
    expect(syncEvent.safeParse({ ...cashOpened, type: 'cash.teleported' }).success).toBe(false);
    expect(syncEvent.safeParse({ ...cashOpened, seq: 0 }).success).toBe(false);
    const badFloat = { ...cashOpened, payload: { ...cashOpened.payload, openingFloat: 50.5 } };
    expect(syncEvent.safeParse(badFloat).success).toBe(false);
  });

  it('takes quantities with at most 3 decimals', () => {
    const adjusted = (quantity: number) => ({
      ...cashOpened,
      type: 'stock.adjusted',
      payload: { productId: 1, quantity, kind: 'ADJUST' },
    });
    expect(syncEvent.safeParse(adjusted(1.25)).success).toBe(true);
    expect(syncEvent.safeParse(adjusted(-0.001)).success).toBe(true);
    expect(syncEvent.safeParse(adjusted(1.0005)).success).toBe(false);
  });

  it('bounds a batch: at least one event, at most 500', () => {
    expect(pushBatch.safeParse({ device, events: [] }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => ({ ...cashOpened, seq: i + 1 }));
    expect(pushBatch.safeParse({ device, events: many }).success).toBe(false);
  });

  it('adds nothing to what it parses, so a replay hashes the same whichever version parsed it', () => {
    const bare = {
      ...cashOpened,
      type: 'product.upserted',
      aggregateId: '7',
      payload: { id: 7, code: 'ARR001', name: 'Arroz', price: 490, taxCategory: 'IGV' },
    };
    expect(syncEvent.parse(bare)).toEqual(bare);
    const movement = {
      ...cashOpened,
      type: 'cash.movement',
      payload: { id: 'm1', sessionId: 'session-1', direction: 'OUT', amount: 100 },
    };
    expect(syncEvent.parse(movement)).toEqual(movement);
  });

  it('checks what the server builds from a credit note and a product', () => {
    const credit = {
      ...cashOpened,
      type: 'sale.returned',
      payload: {
        id: '0b8c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
        saleId: '1b8c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
        number: 'BC01-00000001',
        documentType: 'NOTA_CREDITO',
        reason: 'Vencido',
        refundMethod: 'EFECTIVO',
        lines: [
          {
            productId: 7,
            code: 'ARR001',
            name: 'Arroz',
            quantity: 1,
            unitPrice: 490,
            taxRate: 1800,
            base: 415,
            tax: 75,
            fixedTax: 0,
            total: 490,
          },
        ],
        taxableBase: 415,
        exempt: 0,
        unaffected: 0,
        tax: 75,
        fixedTax: 0,
        total: 490,
        balanceReduced: 0,
        refunded: 490,
        createdAt: '2026-12-05T15:00:00.000Z',
      },
    };
    expect(syncEvent.safeParse(credit).success).toBe(true);
    const noLines = { ...credit, payload: { ...credit.payload, lines: [] } };
    expect(syncEvent.safeParse(noLines).success).toBe(false);
    const product = {
      ...cashOpened,
      type: 'product.upserted',
      payload: { id: 7, code: 'A', name: 'Arroz', price: -1, taxCategory: 'IGV' },
    };
    expect(syncEvent.safeParse(product).success).toBe(false);
  });
});
