import { z } from 'zod';
import { CASH_MOVEMENT_TYPES } from '../model';
import type { CashMovement, CashReport, CashSession } from '../model';
import { area, channel } from '../channel';
import { amount, empty, text, uuid } from '../schemas';
import { Authorization } from './sales';

const Denominations = z
  .array(z.object({ value: amount.min(1), count: z.number().int().min(0).max(1_000_000) }).strict())
  .max(40);

export const cashChannels = area('cash', {
  open: channel<CashSession>()({
    summary: "Opens this register's cash session with a float. One open session per register.",
    input: z.object({ id: uuid.optional(), float: amount, notes: text(300).optional() }).strict(),
  }),
  current: channel<CashSession | null>()({
    summary: "This register's open session, or null.",
    input: empty,
  }),
  movement: channel<CashMovement>()({
    summary:
      "Cash in (domicilio, servicio, mano_obra, otro) or out (retiro, gasto, otro) of the open session. A cashier's cash-out above the store's `cashOutLimit` is FORBIDDEN (CASH_OUT_OVER_LIMIT) unless `authorizedBy` names a supervisor or admin with their PIN.",
    input: z
      .object({
        id: uuid,
        direction: z.enum(['IN', 'OUT']),
        type: z.enum(CASH_MOVEMENT_TYPES),
        amount: amount.min(1),
        description: text(200).default(''),
        authorizedBy: Authorization.optional(),
      })
      .strict(),
  }),
  movements: channel<CashMovement[]>()({
    summary: "A session's cash movements (the open one by default).",
    input: z.object({ sessionId: uuid.optional() }).strict(),
  }),
  close: channel<CashReport>()({
    summary:
      'Closes the open session with the counted cash, optionally by denomination, and returns its Z report. A cashier closing a session another user opened is FORBIDDEN (CLOSE_OTHERS_SESSION) unless `authorizedBy` names a supervisor or admin with their PIN.',
    input: z
      .object({
        countedCash: amount.optional(),
        denominations: Denominations.optional(),
        notes: text(300).optional(),
        authorizedBy: Authorization.optional(),
      })
      .strict()
      .refine((v) => v.countedCash !== undefined || v.denominations !== undefined, {
        message: 'give the counted cash or the count by denomination',
        path: ['countedCash'],
      }),
  }),
  report: channel<CashReport>()({
    summary: 'The X report of the open session, or the Z report of a closed one.',
    input: z.object({ sessionId: uuid.optional() }).strict(),
  }),
  list: channel<CashSession[]>()({
    summary: "This register's sessions, newest first.",
    input: z.object({ limit: z.number().int().min(1).max(200).default(30) }).strict(),
  }),
});
