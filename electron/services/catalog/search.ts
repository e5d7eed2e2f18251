import type { ProductHit, SoldBy } from '../../../core/api/model';
import { statement, type ServiceContext } from '../context';
import { toApiQuantity } from './product-rows';

/**
 * Turns typed text into an FTS5 prefix query: every word must match the start
 * of a word in the code or name ("coca 1" → "coca"* AND "1"*). Words are
 * quoted, so nothing typed is ever read as FTS syntax.
 */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}

interface HitRow {
  id: number;
  code: string;
  name: string;
  price: number;
  stock: number;
  sold_by: string;
  track_stock: number;
  active: number;
}

function toHit(row: HitRow): ProductHit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    price: row.price,
    stock: toApiQuantity(row.stock),
    soldBy: row.sold_by as SoldBy,
    trackStock: row.track_stock === 1,
    active: row.active === 1,
  };
}

const COLUMNS = 'p.id, p.code, p.name, p.price, p.stock, p.sold_by, p.track_stock, p.active';

/** Above every code point: `prefix + TOP` bounds the strings that start with `prefix`. */
const TOP = '\u{10FFFF}';

/**
 * How many FTS matches are ranked before products are read. Ranking by bm25
 * touches only the index; joining every match to `products` first is what made
 * broad queries ("sa" matches thousands of names) slow. Ties at this cut fall
 * in index order.
 */
const RANKED_CANDIDATES = 250;

/**
 * Ranked prefix search, in tiers a cashier expects:
 * 1. an exact code or barcode;
 * 2. codes, then names, that start with what was typed (case-insensitive), in
 *    order — a range scan on the NOCASE indexes, so it costs the same whether
 *    the store has a hundred products or a hundred thousand;
 * 3. any product where every typed word starts a word of the code or name,
 *    accents folded, by bm25 with the code weighted above the name.
 * Later tiers only run while the earlier ones have not filled the limit.
 */
export function searchProducts(
  ctx: ServiceContext,
  query: { text: string; limit: number; includeInactive: boolean },
): ProductHit[] {
  const match = toPrefixQuery(query.text);
  if (!match) return [];
  const activeOnly = query.includeInactive ? '' : 'AND p.active = 1';
  const text = query.text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const hits = new Map<number, HitRow>();
  const take = (rows: HitRow[]) => {
    for (const row of rows) if (hits.size < query.limit) hits.set(row.id, row);
  };

  // Plain "?" twice: better-sqlite3 cannot bind numbered parameters ("?1") at all.
  const exact = statement(
    ctx,
    `SELECT ${COLUMNS} FROM products p WHERE (p.code = ? OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode = ?)) ${activeOnly} LIMIT 1`,
  ).get(text, text) as HitRow | undefined;
  if (exact) take([exact]);

  for (const column of ['code', 'name'] as const) {
    if (hits.size >= query.limit) break;
    take(
      statement(
        ctx,
        `SELECT ${COLUMNS} FROM products p
         WHERE p.${column} >= ? COLLATE NOCASE AND p.${column} < ? COLLATE NOCASE ${activeOnly}
         ORDER BY p.${column} COLLATE NOCASE LIMIT ?`,
      ).all(text, text + TOP, query.limit + 1) as HitRow[], // + 1: the exact hit may be one of them
    );
  }

  if (hits.size < query.limit) {
    // Enough ranked matches to fill the limit even if all found so far are among them.
    take(rankedMatches(ctx, match, query.includeInactive, query.limit));
  }
  return [...hits.values()].map(toHit);
}

function rankedMatches(
  ctx: ServiceContext,
  match: string,
  includeInactive: boolean,
  wanted: number,
): HitRow[] {
  const candidates = statement(
    ctx,
    `SELECT ${COLUMNS}, f.score FROM (
       SELECT rowid AS id, bm25(products_fts, 4.0, 1.0) AS score FROM products_fts
       WHERE products_fts MATCH ? ORDER BY score LIMIT ${RANKED_CANDIDATES}
     ) f JOIN products p ON p.id = f.id
     ORDER BY f.score, p.name`,
  ).all(match) as HitRow[];
  const shown = includeInactive ? candidates : candidates.filter((row) => row.active === 1);
  if (candidates.length < RANKED_CANDIDATES || shown.length >= 2 * wanted) return shown;
  // So many inactive products among the best matches that the active ones run
  // short: rank every active match instead (slower, and rare).
  return statement(
    ctx,
    `SELECT ${COLUMNS} FROM products_fts f JOIN products p ON p.id = f.rowid
     WHERE products_fts MATCH ? AND p.active = 1
     ORDER BY bm25(products_fts, 4.0, 1.0), p.name LIMIT ?`,
  ).all(match, 2 * wanted) as HitRow[];
}
