/**
 * The child of the parallel-PIN test: opens the database given as argv[2],
 * says READY, waits for a line on stdin (so every child starts together) and
 * then tries argv[3]'s name with argv[4]'s PIN once, printing the Result.
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
process.stdin.once('data', () => {
  void api.call('auth.login', { name, pin }, session).then((result) => {
    writeSync(1, `RESULT ${JSON.stringify(result)}\n`);
    db.close();
    process.exit(0);
  });
});
