/**
 * A store's sales per local day, from the built tables: what an owner sets
 * beside the tills' Z reports. A day is the store's (its time zone), and a
 * sale counts on the day it was made at the till, however late it arrived.
 */
import { eq, sql } from 'drizzle-orm';
import type { Orm } from './db/open';
import { stores } from './db/schema';
import { SyncFailure } from './errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 366;

export interface DayTotals {
  readonly date: string;
  readonly sales: {
    count: number;
    total: number;
    tax: number;
    taxableBase: number;
    exempt: number;
    unaffected: number;
    discount: number;
  };
  readonly payments: { method: string; count: number; amount: number }[];
  readonly voids: { count: number; total: number };
  readonly deleted: { count: number; total: number };
  readonly returns: { count: number; total: number; refunded: number };
  /** Sales less returns. */
  readonly net: number;
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = Date.parse(`${from}T00:00:00Z`);
    d <= Date.parse(`${to}T00:00:00Z`);
    d += 86_400_000
  ) {
    days.push(new Date(d).toISOString().slice(0, 10));
  }
  return days;
}

function checkRange(from: string, to: string) {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new SyncFailure('VALIDATION', `--${name} must be a date like 2026-12-05`, {
        path: [name],
      });
    }
  }
  if (from > to) throw new SyncFailure('VALIDATION', '--from is after --to', { path: ['from'] });
  if (daysBetween(from, to).length > MAX_DAYS) {
    throw new SyncFailure('VALIDATION', `At most ${MAX_DAYS} days at a time`, { path: ['to'] });
  }
}

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

async function rows(orm: Orm, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await orm.execute(query)) as unknown as { rows?: Row[] } | Row[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

export async function dayTotals(orm: Orm, storeId: string, from: string, to: string) {
  checkRange(from, to);
  const [store] = await orm.select().from(stores).where(eq(stores.storeId, storeId));
  if (!store) throw new SyncFailure('NOT_FOUND', `No store ${storeId}`);
  const tz = store.timeZone;
  const saleDay = sql`to_char(s.sold_at at time zone ${tz}, 'YYYY-MM-DD')`;
  const inRange = sql`${saleDay} between ${from} and ${to}`;
  const sales = await rows(
    orm,
    sql`select ${saleDay} as day, s.status,
          count(*) as count, sum(s.total) as total, sum(s.tax) as tax,
          sum(s.taxable_base) as taxable_base, sum(s.exempt) as exempt,
          sum(s.unaffected) as unaffected, sum(s.discount) as discount
        from sales s where s.store_id = ${storeId} and ${inRange}
        group by 1, 2`,
  );
  const payments = await rows(
    orm,
    sql`select ${saleDay} as day, p.method, count(*) as count, sum(p.amount) as amount
        from payments p join sales s on s.store_id = p.store_id and s.sale_id = p.sale_id
        where s.store_id = ${storeId} and ${inRange} and s.status not in ('ANULADA', 'ELIMINADA')
        group by 1, 2 order by 2`,
  );
  const returnDay = sql`to_char(r.returned_at at time zone ${tz}, 'YYYY-MM-DD')`;
  const returns = await rows(
    orm,
    sql`select ${returnDay} as day, count(*) as count, sum(r.total) as total, sum(r.refunded) as refunded
        from sale_returns r where r.store_id = ${storeId} and ${returnDay} between ${from} and ${to}
        group by 1`,
  );
  return {
    storeId,
    timeZone: tz,
    days: daysBetween(from, to).map((date): DayTotals => {
      const live = sales.filter(
        (r) => r.day === date && r.status !== 'ANULADA' && r.status !== 'ELIMINADA',
      );
      const sum = (list: Row[], key: string) => list.reduce((acc, r) => acc + num(r[key]), 0);
      const of = (status: string) => sales.filter((r) => r.day === date && r.status === status);
      const ret = returns.find((r) => r.day === date);
      const total = sum(live, 'total');
      const returned = num(ret?.total);
      return {
        date,
        sales: {
          count: sum(live, 'count'),
          total,
          tax: sum(live, 'tax'),
          taxableBase: sum(live, 'taxable_base'),
          exempt: sum(live, 'exempt'),
          unaffected: sum(live, 'unaffected'),
          discount: sum(live, 'discount'),
        },
        payments: payments
          .filter((p) => p.day === date)
          .map((p) => ({ method: String(p.method), count: num(p.count), amount: num(p.amount) })),
        voids: { count: sum(of('ANULADA'), 'count'), total: sum(of('ANULADA'), 'total') },
        deleted: { count: sum(of('ELIMINADA'), 'count'), total: sum(of('ELIMINADA'), 'total') },
        returns: { count: num(ret?.count), total: returned, refunded: num(ret?.refunded) },
        net: total - returned,
      };
    }),
  };
}
