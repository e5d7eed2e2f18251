/**
 * One way in to the server's database: a real PostgreSQL through node-postgres
 * when a URL is given (DATABASE_URL), else PGlite, an embedded PostgreSQL, in a
 * data folder. The same schema, migrations and queries serve both.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a transaction callback receives: the same query builder. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

export interface ServerDb {
  readonly orm: Orm;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export type DbTarget = { url: string } | { dataDir: string } | { memory: true };

// Any fixed number: two processes starting on one PostgreSQL migrate one at a time.
const MIGRATION_LOCK = 5858_0014;

export async function openDatabase(target: DbTarget): Promise<ServerDb> {
  if ('url' in target) {
    await migrateOverOneConnection(target.url);
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    return {
      orm: drizzlePg({ client: pool, schema }) as unknown as Orm,
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if ('dataDir' in target) {
    mkdirSync(target.dataDir, { recursive: true });
    client = await PGlite.create(join(target.dataDir, 'pg'));
  } else {
    client = await PGlite.create();
  }
  const orm = drizzlePglite({ client, schema });
  await migratePglite(orm, { migrationsFolder: MIGRATIONS_FOLDER });
  return { orm: orm as unknown as Orm, kind: 'pglite', close: () => client.close() };
}

/** The advisory lock is held by a session, so migrations run on the connection that holds it. */
async function migrateOverOneConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const orm = drizzlePg({ client });
    await orm.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(orm, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await orm.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end();
  }
}
