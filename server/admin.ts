/**
 * Admin commands over the database directly (JSON in, JSON out). PGlite admits
 * one process at a time, so on PGlite these run while the server is stopped;
 * going through a running server's admin endpoint is still to be built.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { seriesClaim } from '../core/sync';
import type { Orm } from './db/open';
import { devices, registers, stores } from './db/schema';
import { SyncFailure } from './errors';
import { addRegister, addStore, issueEnrolmentCode } from './stores';

export const ADMIN_FLAGS = ['store', 'register', 'code', 'series', 'name', 'device', 'data'];

export type AdminArgs = Record<string, string | undefined>;

function need(args: AdminArgs, name: string): string {
  const value = args[name];
  if (!value) throw new SyncFailure('VALIDATION', `--${name} is required`);
  return value;
}

async function registerByCode(orm: Orm, storeId: string, code: string) {
  const [row] = await orm
    .select()
    .from(registers)
    .where(and(eq(registers.storeId, storeId), eq(registers.code, code)));
  if (!row) throw new SyncFailure('NOT_FOUND', `No register ${code} in store ${storeId}`);
  return row;
}

/** `B001:BOLETA,F001:FACTURA` → series claims. */
function parseSeries(text: string | undefined) {
  if (!text) return [];
  return text.split(',').map((item) => {
    const [series, documentType] = item.split(':');
    return seriesClaim.parse({ series, documentType });
  });
}

export const ADMIN_COMMANDS = {
  stores: async (orm: Orm) => orm.select().from(stores).orderBy(asc(stores.createdAt)),
  'store-add': async (orm: Orm, args: AdminArgs) => addStore(orm, need(args, 'name')),
  'register-add': async (orm: Orm, args: AdminArgs) =>
    addRegister(orm, need(args, 'store'), need(args, 'code'), parseSeries(args.series)),
  'enrolment-code': async (orm: Orm, args: AdminArgs) => {
    const storeId = need(args, 'store');
    const register = await registerByCode(orm, storeId, need(args, 'register'));
    return issueEnrolmentCode(orm, storeId, register.registerId);
  },
  devices: async (orm: Orm, args: AdminArgs) => {
    const rows = await orm
      .select({
        storeId: devices.storeId,
        deviceId: devices.deviceId,
        registerId: devices.registerId,
        name: devices.name,
        lastSeq: devices.lastSeq,
        enrolledAt: devices.enrolledAt,
        lastSeenAt: devices.lastSeenAt,
        revokedAt: devices.revokedAt,
      })
      .from(devices)
      .orderBy(asc(devices.enrolledAt));
    return args.store ? rows.filter((r) => r.storeId === args.store) : rows;
  },
  revoke: async (orm: Orm, args: AdminArgs) => {
    const deviceId = z.uuid().safeParse(need(args, 'device'));
    if (!deviceId.success) throw new SyncFailure('VALIDATION', '--device must be a device id');
    return revokeDevice(orm, deviceId.data);
  },
} as const;

async function revokeDevice(orm: Orm, deviceId: string) {
  const revoked = await orm
    .update(devices)
    .set({ revokedAt: new Date() })
    .where(eq(devices.deviceId, deviceId))
    .returning({
      storeId: devices.storeId,
      deviceId: devices.deviceId,
      revokedAt: devices.revokedAt,
    });
  if (revoked.length === 0) throw new SyncFailure('NOT_FOUND', `No device ${deviceId}`);
  return revoked[0];
}

export type AdminCommand = keyof typeof ADMIN_COMMANDS;

export function isAdminCommand(name: string): name is AdminCommand {
  return Object.hasOwn(ADMIN_COMMANDS, name);
}
