import { Column, getTableColumns } from 'drizzle-orm';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { type ServiceContext } from './context';
import { getOrMake } from './memo';

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
  return getOrMake(
    getOrMake(preparedQueries, ctx.db.sqlite, () => new Map()),
    key,
    build,
  ) as P;
}

/** Reads whole rows of one table, shaped as the table's `$inferSelect`. */
export interface RowReader<Row> {
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

interface ColumnReading {
  readonly key: string;
  /** The column when its driver value needs mapping (booleans), else null. */
  readonly decoder: Column | null;
}

function columnReadings(table: SQLiteTable): ColumnReading[] {
  return Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, column]) => ({
    key,
    // Most columns read as they are stored; the rest map exactly as drizzle maps them.
    decoder: column.mapFromDriverValue === Column.prototype.mapFromDriverValue ? null : column,
  }));
}

function toRow(readings: readonly ColumnReading[], values: readonly unknown[]): object {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < readings.length; i++) {
    const { key, decoder } = readings[i]!;
    const value = values[i];
    row[key] = value === null || decoder === null ? value : decoder.mapFromDriverValue(value);
  }
  return row;
}

const rowReaders = new WeakMap<object, Map<SQLiteTable, Map<string, RowReader<object>>>>();

/**
 * Whole rows of `table` where `clause` holds (the SQL after WHERE, with `?`
 * parameters and database column names; every row without one), as drizzle
 * would return them, read through a plain statement prepared once per
 * connection. For the hot paths: a drizzle query maps each row through generic
 * code that costs several times the read itself when the sale path runs with
 * cold CPU caches.
 */
export function selectRows<T extends SQLiteTable>(
  ctx: Pick<ServiceContext, 'db'>,
  table: T,
  clause?: string,
): RowReader<T['$inferSelect']> {
  const byClause = getOrMake(
    getOrMake(rowReaders, ctx.db.sqlite, () => new Map()),
    table,
    () => new Map(),
  );
  const reader = getOrMake(byClause, clause ?? '', (): RowReader<object> => {
    const readings = columnReadings(table);
    const columns = getTableColumns(table) as Record<string, Column>;
    const statement = ctx.db.sqlite
      .prepare(
        `SELECT ${readings.map(({ key }) => `"${columns[key]!.name}"`).join(', ')} FROM "${getTableConfig(table).name}"${clause === undefined ? '' : ` WHERE ${clause}`}`,
      )
      .raw(true);
    return {
      get(...params) {
        const values = statement.get(...params) as unknown[] | undefined;
        return values && toRow(readings, values);
      },
      all(...params) {
        return (statement.all(...params) as unknown[][]).map((values) => toRow(readings, values));
      },
    };
  });
  return reader as RowReader<T['$inferSelect']>;
}

function toSqlValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** What inserting into a table needs to know of it, worked out once per table. */
interface TableShape {
  readonly name: string;
  readonly columns: Readonly<Record<string, Column>>;
  /** Every property key, in column order. */
  readonly keys: readonly string[];
  /** The same without the INTEGER PRIMARY KEY, which SQLite assigns when left out. */
  readonly keysButRowid: readonly string[];
}

const shapes = new WeakMap<SQLiteTable, TableShape>();

function shapeOf(table: SQLiteTable): TableShape {
  return getOrMake(shapes, table, () => {
    const columns = getTableColumns(table) as Record<string, Column>;
    const keys = Object.keys(columns);
    const isRowid = (key: string) =>
      columns[key]!.primary && columns[key]!.columnType === 'SQLiteInteger';
    return {
      name: getTableConfig(table).name,
      columns,
      keys,
      keysButRowid: keys.filter((key) => !isRowid(key)),
    };
  });
}

const insertStatements = new WeakMap<object, Map<SQLiteTable, Map<string, Statement>>>();

/** The INSERT of these columns of `table`, prepared once per connection and `signature`. */
function insertStatement(
  ctx: Pick<ServiceContext, 'db'>,
  table: SQLiteTable,
  keys: readonly string[],
  signature: string,
): Statement {
  const bySignature = getOrMake(
    getOrMake(insertStatements, ctx.db.sqlite, () => new Map()),
    table,
    () => new Map(),
  );
  return getOrMake(bySignature, signature, () => {
    const { name, columns } = shapeOf(table);
    return ctx.db.sqlite.prepare(
      `INSERT INTO "${name}" (${keys.map((key) => `"${columns[key]!.name}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    );
  });
}

/** The values of `keys` in order, or undefined if the row leaves one of them out. */
function valuesOf(fields: Record<string, unknown>, keys: readonly string[]): unknown[] | undefined {
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const value = fields[keys[i]!];
    if (value === undefined) return undefined;
    values[i] = toSqlValue(value);
  }
  return values;
}

/**
 * Inserts one row of a drizzle table with a cached prepared statement. Keys
 * left undefined take the column's database default, as with drizzle.
 * Returns the new row's rowid (its id, for tables with an integer key).
 */
export function insertRow<T extends SQLiteTable>(
  ctx: Pick<ServiceContext, 'db'>,
  table: T,
  row: T['$inferInsert'],
): number {
  const fields = row as Record<string, unknown>;
  const { keys, keysButRowid } = shapeOf(table);
  // The hot paths give every column (but an assigned id): one statement per
  // table, found without looking at the row's keys.
  let values = valuesOf(fields, keys);
  let insert: Statement | undefined;
  if (values) insert = insertStatement(ctx, table, keys, 'every column');
  else if ((values = valuesOf(fields, keysButRowid))) {
    insert = insertStatement(ctx, table, keysButRowid, 'every column but the rowid');
  } else {
    // Otherwise the statement is keyed on the names of the keys given.
    const given = keys.filter((key) => fields[key] !== undefined);
    values = given.map((key) => toSqlValue(fields[key]));
    insert = insertStatement(ctx, table, given, given.join(','));
  }
  return Number(insert.run(values).lastInsertRowid);
}
