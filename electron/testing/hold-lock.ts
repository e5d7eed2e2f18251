/**
 * A second process on the till's database that takes the write lock and keeps
 * it: BEGIN IMMEDIATE, print "LOCKED", and roll back only when a line arrives
 * on stdin (or stdin closes). The BUSY tests use it as "another program is
 * writing": a CLI import, a backup tool, a second till on the same file.
 */
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';

const file = process.argv[2];
if (!file) throw new Error('usage: hold-lock <db>');

const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
writeSync(1, 'LOCKED\n');

function release(): void {
  db.exec('ROLLBACK');
  db.close();
  writeSync(1, 'RELEASED\n');
  process.exit(0);
}
process.stdin.once('data', release);
process.stdin.once('end', release);
