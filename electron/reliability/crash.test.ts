/**
 * Crash safety: a child process commits sales in a loop and is killed with
 * SIGKILL at a random moment, 20 times. After every kill the database must be
 * whole, hold every sale the child reported, hold no partial sale, and its
 * stock must equal the initial stock minus what non-voided sales took.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { product, openSession } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';

const ROUNDS = 20;
const INITIAL_STOCK = 100_000;
let till: Till;
let initial: Map<number, number>;

beforeAll(async () => {
  till = await setUpTill('PE');
  for (let i = 1; i <= 8; i++)
    await product(till, { code: `P${i}`, price: 100 * i, stock: INITIAL_STOCK / 1000 });
  await product(till, { code: 'SERV', price: 500, trackStock: false });
  await openSession(till);
  initial = new Map(
    (
      till.db.sqlite.prepare('SELECT id, stock FROM products').all() as {
        id: number;
        stock: number;
      }[]
    ).map((p) => [p.id, p.stock]),
  );
  till.db.close();
});
afterAll(() => till.close());

/** Runs the child until READY, lets it sell for a random while, then SIGKILLs it. */
function sellAndKill(
  round: number,
): Promise<{ committed: string[]; voided: string[]; errors: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/testing/crash-child.ts', till.file, String(round + 1)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('READY')) {
        timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 700));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL') return reject(new Error(`child exited on its own: ${err}`));
      const lines = out.split('\n');
      resolve({
        committed: lines.filter((l) => l.startsWith('COMMIT ')).map((l) => l.slice(7)),
        voided: lines.filter((l) => l.startsWith('VOID ')).map((l) => l.slice(5)),
        errors: lines.filter((l) => l.startsWith('ERROR ')),
      });
    });
  });
}

describe('crash safety', { timeout: 180_000 }, () => {
  it(`survives ${ROUNDS} SIGKILLs in the middle of selling`, async () => {
    const committed = new Set<string>();
    const voided = new Set<string>();
    let totalCommits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = await sellAndKill(round);
      expect(run.errors).toEqual([]);
      run.committed.forEach((id) => committed.add(id));
      run.voided.forEach((id) => voided.add(id));
      totalCommits += run.committed.length;

      // Reopen as the app would (the WAL is recovered), then check everything.
      const db = openDatabase(till.file);
      try {
        const sql = db.sqlite;
        expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sql.pragma('foreign_key_check')).toEqual([]);

        const has = sql.prepare('SELECT status FROM sales WHERE id = ?');
        for (const id of committed)
          expect(has.get(id), `sale ${id} was reported committed`).toBeDefined();
        for (const id of voided) expect((has.get(id) as { status: string }).status).toBe('ANULADA');

        const partial = sql
          .prepare(
            `SELECT s.id FROM sales s
             WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)
                OR s.paid != (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.sale_id = s.id)
                OR s.total != (SELECT SUM(total) FROM sale_lines l WHERE l.sale_id = s.id)
                OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.aggregate_id = s.id AND o.type = 'sale.created')
                OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = s.id AND a.action = 'sales.create')`,
          )
          .all();
        expect(partial).toEqual([]);
        const series = sql
          .prepare("SELECT last FROM document_series WHERE document_type = 'BOLETA'")
          .get() as { last: number };
        const numbers = sql
          .prepare(
            "SELECT COUNT(*) AS n, COALESCE(MAX(correlative), 0) AS max FROM sales WHERE document_type = 'BOLETA'",
          )
          .get() as {
          n: number;
          max: number;
        };
        expect(numbers.max).toBe(series.last);
        expect(numbers.n).toBe(series.last);

        const sold = new Map(
          (
            sql
              .prepare(
                `SELECT l.product_id AS id, SUM(l.quantity) AS q FROM sale_lines l JOIN sales s ON s.id = l.sale_id
                 WHERE s.status != 'ANULADA' GROUP BY l.product_id`,
              )
              .all() as { id: number; q: number }[]
          ).map((r) => [r.id, r.q]),
        );
        const stock = sql
          .prepare('SELECT id, stock, track_stock AS tracked FROM products')
          .all() as {
          id: number;
          stock: number;
          tracked: number;
        }[];
        for (const p of stock) {
          const expected = p.tracked
            ? initial.get(p.id)! - (sold.get(p.id) ?? 0)
            : initial.get(p.id)!;
          expect(p.stock, `stock of product ${p.id}`).toBe(expected);
        }
        const drift = sql
          .prepare(
            'SELECT COUNT(*) AS n FROM products p WHERE p.stock != (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements m WHERE m.product_id = p.id)',
          )
          .get() as { n: number };
        expect(drift.n).toBe(0);
      } finally {
        db.close();
      }
    }
    // The test only means something if the child really sold between kills.
    expect(totalCommits).toBeGreaterThan(ROUNDS);
    const check = new Database(till.file, { readonly: true });
    expect(
      (check.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n,
    ).toBeGreaterThanOrEqual(committed.size);
    check.close();
  });
});
