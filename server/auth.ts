/** Who is calling: every request but enrolment carries a device credential. */
import { timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Orm } from './db/open';
import { devices } from './db/schema';
import { SyncFailure } from './errors';
import { parseCredential, sha256 } from './secrets';

export interface DeviceIdentity {
  readonly storeId: string;
  readonly deviceId: string;
  readonly registerId: string;
}

export function credentialOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export async function authenticate(orm: Orm, header: string | undefined): Promise<DeviceIdentity> {
  const credential = credentialOf(header);
  const parsed = credential ? parseCredential(credential) : null;
  if (!parsed) throw new SyncFailure('UNAUTHENTICATED', 'A device credential is required');
  const [device] = await orm
    .select()
    .from(devices)
    .where(and(eq(devices.storeId, parsed.storeId), eq(devices.deviceId, parsed.deviceId)));
  const given = Buffer.from(sha256(parsed.secret), 'hex');
  const stored = Buffer.from(device?.secretHash ?? '00'.repeat(32), 'hex');
  if (!device || given.length !== stored.length || !timingSafeEqual(given, stored)) {
    throw new SyncFailure('UNAUTHENTICATED', 'Unknown device or wrong credential');
  }
  if (device.revokedAt) {
    throw new SyncFailure('REVOKED', 'This device was revoked; enrol it again with a new code');
  }
  return { storeId: device.storeId, deviceId: device.deviceId, registerId: device.registerId };
}
