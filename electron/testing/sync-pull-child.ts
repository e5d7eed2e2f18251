/**
 * The child of the till-crash pull test: pulls two changes a page into the
 * till (argv[2]) and kills itself with SIGKILL as it asks for the second
 * page, after the first page and its cursor were committed.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { pullChanges } from '../services/sync/pull';

const file = process.argv[2];
if (!file) throw new Error('usage: sync-pull-child <db>');
const db = openDatabase(file);
let pages = 0;
void pullChanges(
  { db, now: () => new Date() },
  {
    pageSize: 2,
    fetch: async (input, init) => {
      pages++;
      if (pages === 2) {
        writeSync(1, `PAGE ${pages}\n`);
        process.kill(process.pid, 'SIGKILL');
      }
      return fetch(input, init);
    },
  },
);
