/**
 * The puller: reads the store's catalogue changes from the central server
 * after the stored cursor, page after page, and applies each page to the local
 * catalogue in one SQLite transaction together with the cursor that follows
 * it. A till that stops between pages resumes from the last page it applied;
 * a page is never half applied.
 *
 * What it writes is the server's word, not an edit made here: it appends no
 * outbox event, so a change the till pushed and receives back never travels
 * again (no echo loop). Stock is never set from a pulled product: it moves
 * only by this till's sales and adjustments.
 */
import { eq } from 'drizzle-orm';
import {
  pulledProduct,
  pullResponse,
  type PulledProduct,
  type PullResponse,
} from '../../../core/sync';
import { categories, productBarcodes, products, syncPullSeen } from '../../../db/schema';
import { inTransaction, statement, type ServiceContext } from '../context';
import { errorOf, NetworkFailure, request, type Fetch, type ServerReply } from './client';
import { readSyncState, updateSyncState, type SyncStateRow } from './state';

/** Changes asked per page: a page is one transaction, short enough never to hold a sale up long. */
export const PULL_PAGE_SIZE = 500;

export interface PullOptions {
  readonly fetch?: Fetch;
  readonly pageSize?: number;
}

/**
 * Why a pull ended: done (nothing more on the server), not-enrolled, offline
 * (no answer, a server error: the next round tries again from the stored
 * cursor), refused (the server answered an error retrying will not fix soon).
 */
export type PullStop = 'done' | 'not-enrolled' | 'offline' | 'refused';

export interface PullRound {
  readonly pages: number;
  /** Products added or changed here (one already as the server has it is not counted). */
  readonly applied: number;
  /** Products deactivated: deleted on the server, or absent from a reset. */
  readonly deactivated: number;
  /** Products left as they are because this till's own edit of them is not acknowledged yet. */
  readonly keptLocal: number;
  /** Changes this till cannot apply (an unknown tax category, data it does not understand). */
  readonly skipped: number;
  readonly reset: boolean;
  readonly stop: PullStop;
}

type Ctx = Pick<ServiceContext, 'db' | 'now'>;

interface Tally {
  applied: number;
  deactivated: number;
  keptLocal: number;
  skipped: number;
  /** The first few codes skipped, to name them in the error. */
  skippedCodes: string[];
}

function skip(tally: Tally, code: string): void {
  tally.skipped++;
  if (tally.skippedCodes.length < 10) tally.skippedCodes.push(code);
}

/** This till's own edit of the product is still in its outbox, unacknowledged. */
function hasPendingEdit(ctx: Ctx, productId: number): boolean {
  return (
    statement(
      ctx,
      "SELECT 1 FROM outbox WHERE sent_at IS NULL AND type = 'product.upserted' AND aggregate_id = ? LIMIT 1",
    ).get(String(productId)) !== undefined
  );
}

function categoryIdOf(ctx: Ctx, name: string | null): number | null {
  if (name === null) return null;
  const found = statement(ctx, 'SELECT id FROM categories WHERE name = ? COLLATE NOCASE')
    .pluck()
    .get(name) as number | undefined;
  if (found !== undefined) return found;
  return ctx.db.orm.insert(categories).values({ name }).returning({ id: categories.id }).get().id;
}

function taxCategoryKnown(ctx: Ctx, code: string): boolean {
  return statement(ctx, 'SELECT 1 FROM tax_categories WHERE code = ?').get(code) !== undefined;
}

function barcodesOf(ctx: Ctx, productId: number): string[] {
  return ctx.db.orm
    .select({ barcode: productBarcodes.barcode })
    .from(productBarcodes)
    .where(eq(productBarcodes.productId, productId))
    .all()
    .map((row) => row.barcode);
}

/** The product's barcodes become the server's; one the server moved here leaves its old product. */
function setPulledBarcodes(ctx: Ctx, productId: number, barcodes: readonly string[]): void {
  const wanted = [...new Set(barcodes)];
  const current = barcodesOf(ctx, productId);
  for (const barcode of current) {
    if (!wanted.includes(barcode)) {
      ctx.db.orm.delete(productBarcodes).where(eq(productBarcodes.barcode, barcode)).run();
    }
  }
  for (const barcode of wanted) {
    statement(
      ctx,
      'INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?) ON CONFLICT(barcode) DO UPDATE SET product_id = excluded.product_id',
    ).run(barcode, productId);
  }
}

