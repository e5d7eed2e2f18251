/**
 * The child of the e-invoicing crash test: makes one boleta on the database
 * given as argv[2], prints "COMMIT <id>" once sales.create has returned, and
 * then waits to be killed with SIGKILL (no clean shutdown, no checkpoint).
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { createApi, type Session } from '../api';

const file = process.argv[2];
if (!file) throw new Error('usage: einvoice-crash-child <db>');

const db = openDatabase(file);
const api = createApi({ db });
const session: Session = { actor: null };

async function run(): Promise<void> {
  const login = await api.call('auth.login', { name: 'Ana', pin: '1234' }, session);
  if (!login.ok) throw new Error(login.error.message);
  const id = randomUUID();
  const result = await api.call(
    'sales.create',
    {
      id,
      documentType: 'BOLETA',
      lines: [{ productId: 1, quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 1_000 }],
    },
    session,
  );
  writeSync(1, result.ok ? `COMMIT ${id}\n` : `ERROR ${result.error.message}\n`);
  setInterval(() => undefined, 60_000);
}

void run();
