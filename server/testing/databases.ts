/**
 * describeEachDatabase runs a block of server tests twice: on PGlite and on a
 * real PostgreSQL. Each file gets its own database (CREATE DATABASE on
 * PostgreSQL, a fresh in-memory PGlite), and every table is emptied before
 * each test, so tests never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { openDatabase, type ServerDb } from '../db/open';
import { ALL_TABLES } from '../db/schema';

export interface TestDatabase {
  readonly kind: 'pglite' | 'postgres';
  /** The file's database, emptied before each test. */
  readonly db: () => ServerDb;
  /** Another connection pool to the same PostgreSQL database (null on PGlite: one process only). */
  readonly url: () => string | null;
  /** A second handle on the same database, closed after the file (PostgreSQL only). */
  readonly openAnother: () => Promise<ServerDb>;
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export function describeEachDatabase(name: string, body: (t: TestDatabase) => void): void {
  const pgUrl = inject('pgUrl');
  const skipReason = inject('pgSkipReason');
  for (const kind of ['pglite', 'postgres'] as const) {
    const skip = kind === 'postgres' && !pgUrl;
    const title = skip ? `${name} [postgres] skipped: ${skipReason}` : `${name} [${kind}]`;
    describe.skipIf(skip)(title, () => {
      let db: ServerDb | undefined;
      let url: string | null = null;
      let dbName = '';
      const extra: ServerDb[] = [];
      beforeAll(async () => {
        if (kind === 'pglite') {
          db = await openDatabase({ memory: true });
          return;
        }
        dbName = `tendero_test_${randomUUID().replaceAll('-', '')}`;
        const admin = new pg.Client({ connectionString: pgUrl! });
        await admin.connect();
        await admin.query(`create database ${dbName}`);
        await admin.end();
        url = databaseUrl(pgUrl!, dbName);
        db = await openDatabase({ url });
      }, 60_000);
      beforeEach(async () => {
        await db!.orm.execute(sql.raw(`truncate ${ALL_TABLES.join(', ')}`));
      });
      afterAll(async () => {
        for (const other of extra) await other.close();
        await db?.close();
        if (kind === 'postgres' && dbName) {
          const admin = new pg.Client({ connectionString: pgUrl! });
          await admin.connect();
          await admin.query(`drop database if exists ${dbName} with (force)`);
          await admin.end();
        }
      });
      body({
        kind,
        db: () => db!,
        url: () => url,
        openAnother: async () => {
          if (!url) throw new Error('A second handle needs PostgreSQL');
          const other = await openDatabase({ url });
          extra.push(other);
          return other;
        },
      });
    });
  }
}
