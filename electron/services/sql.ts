import type { Column } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { statement, type ServiceContext } from './context';

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
const tableNames = new WeakMap<SQLiteTable, string>();

export function insertRow<T extends SQLiteTable>(
  ctx: Pick<ServiceContext, 'db'>,
  table: T,
  row: T['$inferInsert'],
): void {
  const entries = Object.entries(row as Record<string, unknown>).filter(([, v]) => v !== undefined);
  let name = tableNames.get(table);
  if (name === undefined) {
    name = getTableConfig(table).name;
    tableNames.set(table, name);
  }
  const columns = table as unknown as Record<string, Column>;
  const names = entries.map(([key]) => `"${columns[key]!.name}"`);
  const sqlText = `INSERT INTO "${name}" (${names.join(', ')}) VALUES (${entries.map(() => '?').join(', ')})`;
  statement(ctx, sqlText).run(...entries.map(([, v]) => toSqlValue(v)));
}
