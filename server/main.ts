/**
 * `npm run server [-- --host H --port P --data DIR]`: the central sync server.
 * `npm run server -- admin <command> …`: admin commands, printing JSON.
 *
 * DATABASE_URL selects a real PostgreSQL; without it the data lives in an
 * embedded PostgreSQL (PGlite) under --data (./tendero-server-data by default,
 * relative to the folder the command was typed in).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { ADMIN_COMMANDS, ADMIN_FLAGS, isAdminCommand } from './admin';
import { buildApp } from './app';
import { openDatabase, type DbTarget } from './db/open';
import { SyncFailure } from './errors';
import { ensureFirstStore } from './stores';

export const DEFAULT_PORT = 5858;
export const DEFAULT_DATA_DIR = 'tendero-server-data';

/** npm runs scripts in the project's folder; paths typed by the user are theirs (INIT_CWD). */
function workInCallersFolder(): void {
  const callers = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event === 'server' && callers) process.chdir(callers);
}

function targetOf(dataDir: string): DbTarget {
  const url = process.env.DATABASE_URL;
  return url ? { url } : { dataDir: resolve(dataDir) };
}

async function runAdmin(command: string | undefined, args: string[], dataDir: string) {
  if (!command || !isAdminCommand(command)) {
    console.error(
      JSON.stringify({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Commands: ${Object.keys(ADMIN_COMMANDS).join(', ')}`,
        },
      }),
    );
    return 2;
  }
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: Object.fromEntries(ADMIN_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
  });
  const flags = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
  );
  const db = await openDatabase(targetOf(dataDir));
  try {
    const value = await ADMIN_COMMANDS[command](db.orm, flags);
    console.log(JSON.stringify({ ok: true, value }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof SyncFailure || error instanceof ZodError) {
      const code = error instanceof SyncFailure ? error.code : 'VALIDATION';
      console.error(JSON.stringify({ ok: false, error: { code, message: error.message } }));
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

async function serve(host: string, port: number, dataDir: string) {
  const target = targetOf(dataDir);
  const db = await openDatabase(target);
  const first = await ensureFirstStore(db.orm);
  const app = await buildApp({ db, logger: false });
  await app.listen({ host, port });
  const where = 'url' in target ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(dataDir)}`;
  console.log(`Tendero sync server on http://${host}:${port} — data: ${where}`);
  if (first) {
    console.log(
      [
        `First start: store "${first.store.name}" (${first.store.storeId}), register CAJA1.`,
        `One-time enrolment code for CAJA1 (shown only now, valid until ${first.code.expiresAt}):`,
        '',
        `    ${first.code.code}`,
        '',
      ].join('\n'),
    );
  }
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function main(argv: string[]): Promise<number> {
  workInCallersFolder();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
    },
  });
  const dataDir = String(values.data);
  if (positionals[0] === 'admin') {
    const rest = argv.slice(argv.indexOf('admin') + 2);
    return runAdmin(positionals[1], rest, dataDir);
  }
  if (positionals.length > 0) {
    console.error(`Unknown command ${positionals[0]}; try: npm run server -- admin stores`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a port number, not ${values.port}`);
    return 2;
  }
  await serve(String(values.host), port, dataDir);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error);
    process.exit(3);
  },
);
