import type { Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { type ServiceContext } from './context';

/**
 * Hot-path helpers. Building a drizzle query costs tens of microseconds each
 * time; a sale makes dozens. These keep the typed schema but prepare each
 * statement once per connection.
 */

const preparedQueries = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle query prepared once per connection and reused: write it with
 * sql.placeholder('name') for the parameters and call .get/.all/.run on the
 * result with the values.
 */
export function prepared<P>(ctx: Pick<ServiceContext, 'db'>, key: string, build: () => P): P {
  let cache = preparedQueries.get(ctx.db.sqlite);
  if (!cache) {
    cache = new Map();
    preparedQueries.set(ctx.db.sqlite, cache);
  }
  let query = cache.get(key) as P | undefined;
  if (query === undefined) {
    query = build();
    cache.set(key, query);
  }
  return query;
}

function toSqlValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Inserts one row of a drizzle table with a cached prepared statement. Keys
 * left undefined take the column's database default, as with drizzle.
 */
const insertStatements = new WeakMap<object, Map<SQLiteTable, Map<string, Statement>>>();

function insertStatement(
  ctx: Pick<ServiceContext, 'db'>,
  table: SQLiteTable,
  keys: readonly string[],
): Statement {
  let byTable = insertStatements.get(ctx.db.sqlite);
  if (!byTable) {
    byTable = new Map();
    insertStatements.set(ctx.db.sqlite, byTable);
  }
  let byKeys = byTable.get(table);
  if (!byKeys) {
    byKeys = new Map();
    byTable.set(table, byKeys);
  }
  // Keyed on the property names alone: cheaper than building the SQL text to look it up.
  const signature = keys.join(',');
  let insert = byKeys.get(signature);
  if (!insert) {
    const columns = table as unknown as Record<string, Column>;
    const names = keys.map((key) => `"${columns[key]!.name}"`);
    insert = ctx.db.sqlite.prepare(
      `INSERT INTO "${getTableConfig(table).name}" (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    );
    byKeys.set(signature, insert);
  }
  return insert;
}

export function insertRow<T extends SQLiteTable>(
  ctx: Pick<ServiceContext, 'db'>,
  table: T,
  row: T['$inferInsert'],
): void {
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (value === undefined) continue;
    keys.push(key);
    values.push(toSqlValue(value));
  }
  insertStatement(ctx, table, keys).run(...values);
}
