/**
 * The child of the till-crash sync test: pushes the till's outbox (argv[2])
 * and kills itself with SIGKILL the moment the server's acknowledgement has
 * arrived, before the till can record it.
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { pushPending } from '../services/sync/push';

const file = process.argv[2];
if (!file) throw new Error('usage: sync-push-child <db>');
const db = openDatabase(file);
void pushPending(
  { db, now: () => new Date() },
  {
    batchSize: 5,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      await response.clone().text();
      writeSync(1, `ACK ${response.status}\n`);
      process.kill(process.pid, 'SIGKILL');
      return response;
    },
  },
);
