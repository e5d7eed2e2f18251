/**
 * `npm run web`: Tendero in a browser, for machines without a display or
 * without Electron. Same database, same API, same login.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseOpenError } from '../db/errors';
import { openDatabase } from '../db/open';
import { createApi } from './api';
import { assetReader } from './assets';
import { backupPlaceOf } from '../db/backup-names';
import { defaultDatabasePath } from './paths';
import { closingBackup, dailyBackup } from './backups';
import { createLogger, SLOW_CALL_MS } from './logs';
import { startBackgroundSync } from './sync-host';
import { startWebHost } from './webhost';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.PORT ?? '5757' },
  },
});

const file = values.db ?? defaultDatabasePath();
const dataDir = dirname(file);
// Backups go beside the database, under its own name (two --db files in a folder keep apart).
const backupPlace = backupPlaceOf(file);
const log = createLogger(join(dataDir, 'logs'));
const staticDir = fileURLToPath(new URL('../dist/renderer/', import.meta.url));
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(
    'The user interface is not built yet. Run `npm run web` (it builds it) or `npm run build:renderer`.',
  );
  process.exit(1);
}

let db;
try {
  db = openDatabase(file, { holder: 'web' });
} catch (error) {
  if (error instanceof DatabaseOpenError) {
    console.error(`Cannot open the database ${error.file} (${error.kind}):\n${error.message}`);
    process.exit(3);
  }
  throw error;
}
const database = db;
let lastDone = 0;
const sync = startBackgroundSync(
  () => database,
  (level, message, detail) => log.log(level, message, detail),
);
const api = createApi({
  db: database,
  readAsset: assetReader(),
  onCall: (call) => {
    if (call.ms > SLOW_CALL_MS)
      log.log('warn', `slow call ${call.channel}`, { ms: Math.round(call.ms) });
  },
  onError: (channel, error) => log.log('error', `${channel} failed`, error),
  // A long import logs how far it got, about every tenth of the way.
  onProgress: (channel, done, total) => {
    const step = Math.max(1, Math.ceil(total / 10));
    if (total >= 1000 && (done === total || Math.floor(done / step) > Math.floor(lastDone / step)))
      log.log('info', `${channel}: ${done}/${total} rows written`);
    lastDone = done;
  },
  onSuccess: (channel) => {
    sync.after(channel);
    if (channel === 'cash.close') {
      closingBackup(database.sqlite, backupPlace, new Date()).catch((error: unknown) =>
        log.log('error', 'closing backup failed', error),
      );
    }
  },
});
await dailyBackup(database.sqlite, backupPlace, new Date()).catch((error: unknown) =>
  log.log('error', 'daily backup failed', error),
);
const host = await startWebHost({
  api,
  staticDir,
  host: values.host,
  port: Number(values.port),
  log: (m) => log.log('info', m),
});
// Bound to every address (0.0.0.0), print what can be opened: this computer's
// localhost and each LAN address for the other tills, never 0.0.0.0 itself.
const [here, ...lan] = host.urls;
console.log(`Tendero está listo en ${here}  (datos: ${file})`);
for (const url of lan) console.log(`  En la red del local: ${url}`);
if (values.host !== '127.0.0.1' && values.host !== 'localhost') {
  console.log(
    'Atención: escucha más allá de este equipo. Cualquiera en la red puede llegar a la pantalla de ingreso.',
  );
}

async function shutdown(): Promise<void> {
  await host.close();
  await sync.stop();
  database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
