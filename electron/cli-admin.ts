/**
 * The CLI's database commands, `backup` and `restore`: an admin's name and
 * PIN, an audit row, and errors a script can read (one JSON line, a code, an
 * exit code). Kept apart from cli.ts, which parses arguments and calls the API.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Actor } from '../core/api/model';
import type { ErrorInfo } from '../core/errors';
import { backupDatabase, verifyBackup } from '../db/backup';
import { DatabaseOpenError } from '../db/errors';
import { lockDatabase } from '../db/lock';
import { openDatabase, type TenderoDb } from '../db/open';
import { restoreDatabase, restoreOpenDatabase, type RestoreOutcome } from '../db/restore';
import { createApi, type Session } from './api';
import { writeAudit, type AuditRecord } from './services/audit';

/** A failure the CLI prints as one JSON line and exits with. */
export class CliFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** Bad usage: exit 2, and the help follows. */
export class UsageError extends CliFailure {
  constructor(message: string, code = 'USAGE') {
    super(code, message, 2);
  }
}

/** The API said no (wrong PIN, not an admin): exit 1 with its error. */
export class Refused extends Error {
  constructor(readonly error: ErrorInfo) {
    super(error.message);
  }
}

/** A file named on the command line that is not there is bad usage, not a crash. */
export function requireFile(file: string, what: string): string {
  if (!existsSync(file)) throw new UsageError(`${what} ${file} does not exist`, 'FILE_NOT_FOUND');
  return file;
}

/** Where the database problem is, for the JSON line: exit 3. */
export function databaseFailure(error: DatabaseOpenError): CliFailure {
  return new CliFailure(`DATABASE_${error.kind}`, error.message, 3, {
    file: error.file,
    ...error.details,
  });
}

export interface Credentials {
  readonly name: string;
  readonly pin: string;
}

function audit(db: TenderoDb, actor: Actor | null, record: AuditRecord): void {
  const ctx = { db, actor, now: () => new Date(), newId: randomUUID };
  db.sqlite.transaction(() => writeAudit(ctx, record))();
}

/**
 * Logs in on `db` and checks that the user is an admin; a user who is not is
 * refused with FORBIDDEN, and the refusal is audited.
 */
async function asAdmin(db: TenderoDb, who: Credentials, action: string): Promise<Actor> {
  const session: Session = { actor: null };
  const api = createApi({ db });
  const login = await api.call('auth.login', { name: who.name, pin: who.pin }, session);
  if (!login.ok) throw new Refused(login.error);
  const actor = session.actor!;
  if (actor.role !== 'admin') {
    const message = `${action} needs an admin`;
    audit(db, actor, { action, outcome: 'denied', reason: message, after: { role: actor.role } });
    throw new Refused({
      code: 'FORBIDDEN',
      message,
      details: { required: 'admin', role: actor.role },
    });
  }
  return actor;
}

/** `pos backup FILE`: a consistent copy of the live database, by an admin, audited. */
export async function backupCommand(
  file: string,
  out: string,
  who: Credentials,
): Promise<{ file: string; bytes: number }> {
  const db = openDatabase(file, { create: false, holder: 'cli' });
  try {
    const actor = await asAdmin(db, who, 'database.backup');
    let result: { file: string; bytes: number };
    try {
      result = await backupDatabase(db.sqlite, resolve(out));
    } catch (error) {
      if (error instanceof DatabaseOpenError) throw error;
      throw new CliFailure('BACKUP_FAILED', `Cannot write ${out}: ${(error as Error).message}`, 2);
    }
    audit(db, actor, {
      action: 'database.backup',
      entity: 'file',
      entityId: result.file,
      after: result,
    });
    return result;
  } finally {
    db.close();
  }
}

/** The same user in the restored database, if it has one by that name. */
function sameUser(db: TenderoDb, name: string): Actor | null {
  const row = db.sqlite
    .prepare('SELECT id, name, role FROM users WHERE name = ? AND active = 1')
    .get(name.trim()) as Actor | undefined;
  return row ?? null;
}

/**
 * `pos restore FILE`: replaces the database with a backup. The admin logs in
 * on the current database; when that cannot be read (the case a restore is
 * for), on the backup instead. The audit row is written into the restored
 * database before it goes live, so the restore and its record arrive together.
 */
export async function restoreCommand(
  file: string,
  from: string,
  who: Credentials,
): Promise<RestoreOutcome> {
  const backup = resolve(from);
  verifyBackup(backup);
  if (!existsSync(file) || statSync(file).size === 0)
    throw new DatabaseOpenError('NOT_FOUND', file, `No Tendero database at ${file}`);
  // Refused before logging in (which writes its audit row) while someone has the file open;
  // the restore itself checks again under the lock.
  lockDatabase(file, 'restore', 'exclusive').release();
  const safetyCopy = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
  let current: TenderoDb | null = null;
  try {
    current = openDatabase(file, { create: false, holder: 'cli' });
  } catch (error) {
    const unreadable = ['CORRUPT', 'NOT_A_TENDERO_DATABASE', 'MIGRATION_FAILED', 'OTHER'];
    if (!(error instanceof DatabaseOpenError) || !unreadable.includes(error.kind)) throw error;
  }
  const record = async (restored: TenderoDb, outcome: RestoreOutcome, on: string) => {
    const actor =
      on === 'backup'
        ? await asAdmin(restored, who, 'database.restore')
        : sameUser(restored, who.name);
    audit(restored, actor, {
      action: 'database.restore',
      entity: 'file',
      entityId: backup,
      after: { ...outcome, by: who.name, authenticatedOn: on },
    });
  };
  if (!current) {
    return await restoreDatabase(backup, file, {
      safetyCopy,
      beforeSwap: (restored, outcome) => record(restored, outcome, 'backup'),
    });
  }
  try {
    await asAdmin(current, who, 'database.restore');
    return await restoreOpenDatabase(current, backup, {
      safetyCopy,
      beforeSwap: (restored, outcome) => record(restored, outcome, 'current'),
    });
  } catch (error) {
    if (error instanceof Refused && existsSync(safetyCopy)) {
      throw new Refused({ ...error.error, details: { ...error.error.details, safetyCopy } });
    }
    throw error;
  } finally {
    current.close();
  }
}

/**
 * Reads a PIN from the terminal without echoing it, so it appears neither on
 * screen nor in `ps`. Ctrl+C cancels.
 */
export function promptPin(prompt = 'PIN: '): Promise<string> {
  const input = process.stdin;
  return new Promise((resolvePin, reject) => {
    let pin = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolvePin(pin);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled', 'CANCELLED'));
        if (ch === '\u007f' || ch === '\b') pin = pin.slice(0, -1);
        else pin += ch;
      }
    };
    input.on('data', onData);
  });
}
