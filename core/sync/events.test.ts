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
});
