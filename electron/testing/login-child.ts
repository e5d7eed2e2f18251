/**
 * The child of the parallel-PIN test: opens the database given as argv[2],
 * says READY, waits for a line on stdin (so every child starts together) and
 * then tries argv[3]'s name with argv[4]'s PIN once, printing the Result.
 * A BUSY answer (nothing checked, nothing saved: the other children held the
 * write lock past the API's bounded wait, as happens on a loaded machine) is
 * retried, as the cashier told "try again" would, so every child's PIN is
 * eventually checked and counted.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { createApi, type Session } from '../api';

const [file, name, pin] = process.argv.slice(2);
if (!file || !name || !pin) throw new Error('usage: login-child <db> <name> <pin>');

const db = openDatabase(file);
const api = createApi({ db });
const session: Session = { actor: null };
writeSync(1, 'READY\n');
const MAX_TRIES = 50;

async function tryLogin(): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const result = await api.call('auth.login', { name, pin }, session);
    if (result.ok || result.error.code !== 'BUSY' || attempt === MAX_TRIES) return result;
  }
}

process.stdin.once('data', () => {
  void tryLogin().then((result) => {
    writeSync(1, `RESULT ${JSON.stringify(result)}\n`);
    db.close();
    process.exit(0);
  });
});
