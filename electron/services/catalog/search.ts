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

/**
 * Ranked prefix search: an exact code or barcode first, then FTS5 matches by
 * bm25 with the code weighted above the name.
 */
export function searchProducts(
  ctx: ServiceContext,
  query: { text: string; limit: number; includeInactive: boolean },
): ProductHit[] {
  const match = toPrefixQuery(query.text);
  if (!match) return [];
  const activeOnly = query.includeInactive ? '' : 'AND p.active = 1';
  // Plain "?" twice: better-sqlite3 cannot bind numbered parameters ("?1") at all.
  const text = query.text.trim();
  const exact = statement(
    ctx,
    `SELECT ${COLUMNS} FROM products p WHERE (p.code = ? OR p.id IN (SELECT product_id FROM product_barcodes WHERE barcode = ?)) ${activeOnly} LIMIT 1`,
  ).get(text, text) as HitRow | undefined;
  const ranked = statement(
    ctx,
    `SELECT ${COLUMNS} FROM products_fts f JOIN products p ON p.id = f.rowid
     WHERE products_fts MATCH ? ${activeOnly}
     ORDER BY bm25(products_fts, 4.0, 1.0), p.name LIMIT ?`,
  ).all(match, query.limit) as HitRow[];
  const hits = exact ? [exact, ...ranked.filter((r) => r.id !== exact.id)] : ranked;
  return hits.slice(0, query.limit).map(toHit);
}
