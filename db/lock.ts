/**
 * Who has a database open, as the operating system sees it.
 *
 * Every process that opens a till's database holds a SHARED lock on a small
 * SQLite file beside it (`tendero.sqlite.lock`, rollback journal) for as long
 * as its connection is open: an open read transaction. A restore takes that
 * file EXCLUSIVE, without waiting, so it cannot replace a database that a web
 * host or the desktop app is still writing to. SQLite's locks are fcntl /
 * LockFileEx locks, which the OS drops when a process dies: a crash never
 * leaves the database locked.
 *
 * The lock says *that* someone holds the file; a small record per holder in
 * `tendero.sqlite.owners/` says *who* (pid, what kind of host, since when), so
 * a refusal can name it. Records of dead processes are ignored and removed.
 *
 * The lock file is never deleted: a new file under the same name would be a
 * second lock that nobody else holds.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { classifySqliteError, DatabaseOpenError } from './errors';

export function lockFileOf(file: string): string {
  return `${file}.lock`;
}

export function ownersDirOf(file: string): string {
  return `${file}.owners`;
}

/** What a holder is: 'desktop', 'web', 'cli', or any other short name. */
export interface Holder {
  readonly pid: number;
  readonly what: string;
  /** When the holding process started (ISO). */
  readonly started: string;
  readonly mode: 'shared' | 'exclusive';
}

export interface DatabaseLock {
  readonly mode: 'shared' | 'exclusive' | 'released';
  /**
   * Becomes the only holder, or throws IN_USE naming the others and stays
   * shared. Used by the process that owns the database to restore over it.
   */
  exclusive(): void;
  /** Back from exclusive to shared. */
  shared(): void;
  release(): void;
}

const PROCESS_STARTED = new Date(Date.now() - process.uptime() * 1000).toISOString();
/** How long an opener waits for a running restore to finish. */
const SHARED_WAIT_MS = 10_000;
let sequence = 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holders on record whose process is still alive; records of dead ones are removed. */
export function holdersOf(file: string): Holder[] {
  const dir = ownersDirOf(file);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let holder: Holder;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    } catch {
      continue; // being written right now, or not ours
    }
    if (typeof holder.pid !== 'number') continue;
    if (!alive(holder.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    holders.push(holder);
  }
  return holders;
}

const WHAT: Readonly<Record<string, string>> = {
  desktop: 'the Tendero desktop app',
  web: 'the Tendero web host',
  cli: 'a pos command',
  restore: 'a restore',
};

function clock(iso: string): string {
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`;
  const today = new Date().toDateString() === at.toDateString();
  return today
    ? time
    : `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${time}`;
}

/** "the Tendero web host, pid 4242, started 09:12" */
export function describeHolder(holder: Holder): string {
  return `${WHAT[holder.what] ?? holder.what}, pid ${holder.pid}, started ${clock(holder.started)}`;
}

function inUse(file: string, others: Holder[]): DatabaseOpenError {
  const named = others.map(describeHolder);
  const message =
    named.length > 0
      ? `${file} is open in ${named.join('; and in ')}. Close it there first, then restore.`
      : `${file} is open in another program. Close Tendero everywhere it runs (desktop app, web host, pos commands), then restore.`;
  return new DatabaseOpenError('IN_USE', file, message, { details: { holders: others } });
}

function fail(file: string, error: unknown): never {
  throw new DatabaseOpenError(
    classifySqliteError(error),
    file,
    `Cannot lock ${file}: ${(error as Error).message}`,
    { cause: error },
  );
}

function isBusy(error: unknown): boolean {
  return classifySqliteError(error) === 'LOCKED';
}

/**
 * Takes the lock of the database `file`, shared (any number of hosts) or
 * exclusive (a restore; refused at once while anyone else holds it).
 */
export function lockDatabase(
  file: string,
  what: string,
  mode: 'shared' | 'exclusive',
): DatabaseLock {
  let connection: Database.Database;
  try {
    connection = new Database(lockFileOf(file));
  } catch (error) {
    fail(file, error);
  }
  const record = join(ownersDirOf(file), `${process.pid}-${++sequence}.json`);
  let current: DatabaseLock['mode'] = 'released';

  const writeRecord = (as: 'shared' | 'exclusive') => {
    holdersOf(file); // and so removes the records crashed processes left
    const holder: Holder = { pid: process.pid, what, started: PROCESS_STARTED, mode: as };
    try {
      mkdirSync(ownersDirOf(file), { recursive: true });
      writeFileSync(record, JSON.stringify(holder));
    } catch {
      // The record only names the holder; the lock is what protects the file.
    }
  };
  const holdShared = () => {
    connection.pragma(`busy_timeout = ${SHARED_WAIT_MS}`);
    try {
      connection.exec('BEGIN');
      connection.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      if (isBusy(error)) {
        const restoring = holdersOf(file).filter((h) => h.mode === 'exclusive');
        throw new DatabaseOpenError(
          'LOCKED',
          file,
          `${file} is being restored${restoring.length ? ` by ${restoring.map(describeHolder).join(', ')}` : ''}; try again in a moment.`,
          { cause: error },
        );
      }
      fail(file, error);
    }
    current = 'shared';
    writeRecord('shared');
  };
  const tryExclusive = (): boolean => {
    connection.pragma('busy_timeout = 0');
    try {
      connection.exec('BEGIN EXCLUSIVE');
      return true;
    } catch (error) {
      if (isBusy(error)) return false;
      fail(file, error);
    }
  };

  const lock: DatabaseLock = {
    get mode() {
      return current;
    },
    exclusive() {
      if (current === 'exclusive') return;
      if (current === 'shared') connection.exec('COMMIT');
      const wasShared = current === 'shared';
      rmSync(record, { force: true });
      if (!tryExclusive()) {
        const holders = holdersOf(file); // our own record is gone already
        if (wasShared) holdShared();
        throw inUse(file, holders);
      }
      current = 'exclusive';
      writeRecord('exclusive');
    },
    shared() {
      if (current === 'shared') return;
      if (current === 'exclusive') connection.exec('COMMIT');
      holdShared();
    },
    release() {
      if (!connection.open) return;
      rmSync(record, { force: true });
      current = 'released';
      connection.close(); // ends the transaction, and with it the lock
    },
  };

  try {
    if (mode === 'shared') holdShared();
    else lock.exclusive();
  } catch (error) {
    connection.close();
    throw error;
  }
  return lock;
}
