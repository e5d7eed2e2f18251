/** Cash sessions of each register: opened, money in and out, closed with its Z report. */
import { and, eq } from 'drizzle-orm';
import type { EventOf } from '../../core/sync';
import { cashMovements, cashSessions } from '../db/schema';
import { BusinessRejection, type BuildContext } from './context';

export async function applyCashOpened(
  ctx: BuildContext,
  session: EventOf<'cash.opened'>['payload'],
): Promise<void> {
  const { storeId } = ctx.device;
  const [same] = await ctx.tx
    .select({ status: cashSessions.status })
    .from(cashSessions)
    .where(and(eq(cashSessions.storeId, storeId), eq(cashSessions.sessionId, session.id)));
  if (same) {
    throw new BusinessRejection('DUPLICATE_SESSION', `Cash session ${session.id} already exists`, {
      sessionId: session.id,
    });
  }
  await ctx.tx.insert(cashSessions).values({
    storeId,
    sessionId: session.id,
    registerId: ctx.device.registerId,
    deviceId: ctx.device.deviceId,
    number: session.number ?? null,
    status: 'ABIERTA',
    openingFloat: session.openingFloat,
    openedBy: session.openedBy?.name ?? null,
    openedAt: new Date(session.openedAt),
  });
}

async function ownSession(ctx: BuildContext, sessionId: string, doing: string) {
  const [session] = await ctx.tx
    .select()
    .from(cashSessions)
    .where(
      and(eq(cashSessions.storeId, ctx.device.storeId), eq(cashSessions.sessionId, sessionId)),
    );
  if (!session || session.registerId !== ctx.device.registerId) {
    throw new BusinessRejection(
      'SESSION_NOT_FOUND',
      `No cash session ${sessionId} of this register to ${doing}`,
      { sessionId },
    );
  }
  if (session.status !== 'ABIERTA') {
    throw new BusinessRejection('SESSION_CLOSED', `Cash session ${sessionId} is closed`, {
      sessionId,
    });
  }
  return session;
}

export async function applyCashMovement(
  ctx: BuildContext,
  movement: EventOf<'cash.movement'>['payload'],
): Promise<void> {
  await ownSession(ctx, movement.sessionId, 'move cash in');
  const { storeId } = ctx.device;
  const [same] = await ctx.tx
    .select({ amount: cashMovements.amount })
    .from(cashMovements)
    .where(and(eq(cashMovements.storeId, storeId), eq(cashMovements.movementId, movement.id)));
  if (same) {
    throw new BusinessRejection('DUPLICATE_MOVEMENT', `Cash movement ${movement.id} exists`, {
      movementId: movement.id,
    });
  }
  await ctx.tx.insert(cashMovements).values({
    storeId,
    movementId: movement.id,
    sessionId: movement.sessionId,
    direction: movement.direction,
    type: movement.type ?? '',
    amount: movement.amount,
    description: movement.description ?? '',
    movedAt: movement.createdAt ? new Date(movement.createdAt) : ctx.occurredAt,
  });
}

export async function applyCashClosed(
  ctx: BuildContext,
  z: EventOf<'cash.closed'>['payload'],
): Promise<void> {
  const { session } = z;
  await ownSession(ctx, session.id, 'close');
  await ctx.tx
    .update(cashSessions)
    .set({
      status: 'CERRADA',
      closedBy: session.closedBy?.name ?? null,
      closedAt: session.closedAt ? new Date(session.closedAt) : ctx.occurredAt,
      expectedCash: session.expectedCash ?? null,
      countedCash: session.countedCash ?? null,
      difference: session.difference ?? null,
      zReport: z,
    })
    .where(
      and(eq(cashSessions.storeId, ctx.device.storeId), eq(cashSessions.sessionId, session.id)),
    );
}
