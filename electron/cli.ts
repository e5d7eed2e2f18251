/**
 * `npm run pos -- <command>`: the whole API from a terminal, on the same
 * database the desktop app uses (or --db / TENDERO_DB).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { channels, CHANNEL_NAMES, isChannelName, type ChannelName } from '../core/api/channels';
import type { Result } from '../core/api/result';
import { DatabaseOpenError } from '../db/errors';
import { openDatabase, type TenderoDb } from '../db/open';
import { createApi, type Session } from './api';
import { assetReader } from './assets';
import {
  backupCommand,
  CliFailure,
  databaseFailure,
  promptPin,
  Refused,
  requireFile,
  restoreCommand,
  UsageError,
  type Credentials,
} from './cli-admin';
import { SYNC_HELP, syncCommand } from './cli-sync';
import { closeRenderPool } from './documents/handlers';
import { EINVOICE_HELP, einvoiceCommand } from './cli-einvoice';
import { defaultDatabasePath } from './paths';

const HELP = `Tendero from the terminal

Usage: npm run pos -- <command> [options]

Commands
  call <channel> [json|-]      Call any channel and print the JSON result (exit 1 if ok:false).
                               The input defaults to {}; "-" reads it from stdin.
  channels [--json]            List every channel, with its input JSON schema when --json.
  init --country PE --business NAME --tax-id ID --admin NAME --pin PIN --register CODE
       [--currency PEN] [--time-zone America/Lima] [--address TEXT]
                               First-run setup.
  demo [--days 14]             Set up a demo store (a Lima bodega with two weeks of sales).
  import-products FILE.csv [--skip-invalid] [--dry-run] [--set-stock [--reason TEXT]]
                               Upsert products from CSV (UTF-8, UTF-16 or Windows-1252, ";" or
                               ",") and print the report, with every change to an existing
                               product (old -> new). Existing products keep their stock unless
                               --set-stock, which adjusts it to the file's with --reason.
  export-products FILE.csv     Write every product to CSV.
  pdf sale <saleId> [--format 80mm|58mm|A4] --out FILE.pdf
                               A sale's receipt or A4 invoice as PDF (default: the store's receipt format).
  pdf return <returnId> [--format 80mm|58mm|A4] --out FILE.pdf
                               A credit note as PDF (default 80mm).
  pdf cash <sessionId> [--format 80mm|A4] --out FILE.pdf
                               A cash session's X or Z report as PDF (default 80mm).
  pdf period --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf
                               The period report (A4) as PDF.
                               --out must be under documents/ beside the database (or the folder
                               set in Settings); --overwrite replaces an existing file.
${EINVOICE_HELP}
  backup FILE --user ADMIN     Write a consistent copy of the database (an admin; audited).
  restore FILE --user ADMIN    Replace the database with a backup (an admin; audited). The backup
                               must be a Tendero database; the current one is copied first (or, if
                               it cannot be read, kept aside). Refused while another process (the
                               desktop app, npm run web) has the database open.
${SYNC_HELP}

Options
  --db FILE                    Database file (default: TENDERO_DB or the app's data folder).
                               Only init and demo create it; other commands need it to exist.
  --user NAME --pin PIN        Who acts (or TENDERO_USER / TENDERO_PIN). With a name and no PIN,
                               the PIN is asked for on a terminal without echo, so it stays out of ps.
  -h, --help                   This help.

Errors are printed as one JSON line: {"ok":false,"error":{"code":...,"message":...}}.
Exit codes: 0 ok, 1 the API refused, 2 bad usage (a missing file, too), 3 the database
(not found, unreadable, in use, or a backup that is not a Tendero database).`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Every failure: one line of JSON on stdout, the shape of an API error. */
function printError(code: string, message: string, details?: Readonly<Record<string, unknown>>) {
  const error = { code, message, ...(details && Object.keys(details).length ? { details } : {}) };
  process.stdout.write(`${JSON.stringify({ ok: false, error })}\n`);
}

function readJsonArgument(text: string | undefined): unknown {
  if (text === undefined) return {};
  const source = text === '-' ? readFileSync(0, 'utf8') : text;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new UsageError(`The input is not valid JSON: ${(error as Error).message}`);
  }
}

/** The channel and input of `pos pdf <kind> …`. */
function pdfRequest(
  kind: string | undefined,
  id: string | undefined,
  format: { format: string } | undefined,
  values: { from?: string; to?: string; overwrite?: boolean },
  target: string,
): { channel: ChannelName; input: Record<string, unknown> } {
  const out = values.overwrite ? { out: target, overwrite: true } : { out: target };
  const needId = (what: string) => {
    if (!id) throw new UsageError(`pdf ${kind} needs the ${what}`);
    return id;
  };
  switch (kind) {
    case 'sale':
      return { channel: 'documents.sale', input: { saleId: needId('sale id'), ...format, ...out } };
    case 'return':
      return {
        channel: 'documents.saleReturn',
        input: { returnId: needId('return id'), format: '80mm', ...format, ...out },
      };
    case 'cash':
      return {
        channel: 'documents.cashReport',
        input: { sessionId: needId('cash session id'), format: '80mm', ...format, ...out },
      };
    case 'period':
      if (!values.from || !values.to) throw new UsageError('pdf period needs --from and --to');
      return {
        channel: 'documents.periodReport',
        input: { from: values.from, to: values.to, ...out },
      };
    default:
      throw new UsageError('pdf needs one of: sale, return, cash, period');
  }
}

