/**
 * A real central server for the till's sync tests: the server's own Fastify
 * app over an in-memory PGlite, listening on a free loopback port, with a
 * store, its register CAJA1 and a one-time enrolment code.
 */
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app';
import { openDatabase, type ServerDb } from '../../server/db/open';
import { devices, events, sales } from '../../server/db/schema';
import { addRegister, addStore, issueEnrolmentCode } from '../../server/stores';

export interface TestStore {
  readonly storeId: string;
  readonly registerId: string;
  /** A fresh one-time code for its register CAJA1. */
  code(): Promise<string>;
  eventCount(): Promise<number>;
  saleCount(): Promise<number>;
}

export interface TestServer {
  readonly url: string;
  readonly db: ServerDb;
  readonly app: FastifyInstance;
  /** A new store with its register CAJA1: tests sharing one server never see each other. */
  store(): Promise<TestStore>;
  revoke(deviceId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(options: Omit<AppOptions, 'db'> = {}): Promise<TestServer> {
  const db = await openDatabase({ memory: true });
  const app = await buildApp({
    db,
    rateLimit: { max: 10_000, timeWindow: 60_000 },
    ...options,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    db,
    app,
    async store() {
      const store = await addStore(db.orm, 'Bodega Don Lucho');
      const register = await addRegister(db.orm, store.storeId, 'CAJA1');
      const { storeId } = store;
      return {
        storeId,
        registerId: register.registerId,
        async code() {
          return (await issueEnrolmentCode(db.orm, storeId, register.registerId)).code;
        },
        async eventCount() {
          return (
            await db.orm.select({ n: count() }).from(events).where(eq(events.storeId, storeId))
          )[0]!.n;
        },
        async saleCount() {
          return (
            await db.orm.select({ n: count() }).from(sales).where(eq(sales.storeId, storeId))
          )[0]!.n;
        },
      };
    },
    async revoke(deviceId) {
      await db.orm
        .update(devices)
        .set({ revokedAt: new Date() })
        .where(eq(devices.deviceId, deviceId));
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
