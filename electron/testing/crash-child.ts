/**
 * The child of the crash-safety test: sells (and sometimes voids) in a loop
 * on the database given as argv[2], printing "COMMIT <id>" or "VOID <id>" only
 * after the API has returned, until the parent kills it with SIGKILL.
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { createApi, type Session } from '../api';

const file = process.argv[2];
const seed = Number(process.argv[3] ?? 1);
if (!file) throw new Error('usage: crash-child <db> <seed>');

let state = seed;
function random(): number {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}

const db = openDatabase(file);
const api = createApi({ db });
const session: Session = { actor: null };
const say = (line: string) => writeSync(1, `${line}\n`);

async function run(): Promise<void> {
  const login = await api.call('auth.login', { name: 'Ana', pin: '1234' }, session);
  if (!login.ok) throw new Error(login.error.message);
  const products = db.sqlite.prepare('SELECT id FROM products').all() as { id: number }[];
  const sold: string[] = [];
  say('READY');
  for (;;) {
    if (sold.length > 0 && random() < 0.1) {
      const id = sold.splice(Math.floor(random() * sold.length), 1)[0]!;
      const result = await api.call('sales.void', { id, reason: 'crash test' }, session);
      if (result.ok) say(`VOID ${id}`);
      continue;
    }
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      productId: products[Math.floor(random() * products.length)]!.id,
      quantity: 1 + Math.floor(random() * 3),
    }));
    const id = randomUUID();
    const result = await api.call(
      'sales.create',
      { id, lines, payments: [{ method: 'EFECTIVO', amount: 1_000_000 }] },
      session,
    );
    if (result.ok) {
      sold.push(id);
      say(`COMMIT ${id}`);
    } else if (result.error.code !== 'INSUFFICIENT_STOCK') {
      say(`ERROR ${result.error.code} ${result.error.message}`);
    }
  }
}

void run();
