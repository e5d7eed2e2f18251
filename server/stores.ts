/** Stores, registers, their series and enrolment codes: what an admin sets up. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { SeriesClaim } from '../core/sync';
import type { Orm, Tx } from './db/open';
import { documentSeries, enrolmentCodes, registers, stores } from './db/schema';
import { SyncFailure } from './errors';
import { hashCode, newEnrolmentCode } from './secrets';

export const ENROLMENT_CODE_DAYS = 7;

export async function addStore(orm: Orm | Tx, name: string) {
  const storeId = randomUUID();
  await orm.insert(stores).values({ storeId, name });
  return { storeId, name };
}

/** Claims series for a register; one owned by another register refuses the whole claim. */
export async function claimSeries(
  tx: Tx,
  storeId: string,
  registerId: string,
  claims: readonly SeriesClaim[],
): Promise<void> {
  for (const claim of claims) {
    const [owner] = await tx
      .select({ registerId: documentSeries.registerId, code: registers.code })
      .from(documentSeries)
      .innerJoin(
        registers,
        and(
          eq(registers.storeId, documentSeries.storeId),
          eq(registers.registerId, documentSeries.registerId),
        ),
      )
      .where(
        and(
          eq(documentSeries.storeId, storeId),
          eq(documentSeries.documentType, claim.documentType),
          eq(documentSeries.series, claim.series),
        ),
      );
    if (owner && owner.registerId !== registerId) {
      throw new SyncFailure(
        'SERIES_TAKEN',
        `Series ${claim.series} (${claim.documentType}) belongs to register ${owner.code}`,
        { ...claim, register: owner.code },
      );
    }
    if (!owner) {
      // The key (store, type, series) makes a concurrent claim by another register fail here.
      await tx.insert(documentSeries).values({ storeId, registerId, ...claim });
    }
  }
}

export async function addRegister(
  orm: Orm,
  storeId: string,
  code: string,
  series: readonly SeriesClaim[] = [],
) {
  return orm.transaction(async (tx) => {
    const [store] = await tx.select().from(stores).where(eq(stores.storeId, storeId));
    if (!store) throw new SyncFailure('NOT_FOUND', `No store ${storeId}`);
    const [existing] = await tx
      .select()
      .from(registers)
      .where(and(eq(registers.storeId, storeId), eq(registers.code, code)));
    if (existing) throw new SyncFailure('VALIDATION', `Register ${code} already exists`);
    const registerId = randomUUID();
    await tx.insert(registers).values({ storeId, registerId, code });
    await claimSeries(tx, storeId, registerId, series);
    return { storeId, registerId, code, series };
  });
}

/** A new one-time code for a register; only its hash is stored, the code is shown once. */
export async function issueEnrolmentCode(
  orm: Orm | Tx,
  storeId: string,
  registerId: string,
  now = new Date(),
) {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_DAYS * 86_400_000);
  await orm
    .insert(enrolmentCodes)
    .values({ storeId, registerId, codeHash: hashCode(code), expiresAt });
  return { code, storeId, registerId, expiresAt: expiresAt.toISOString() };
}

/**
 * On the first start (no store yet): the first store, its register CAJA1 and a
 * code to enrol that register's till. Null when a store already exists.
 */
export async function ensureFirstStore(orm: Orm) {
  const [any] = await orm.select({ storeId: stores.storeId }).from(stores).limit(1);
  if (any) return null;
  const store = await addStore(orm, 'Tienda principal');
  const register = await addRegister(orm, store.storeId, 'CAJA1');
  const code = await issueEnrolmentCode(orm, store.storeId, register.registerId);
  return { store, register, code };
}
