import { z } from 'zod';
import type { AuditEntry, LowStockItem, StockMovement, Summary } from '../model';
import { area, channel } from '../channel';
import { date, empty, id, reason } from '../schemas';

const signedQuantity = z
  .number()
  .min(-1_000_000)
  .max(1_000_000)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most 3 decimals')
  .transform((q) => Math.round(q * 1000));

/** What a count found on the shelf: zero or more, never below (a delta may be negative). */
const countedQuantity = z
  .number()
  .min(0, 'a counted quantity cannot be negative; use a negative delta to take stock out')
  .max(1_000_000)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most 3 decimals')
  .transform((q) => Math.round(q * 1000));

export const stockChannels = area('stock', {
  adjust: channel<StockMovement>()({
    summary:
      'Adjusts stock with a reason (supervisor or admin): by a delta, or to a counted quantity.',
    input: z
      .object({
        productId: id,
        /** Added to the stock; negative takes it out. */
        delta: signedQuantity.optional(),
        /** The stock as counted, 0 or more; the movement is the difference. */
        counted: countedQuantity.optional(),
        reason,
      })
      .strict()
      .refine((v) => (v.delta === undefined) !== (v.counted === undefined), {
        message: 'give either delta or counted',
        path: ['delta'],
      })
      .refine((v) => v.delta !== 0, { message: 'must not be 0', path: ['delta'] }),
  }),
  movements: channel<StockMovement[]>()({
    summary: "A product's stock ledger, newest first.",
    input: z
      .object({
        productId: id,
        limit: z.number().int().min(1).max(500).default(50),
        beforeId: id.optional(),
      })
      .strict(),
  }),
  low: channel<LowStockItem[]>()({
    summary: 'Active stock-tracked products at or below their minimum stock.',
    input: empty,
  }),
});

export const reportsChannels = area('reports', {
  summary: channel<Summary>()({
    summary:
      'A date range (store days, inclusive): totals, taxes, voids, returns, payment methods, cashiers, categories, top products, profit, extra income, per day and per hour.',
    input: z
      .object({ from: date, to: date, top: z.number().int().min(1).max(100).default(20) })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'must not be after "to"', path: ['from'] }),
  }),
});

export const auditChannels = area('audit', {
  list: channel<AuditEntry[]>()({
    summary: 'The audit log, newest first (supervisor or admin).',
    input: z
      .object({
        from: date.optional(),
        to: date.optional(),
        action: z.string().trim().max(60).optional(),
        outcome: z.enum(['ok', 'denied']).optional(),
        userId: id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        beforeId: id.optional(),
      })
      .strict(),
  }),
});