/** Commands that may create the database: setup, and nothing else. */
function createsDatabase(command: string, rest: string[]): boolean {
  return (
    command === 'init' ||
    command === 'demo' ||
    (command === 'call' && (rest[0] === 'setup.init' || rest[0] === 'setup.demo'))
  );
}

/** The user and PIN from the options, the environment, or a prompt on a terminal. */
async function credentials(values: { user?: string; pin?: string }): Promise<Credentials | null> {
  const name = values.user || process.env.TENDERO_USER || '';
  let pin = values.pin || process.env.TENDERO_PIN || '';
  if (!name) return null;
  if (!pin && process.stdin.isTTY) pin = await promptPin(`PIN for ${name}: `);
  return pin ? { name, pin } : null;
}

/**
 * An all-or-nothing refusal of an import, told the way the terminal says it:
 * the option that imports only the valid rows is --skip-invalid.
 */
/** The API's "send overwrite: true" is, on the command line, a flag. */
function namingOverwrite(result: Result<unknown>): Result<unknown> {
  if (result.ok || result.error.details?.reason !== 'FILE_EXISTS') return result;
  const file = String(result.error.details.file ?? 'The file');
  return {
    ok: false,
    error: { ...result.error, message: `${file} already exists; add --overwrite to replace it` },
  };
}

function namingSkipInvalid(result: Result<unknown>): Result<unknown> {
  if (result.ok || result.error.details?.reason !== 'IMPORT_HAS_ERRORS') return result;
  if (result.error.details.canSkip !== true) return result;
  const errors = (result.error.details.report as { errors?: unknown[] } | undefined)?.errors;
  return {
    ok: false,
    error: {
      ...result.error,
      message: `${errors?.length ?? 'Some'} rows have errors; nothing was imported. Fix them, or run again with --skip-invalid to import only the valid rows (--dry-run lists them).`,
    },
  };
}

/**
 * `npm run pos` runs in the project's folder whatever folder it was typed in;
 * npm passes that folder as INIT_CWD. Paths on the command line (--db, --out,
 * a CSV or a backup) are the user's, so they resolve against it. Nothing the
 * CLI loads itself depends on the working folder (it finds its files by
 * import.meta.url).
 */
function workInCallersFolder(): void {
  const callers = process.env.INIT_CWD;
  if (process.env.npm_lifecycle_event === 'pos' && callers) process.chdir(callers);
}

