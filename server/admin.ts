/**
 * Admin commands (JSON in, JSON out), over a database handle: the CLI runs them
 * on the database directly when no server holds it, or through a running
 * server's admin endpoint (POST /v1/admin/<command>), which calls these same
 * functions. Flags arrive as strings; a file travels as base64 in `content`.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '../core/errors';
import { parseTyped } from '../core/money/typed';
import { seriesClaim } from '../core/sync';
import { importProducts, setPrice } from './catalog-admin';
import { dayTotals } from './day-totals';
import { pruneChangeLog, rebuildChangeLog } from './pull';
import { listReview, resolveReview } from './review';
import type { Orm } from './db/open';
import { devices, registers, stores } from './db/schema';
import { SyncFailure } from './errors';
import { addRegister, addStore, issueEnrolmentCode } from './stores';

export const ADMIN_FLAGS = [
  'store',
  'register',
  'code',
  'series',
  'name',
  'device',
  'data',
  'time-zone',
  'price',
  'from',
  'to',
  'id',
  'note',
  'content',
  'days',
];
/** Flags without a value: present means "true". */
export const ADMIN_SWITCHES = ['all', 'retry'];

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

function uuidArg(args: AdminArgs, name: string): string {
  const value = z.uuid().safeParse(need(args, name));
  if (!value.success) throw new SyncFailure('VALIDATION', `--${name} must be an id`);
  return value.data;
}

function timeZoneArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new SyncFailure(
      'VALIDATION',
      `--time-zone ${value} is not an IANA zone like America/Lima`,
    );
  }
  return value;
}

/** "5.90", "5,90" or "S/ 5.90" → 590 minor units, read like a typed price at the till. */
function priceArg(value: string): number {
  try {
    return Number(parseTyped(value, 'es-PE', { maxFractionDigits: 2, ignore: ['S/', 'PEN', '$'] }));
  } catch (error) {
    if (error instanceof DomainError)
      throw new SyncFailure('VALIDATION', `--price: ${error.message}`);
    throw error;
  }
}

export const ADMIN_COMMANDS = {
  stores: async (orm: Orm) => orm.select().from(stores).orderBy(asc(stores.createdAt)),
  'store-add': async (orm: Orm, args: AdminArgs) =>
    addStore(orm, need(args, 'name'), timeZoneArg(args['time-zone'])),
  'import-products': async (orm: Orm, args: AdminArgs) =>
    importProducts(orm, uuidArg(args, 'store'), Buffer.from(need(args, 'content'), 'base64')),
  price: async (orm: Orm, args: AdminArgs) =>
    setPrice(orm, uuidArg(args, 'store'), need(args, 'code'), priceArg(need(args, 'price'))),
  review: async (orm: Orm, args: AdminArgs) =>
    listReview(orm, {
      ...(args.store ? { storeId: uuidArg(args, 'store') } : {}),
      all: args.all === 'true',
    }),
  'review-resolve': async (orm: Orm, args: AdminArgs) =>
    resolveReview(orm, uuidArg(args, 'id'), {
      ...(args.note ? { note: args.note } : {}),
      retry: args.retry === 'true',
    }),
  'changes-prune': async (orm: Orm, args: AdminArgs) => {
    const days = Number(args.days ?? '30');
    if (!Number.isInteger(days) || days < 0) {
      throw new SyncFailure('VALIDATION', '--days must be a whole number of days, 0 or more');
    }
    return pruneChangeLog(orm, uuidArg(args, 'store'), new Date(Date.now() - days * 86_400_000));
  },
  'changes-rebuild': async (orm: Orm, args: AdminArgs) =>
    rebuildChangeLog(orm, uuidArg(args, 'store')),
  'day-totals': async (orm: Orm, args: AdminArgs) =>
    dayTotals(orm, uuidArg(args, 'store'), need(args, 'from'), need(args, 'to')),
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