function applyProduct(ctx: Ctx, data: PulledProduct, tally: Tally): void {
  const existing = ctx.db.orm.select().from(products).where(eq(products.code, data.code)).get();
  if (existing && hasPendingEdit(ctx, existing.id)) {
    // The till never loses its own unacknowledged edit: once pushed it becomes
    // the server's newest, and the next pull brings it back as the winner.
    tally.keptLocal++;
    return;
  }
  if (!taxCategoryKnown(ctx, data.taxCategory)) {
    skip(tally, data.code);
    return;
  }
  const fields = {
    name: data.name,
    categoryId: categoryIdOf(ctx, data.categoryName),
    soldBy: data.soldBy,
    price: data.price,
    cost: data.cost,
    taxCategory: data.taxCategory,
    trackStock: data.trackStock,
    allowNegative: data.allowNegative,
    minStock: Math.round(data.minStock * 1000),
    active: data.active,
  };
  const at = ctx.now().toISOString();
  if (!existing) {
    const id = ctx.db.orm
      .insert(products)
      .values({ ...fields, code: data.code, stock: 0, createdAt: at, updatedAt: at })
      .returning({ id: products.id })
      .get().id;
    setPulledBarcodes(ctx, id, data.barcodes);
    tally.applied++;
    return;
  }
  const same =
    (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]) &&
    sameSet(barcodesOf(ctx, existing.id), data.barcodes);
  // The till's own edit coming back, or a change already here: nothing to write.
  if (same) return;
  // Stock is not among the fields: it moves only by this till's movements.
  ctx.db.orm
    .update(products)
    .set({ ...fields, updatedAt: at })
    .where(eq(products.id, existing.id))
    .run();
  setPulledBarcodes(ctx, existing.id, data.barcodes);
  tally.applied++;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** Deactivated, never deleted: past sales reference the product. */
function deactivate(ctx: Ctx, code: string, tally: Tally): void {
  const existing = ctx.db.orm.select().from(products).where(eq(products.code, code)).get();
  if (!existing || !existing.active) return;
  if (hasPendingEdit(ctx, existing.id)) {
    tally.keptLocal++;
    return;
  }
  ctx.db.orm
    .update(products)
    .set({ active: false, updatedAt: ctx.now().toISOString() })
    .where(eq(products.id, existing.id))
    .run();
  tally.deactivated++;
}

/**
 * The end of a reset: every active product the server did not send is
 * deactivated, except one whose own edit is still on its way to the server.
 */
function finishReset(ctx: Ctx, tally: Tally): void {
  const missing = statement(
    ctx,
    'SELECT code FROM products WHERE active = 1 AND code NOT IN (SELECT code FROM sync_pull_seen)',
  )
    .pluck()
    .all() as string[];
  for (const code of missing) deactivate(ctx, code, tally);
  ctx.db.orm.delete(syncPullSeen).run();
}

/** One page, whole, with the cursor after it: one transaction. */
function applyPage(ctx: Ctx, page: PullResponse, reply: ServerReply, tally: Tally): void {
  inTransaction(ctx, () => {
    const state = readSyncState(ctx);
    if (!state) return;
    let resetting = state.pullResetting;
    if (page.reset) {
      // Start over: what earlier pages of an unfinished reset saw no longer counts.
      ctx.db.orm.delete(syncPullSeen).run();
      resetting = true;
    }
    for (const change of page.changes) {
      if (change.entity === 'product') {
        if (resetting) {
          statement(ctx, 'INSERT INTO sync_pull_seen (code) VALUES (?) ON CONFLICT DO NOTHING').run(
            change.key,
          );
        }
        if (change.op === 'delete') {
          deactivate(ctx, change.key, tally);
          continue;
        }
        const data = pulledProduct.safeParse(change.data);
        if (data.success && data.data.code === change.key) applyProduct(ctx, data.data, tally);
        else skip(tally, change.key);
      } else if (change.entity === 'category' && change.op === 'upsert') {
        const name = (change.data as { name?: unknown } | null)?.name;
        if (typeof name === 'string' && name.trim() !== '') categoryIdOf(ctx, name.trim());
      }
      // stockMovement: the server's figure is not the till's stock, which moves only
      // by its own movements. Users, tax categories and settings: not served yet.
    }
    const finished = !page.hasMore;
    if (resetting && finished) finishReset(ctx, tally);
    const at = ctx.now().toISOString();
    updateSyncState(ctx, {
      pullCursor: page.cursor,
      pullResetting: resetting && !finished,
      lastAttemptAt: at,
      lastSuccessAt: at,
      offlineSince: null,
      ...(reply.serverTime
        ? { clockOffsetMs: Math.round(reply.serverTime.getTime() - reply.localTime.getTime()) }
        : {}),
      ...(finished ? { lastPulledAt: at } : {}),
    });
  });
}

