/**
 * `npm run server [-- --host H --port P --data DIR]`: the central sync server.
 * `npm run server -- admin <command> …`: admin commands, printing JSON.
 *
 * DATABASE_URL selects a real PostgreSQL; without it the data lives in an
 * embedded PostgreSQL (PGlite) under --data (./tendero-server-data by default,
 * relative to the folder the command was typed in).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { mkdirSync, readFileSync } from 'node:fs';
import {
  ADMIN_COMMANDS,
  ADMIN_FLAGS,
  ADMIN_SWITCHES,
  isAdminCommand,
  type AdminCommand,
} from './admin';
import {
  ensureAdminToken,
  readServerFile,
  readTokenFile,
  removeServerFile,
  TOKEN_FILE,
  writeServerFile,
} from './admin-token';
import { buildApp } from './app';
import { openDatabase, type DbTarget } from './db/open';
import { SyncFailure } from './errors';
import { replayRecorded } from './replay';
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

function printFailure(code: string, message: string, details?: unknown) {
  console.error(
    JSON.stringify({ ok: false, error: { code, message, ...(details ? { details } : {}) } }),
  );
}

/** Flags as strings; a FILE positional becomes base64 content, an ID positional the id. */
function adminArgs(command: AdminCommand, args: string[]): Record<string, string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: {
      ...Object.fromEntries(ADMIN_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
      ...Object.fromEntries(ADMIN_SWITCHES.map((flag) => [flag, { type: 'boolean' as const }])),
    },
  });
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string') out[key] = value;
    else if (value === true) out[key] = 'true';
  }
  const [first] = positionals;
  if (command === 'import-products') {
    const file = out.file ?? first;
    if (!file) throw new SyncFailure('VALIDATION', 'import-products FILE --store S');
    out.content = readFileSync(resolve(file)).toString('base64');
  }
  if (command === 'review-resolve' && first && !out.id) out.id = first;
  if (command === 'revoke' && first && !out.device) out.device = first;
  return out;
}

/** The running server on this data folder, if one is alive (PGlite: it holds the database). */
function runningServer(dataDir: string) {
  const info = readServerFile(dataDir);
  if (!info) return null;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null; // It died without cleaning up: the database is free.
  }
}

async function adminOverHttp(url: string, token: string, command: string, args: object) {
  const reply = await fetch(`${url}/v1/admin/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Admin ${token}` },
    body: JSON.stringify({ args }),
  });
  const body = (await reply.json()) as {
    ok?: boolean;
    value?: unknown;
    error?: { code: string; message: string; details?: unknown };
  };
  if (reply.ok) return { ok: true as const, value: body.value };
  return {
    ok: false as const,
    error: body.error ?? { code: 'INTERNAL', message: `HTTP ${reply.status}` },
  };
}

async function runAdmin(command: string | undefined, rest: string[], dataDir: string) {
  if (!command || !isAdminCommand(command)) {
    printFailure('VALIDATION', `Commands: ${Object.keys(ADMIN_COMMANDS).join(', ')}`);
    return 2;
  }
  let args: Record<string, string>;
  try {
    args = adminArgs(command, rest);
  } catch (error) {
    printFailure('VALIDATION', (error as Error).message);
    return 1;
  }
  const folder = resolve(dataDir);
  const server = process.env.DATABASE_URL ? null : runningServer(folder);
  if (server) {
    const token = readTokenFile(folder);
    if (!token) {
      printFailure(
        'UNAUTHENTICATED',
        `A server runs on ${folder} but its ${TOKEN_FILE} file is missing`,
      );
      return 1;
    }
    const result = await adminOverHttp(server.url, token, command, args);
    if (!result.ok) {
      printFailure(result.error.code, result.error.message, result.error.details);
      return 1;
    }
    console.log(JSON.stringify({ ok: true, value: result.value }, null, 2));
    return 0;
  }
  const db = await openDatabase(targetOf(dataDir));
  try {
    const value = await ADMIN_COMMANDS[command](db.orm, args);
    console.log(JSON.stringify({ ok: true, value }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof SyncFailure) {
      printFailure(error.code, error.message, error.details);
      return 1;
    }
    if (error instanceof ZodError) {
      printFailure('VALIDATION', error.message);
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
  // Events kept RECORDED by an older server get built before any new one arrives.
  const replayed = await replayRecorded(db.orm);
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const admin = await ensureAdminToken(db.orm, folder);
  const app = await buildApp({ db, logger: false });
  await app.listen({ host, port });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  // The CLI on this machine reaches the server at loopback whatever --host says.
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  writeServerFile(folder, `http://${local.includes(':') ? `[${local}]` : local}:${bound}`);
  const where = 'url' in target ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(dataDir)}`;
  console.log(`Tendero sync server on http://${host}:${port} — data: ${where}`);
  if (replayed.applied + replayed.review > 0) {
    console.log(`Built ${replayed.applied} stored events (${replayed.review} sent to review).`);
  }
  if (admin.created) {
    console.log(
      [
        'Admin token (shown only now; kept hashed in the database and in',
        `${join(folder, TOKEN_FILE)} for the admin commands):`,
        '',
        `    admin ${admin.token}`,
        '',
      ].join('\n'),
    );
  }
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
    removeServerFile(folder);
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
