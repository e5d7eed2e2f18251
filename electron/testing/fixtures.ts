/** Small builders for the catalog and the day's work, over the real API. */
import type { Product } from '../../core/api/model';
import type { Till } from './till';

export async function product(
  till: Till,
  fields: { code: string; name?: string; price: number; stock?: number; [key: string]: unknown },
): Promise<Product> {
  const { stock, ...rest } = fields;
  return till.call('products.create', {
    name: fields.name ?? `Producto ${fields.code}`,
    ...rest,
    ...(stock === undefined ? {} : { initialStock: stock }),
  } as never);
}

export async function openSession(till: Till, float = 10000) {
  return till.call('cash.open', { float });
}

/** Sells with exact cash unless payments are given. */
export async function sell(
  till: Till,
  lines: {
    productId?: number;
    barcode?: string;
    quantity?: number;
    unitPrice?: number;
    discount?: number;
  }[],
  extra: Record<string, unknown> = {},
) {
  const id = till.uuid();
  if (!('payments' in extra)) {
    const preview = await till.result('sales.create', { id, lines, payments: [], ...extra });
    if (preview.ok) return preview.value;
    const due = (preview.error.details as { due?: number } | undefined)?.due;
    if (due === undefined) throw new Error(`${preview.error.code}: ${preview.error.message}`);
    return till.call('sales.create', {
      id,
      lines,
      payments: [{ method: 'EFECTIVO', amount: due }],
      ...extra,
    } as never);
  }
  return till.call('sales.create', { id, lines, ...extra } as never);
}

/** Adds a user (as the current user, who must be an admin). */
export async function user(
  till: Till,
  name: string,
  role: 'admin' | 'supervisor' | 'cashier',
  pin = '1111',
) {
  return till.call('users.create', { name, role, pin });
}

/** Runs `work` logged in as someone else, then switches back to the previous user. */
export async function actingAs<T>(
  till: Till,
  name: string,
  pin: string,
  work: () => Promise<T>,
): Promise<T> {
  const previous = await till.as(name, pin);
  try {
    return await work();
  } finally {
    till.session = previous;
  }
}

/** Registers a customer. */
export async function customer(
  till: Till,
  fields: { name: string; documentType?: string; documentNumber?: string },
) {
  return till.call('customers.create', {
    name: fields.name,
    documentType: fields.documentType ?? null,
    documentNumber: fields.documentNumber ?? null,
  });
}

/** Rows in a table, optionally filtered by a SQL condition. */
export function countRows(till: Till, table: string, where = '1 = 1', ...params: unknown[]) {
  return (
    till.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as {
      n: number;
    }
  ).n;
}

/** A product's stock as the API reports it. */
export async function stockOf(till: Till, productId: number): Promise<number> {
  return (await till.call('products.get', { id: productId })).stock;
}

/** Products whose stock column disagrees with the sum of their ledger (should be none). */
export function ledgerMismatches(till: Till) {
  return till.db.sqlite
    .prepare(
      `SELECT p.id, p.code, p.stock, COALESCE(SUM(m.quantity), 0) AS ledger
       FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id
       GROUP BY p.id HAVING p.stock != COALESCE(SUM(m.quantity), 0)`,
    )
    .all();
}

/** Audit rows for an action, oldest first, with their JSON parsed. */
export function auditRows(till: Till, action: string) {
  return (
    till.db.sqlite.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
      id: number;
      user_name: string;
      outcome: string;
      reason: string;
      entity_id: string;
      before: string | null;
      after: string | null;
    }[]
  ).map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
    after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
  }));
}