function recordPullFailure(ctx: Ctx, error: { code: string; message: string }, offline: boolean) {
  const at = ctx.now().toISOString();
  inTransaction(ctx, () => {
    const state = readSyncState(ctx);
    updateSyncState(ctx, {
      lastAttemptAt: at,
      lastErrorCode: error.code,
      lastErrorMessage: `Pull: ${error.message}`.slice(0, 500),
      lastErrorAt: at,
      ...(offline ? { offlineSince: state?.offlineSince ?? at } : {}),
    });
  });
}

async function askPage(
  ctx: Ctx,
  state: SyncStateRow,
  limit: number,
  options: PullOptions,
): Promise<ServerReply> {
  return request(
    state.serverUrl,
    'POST',
    '/v1/pull',
    { cursor: state.pullCursor, limit },
    {
      credential: state.credential,
      now: ctx.now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    },
  );
}

/** Pulls until the server has nothing more (or stops answering). */
export async function pullChanges(ctx: Ctx, options: PullOptions = {}): Promise<PullRound> {
  const tally: Tally = { applied: 0, deactivated: 0, keptLocal: 0, skipped: 0, skippedCodes: [] };
  let pages = 0;
  let reset = false;
  const end = (stop: PullStop): PullRound => {
    const { skippedCodes, ...counts } = tally;
    if (skippedCodes.length > 0) {
      // Said, not hidden: the owner fixes the catalogue on the server (or adds the tax here).
      recordPullFailure(
        ctx,
        {
          code: 'PULL_SKIPPED',
          message: `${tally.skipped} product(s) from the server could not be applied here (a tax category this till lacks, or data it does not understand): ${skippedCodes.join(', ')}`,
        },
        false,
      );
    }
    return { ...counts, pages, reset, stop };
  };
  const limit = Math.max(1, Math.min(options.pageSize ?? PULL_PAGE_SIZE, 5000));
  for (;;) {
    const state = readSyncState(ctx);
    if (!state) return end('not-enrolled');
    let reply: ServerReply;
    try {
      reply = await askPage(ctx, state, limit, options);
    } catch (error) {
      if (!(error instanceof NetworkFailure)) throw error;
      recordPullFailure(ctx, { code: 'OFFLINE', message: error.message }, true);
      return end('offline');
    }
    if (reply.status !== 200) {
      const error = errorOf(reply);
      const offline = reply.status >= 500 || reply.status === 408 || reply.status === 404;
      recordPullFailure(ctx, error, offline);
      return end(offline ? 'offline' : 'refused');
    }
    const page = pullResponse.safeParse(reply.body);
    if (!page.success) {
      recordPullFailure(
        ctx,
        { code: 'BAD_REPLY', message: 'The server answered a pull with no changes' },
        true,
      );
      return end('offline');
    }
    applyPage(ctx, page.data, reply, tally);
    pages++;
    reset ||= page.data.reset;
    if (!page.data.hasMore) return end('done');
    if (page.data.changes.length === 0) {
      // More, it says, but it gave nothing: asking again would loop. Try next round.
      recordPullFailure(
        ctx,
        { code: 'BAD_REPLY', message: 'The server said more changes wait but sent none' },
        true,
      );
      return end('offline');
    }
  }
}