async function main(argv: string[]): Promise<number> {
  workInCallersFolder();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      user: { type: 'string' },
      pin: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      country: { type: 'string' },
      business: { type: 'string' },
      'tax-id': { type: 'string' },
      admin: { type: 'string' },
      register: { type: 'string' },
      currency: { type: 'string' },
      'time-zone': { type: 'string' },
      address: { type: 'string' },
      days: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'set-stock': { type: 'boolean' },
      reason: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      overwrite: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      server: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      replace: { type: 'boolean' },
      return: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return command || values.help ? 0 : 2;
  }
  if (command === 'channels') {
    if (values.json) {
      print(
        Object.fromEntries(
          CHANNEL_NAMES.map((name) => [
            name,
            {
              summary: channels[name].summary,
              input: z.toJSONSchema(channels[name].input, { io: 'input', unrepresentable: 'any' }),
            },
          ]),
        ),
      );
    } else {
      const width = Math.max(...CHANNEL_NAMES.map((n) => n.length));
      for (const name of CHANNEL_NAMES)
        process.stdout.write(`${name.padEnd(width)}  ${channels[name].summary}\n`);
    }
    return 0;
  }

  const file = resolvePath(values.db || defaultDatabasePath());
  if (command === 'backup' || command === 'restore') {
    const target = rest[0];
    if (!target)
      throw new UsageError(
        `${command} needs the ${command === 'backup' ? 'output' : 'backup'} file`,
      );
    if (command === 'restore') requireFile(target, 'The backup');
    const who = await credentials(values);
    if (!who)
      throw new UsageError(
        `${command} needs an admin: --user NAME and the PIN (--pin, TENDERO_PIN, or typed at the prompt)`,
      );
    const value =
      command === 'backup'
        ? await backupCommand(file, target, who)
        : await restoreCommand(file, target, who);
    print({ ok: true, value });
    return 0;
  }
  if (command === 'import-products' && rest[0]) requireFile(rest[0], 'The CSV file');

  const db: TenderoDb = openDatabase(file, {
    create: createsDatabase(command, rest),
    holder: 'cli',
  });
  try {
    const api = createApi({
      db,
      readAsset: assetReader(),
      // The caller gets INTERNAL; the cause goes to stderr, its stack only when asked for.
      onError: (channel, error) =>
        process.stderr.write(
          `[${channel}] ${process.env.TENDERO_DEBUG ? ((error as Error).stack ?? String(error)) : (error as Error).message}\n`,
        ),
      // A long import says how far it got (stdout stays the one JSON result).
      onProgress: (channel, done, total) => {
        if (total >= 1000) process.stderr.write(`${channel}: ${done}/${total} rows written\n`);
      },
    });
    const session: Session = { actor: null };
    const report = (result: Result<unknown>): number => {
      if (result.ok) print(result);
      else printError(result.error.code, result.error.message, result.error.details);
      return result.ok ? 0 : 1;
    };
    const login = async (): Promise<number> => {
      const who = await credentials(values);
      if (!who) return 0;
      const result = await api.call('auth.login', { name: who.name, pin: who.pin }, session);
      return result.ok ? 0 : report(result);
    };

    switch (command) {
      case 'call': {
        const channel = rest[0];
        if (!channel) throw new UsageError('call needs a channel: see `pos channels`');
        if (!isChannelName(channel))
          throw new UsageError(`Unknown channel "${channel}": see \`pos channels\``);
        const input = readJsonArgument(rest[1]);
        const failed = await login();
        if (failed) return failed;
        return report(await api.call(channel, input, session));
      }
      case 'init': {
        const required = ['country', 'business', 'tax-id', 'admin', 'pin', 'register'] as const;
        const missing = required.filter((k) => !values[k]);
        if (missing.length > 0) throw new UsageError(`init needs --${missing.join(', --')}`);
        return report(
          await api.call(
            'setup.init',
            {
              country: values.country,
              businessName: values.business,
              taxId: values['tax-id'],
              admin: { name: values.admin, pin: values.pin },
              registerCode: values.register,
              ...(values.currency ? { currency: values.currency } : {}),
              ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
              ...(values.address ? { address: values.address } : {}),
            },
            session,
          ),
        );
      }
      case 'demo':
        return report(
          await api.call('setup.demo', values.days ? { days: Number(values.days) } : {}, session),
        );
      case 'import-products': {
        const csvFile = rest[0];
        if (!csvFile) throw new UsageError('import-products needs a CSV file');
        const failed = await login();
        if (failed) return failed;
        if (values.reason !== undefined && !values['set-stock'])
          throw new UsageError(
            '--reason goes with --set-stock (the reason of the stock adjustments)',
          );
        // The bytes as they are on disk: the import finds the encoding Excel used.
        const encoded = readFileSync(csvFile).toString('base64');
        const setStock = values['set-stock'] ?? false;
        const result = await api.call(
          'products.import',
          {
            file: encoded,
            skipInvalid: values['skip-invalid'] ?? false,
            dryRun: values['dry-run'] ?? false,
            setStock,
            ...(setStock
              ? {
                  stockReason:
                    values.reason ?? `Stock del archivo ${basename(csvFile)}`.slice(0, 300),
                }
              : {}),
          },
          session,
        );
        return report(namingSkipInvalid(result));
      }
      case 'export-products': {
        const out = rest[0];
        if (!out) throw new UsageError('export-products needs the output file');
        const failed = await login();
        if (failed) return failed;
        const result = await api.call('products.export', {}, session);
        if (!result.ok) return report(result);
        const { csv, rows } = result.value as { csv: string; rows: number };
        writeFileSync(out, csv);
        print({ ok: true, value: { file: out, rows } });
        return 0;
      }
      case 'pdf': {
        const [kind, id] = rest;
        if (!values.out) throw new UsageError('pdf needs --out FILE.pdf');
        // The API takes absolute paths only; on the command line a path is relative to here.
        const out = resolvePath(values.out);
        const format = values.format ? { format: values.format } : undefined;
        const request = pdfRequest(kind, id, format, values, out);
        const failed = await login();
        if (failed) return failed;
        if (request.channel === 'documents.sale' && !format) {
          const settings = await api.call('settings.get', {}, session);
          if (!settings.ok) return report(settings);
          request.input.format = (settings.value as { receiptFormat: string }).receiptFormat;
        }
        try {
          return report(namingOverwrite(await api.call(request.channel, request.input, session)));
        } finally {
          await closeRenderPool();
        }
      }
      case 'sync': {
        const failed = await login();
        if (failed) return failed;
        return await syncCommand(rest[0], values, api, session, report);
      }
      case 'einvoice': {
        const failed = await login();
        if (failed) return failed;
        return report(await einvoiceCommand(api, session, rest, values));
      }
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } finally {
    db.close();
  }
}

// `pos channels | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      error = new UsageError((error as Error).message);
    if (error instanceof DatabaseOpenError) error = databaseFailure(error);
    if (error instanceof Refused) {
      const { code, message, details } = error.error;
      printError(code, message, details);
      process.exitCode = 1;
    } else if (error instanceof CliFailure) {
      printError(error.code, error.message, error.details);
      if (error instanceof UsageError) process.stderr.write(`\n${HELP}\n`);
      process.exitCode = error.exitCode;
    } else {
      // A bug, not a refusal: still one line, no stack (TENDERO_DEBUG=1 shows it).
      printError('INTERNAL', (error as Error).message ?? String(error));
      if (process.env.TENDERO_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      process.exitCode = 1;
    }
  },
);
