/**
 * A child process for the lock tests: opens the database given as argv[2] the
 * way a host does (argv[3] says what it is: web, desktop, cli), prints READY,
 * and keeps it open until it is killed.
 */
import { openDatabase } from '../open';

const file = process.argv[2];
if (!file) throw new Error('usage: hold <db> [what]');
const db = openDatabase(file, { holder: process.argv[3] ?? 'web', create: false });
process.stdout.write('READY\n');
setInterval(() => db.sqlite.prepare('SELECT 1').get(), 1000);
