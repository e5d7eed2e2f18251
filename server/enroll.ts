/** Turning a one-time code into an enrolled device with its own credential. */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { EnrollResponse } from '../core/sync';
import { enrollRequest } from '../core/sync';
import type { Orm } from './db/open';
import { devices, documentSeries, enrolmentCodes, registers } from './db/schema';
import { SyncFailure } from './errors';
import { formatCredential, hashCode, newDeviceSecret, sha256 } from './secrets';
import { claimSeries } from './stores';

const CODE_REFUSED = 'The enrolment code is wrong, expired or already used';

export async function enroll(orm: Orm, body: unknown, now = new Date()): Promise<EnrollResponse> {
  const input = enrollRequest.parse(body);
  const codeHash = hashCode(input.code);
  return orm.transaction(async (tx) => {
    // The code alone names its store: codes are unique by hash across stores in practice
    // (59 random bits); the store is read from the row, never from the request.
    const [code] = await tx
      .select()
      .from(enrolmentCodes)
      .where(and(eq(enrolmentCodes.codeHash, codeHash), isNull(enrolmentCodes.usedAt)))
      .for('update');
    if (!code || code.expiresAt.getTime() < now.getTime()) {
      throw new SyncFailure('ENROLMENT_CODE_INVALID', CODE_REFUSED);
    }
    const { storeId, registerId } = code;
    const [register] = await tx
      .select()
      .from(registers)
      .where(and(eq(registers.storeId, storeId), eq(registers.registerId, registerId)));
    if (!register) throw new SyncFailure('ENROLMENT_CODE_INVALID', CODE_REFUSED);
    await claimSeries(tx, storeId, registerId, input.series);
    const deviceId = randomUUID();
    const secret = newDeviceSecret();
    await tx.insert(devices).values({
      storeId,
      deviceId,
      registerId,
      name: input.deviceName,
      secretHash: sha256(secret),
      lastSeq: input.firstSeq - 1,
    });
    const used = await tx
      .update(enrolmentCodes)
      .set({ usedAt: now, usedBy: deviceId })
      .where(
        and(
          eq(enrolmentCodes.storeId, storeId),
          eq(enrolmentCodes.codeHash, codeHash),
          isNull(enrolmentCodes.usedAt),
        ),
      )
      .returning({ codeHash: enrolmentCodes.codeHash });
    if (used.length !== 1) throw new SyncFailure('ENROLMENT_CODE_INVALID', CODE_REFUSED);
    const owned = await tx
      .select({ documentType: documentSeries.documentType, series: documentSeries.series })
      .from(documentSeries)
      .where(and(eq(documentSeries.storeId, storeId), eq(documentSeries.registerId, registerId)));
    return {
      deviceId,
      storeId,
      registerId,
      registerCode: register.code,
      series: owned as EnrollResponse['series'],
      credential: formatCredential(storeId, deviceId, secret),
      nextSeq: input.firstSeq,
      serverTime: now.toISOString(),
    };
  });
}
