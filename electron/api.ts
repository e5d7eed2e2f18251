import { randomUUID } from 'node:crypto';
import { channels, isChannelName, type ChannelName } from '../core/api/channels';
import type { Actor, Role } from '../core/api/model';
import { failure, ok, type Result } from '../core/api/result';
import { validateInput } from '../core/api/validate';
import { DomainError } from '../core/errors';
import type { TenderoDb } from '../db/open';
import type { Access, Handler, Handlers } from './handler';
import { hasRole, roleWithArticle } from './services/access';
import { auditHandlers } from './services/audit-handlers';
import { BUSY_PAUSE_MS, BUSY_WAIT_MS, busyError, isBusyError, pause } from './services/busy';
import { writeAudit } from './services/audit';
import { documentsHandlers } from './documents/handlers';
import { einvoiceHandlers } from './services/einvoice/handlers';
import { printerHandlers } from './printing/handlers';
import { cashHandlers } from './services/cash/handlers';
import { categoriesHandlers } from './services/catalog/categories';
import { customersHandlers } from './services/catalog/customers';
import { productsHandlers } from './services/catalog/handlers';
import { statement, type ServiceContext, type SystemPrint } from './services/context';
import { reportsHandlers } from './services/reports';
import { salesHandlers } from './services/sales/handlers';
import { registersHandlers, settingsHandlers, taxCategoriesHandlers } from './services/settings';
import { setupHandlers } from './services/setup';
import { demoHandlers } from './services/demo';
import { stockHandlers } from './services/stock';
import { syncHandlers } from './services/sync/handlers';
import { isSetUp } from './services/store';
import { authHandlers, currentActor, usersHandlers } from './services/users';

/** Every channel's handler, joined in one place; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...demoHandlers,
  ...settingsHandlers,
  ...registersHandlers,
  ...taxCategoriesHandlers,
  ...usersHandlers,
  ...authHandlers,
  ...productsHandlers,
  ...categoriesHandlers,
  ...customersHandlers,
  ...cashHandlers,
  ...salesHandlers,
  ...stockHandlers,
  ...reportsHandlers,
  ...auditHandlers,
  ...documentsHandlers,
  ...printerHandlers,
  ...syncHandlers,
  ...einvoiceHandlers,
};

/** Who is calling: one per window, HTTP session or CLI command, kept by the host. */
export interface Session {
  actor: Actor | null;
}

export interface CallRecord {
  readonly channel: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly code?: string;
}

export interface ApiOptions {
  readonly db: TenderoDb;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Reads files shipped in assets/ (the demo catalog). */
  readonly readAsset?: (name: string) => string;
  /** Prints PDFs on system printers (the desktop host). */
  readonly systemPrint?: SystemPrint;
  /** Told of every call, for logs and slow-call warnings. */
  readonly onCall?: (record: CallRecord) => void;
  /** Told of every successful call, for host reactions (a backup after cash.close). */
  readonly onSuccess?: (channel: ChannelName, value: unknown) => void;
  /** Told of unexpected errors, which the caller only sees as INTERNAL. */
  readonly onError?: (channel: string, error: unknown) => void;
  /** Told how far a long call (a CSV import) has got, for logs and progress bars. */
  readonly onProgress?: (channel: string, done: number, total: number) => void;
}

export interface Api {
  call(channel: string, input: unknown, session: Session): Promise<Result<unknown>>;
}

const LEVEL: Readonly<Record<Exclude<Access, 'public' | 'user'>, Role>> = {
  supervisor: 'supervisor',
  admin: 'admin',
};

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null
    ? String((error as { code?: unknown }).code ?? '')
    : '';
}

/**
 * The API every host serves: validate the input, check who may call, run the
 * handler, and turn every outcome into a Result. Nothing throws past here.
 */
export function createApi(options: ApiOptions): Api {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;

  async function run(channel: ChannelName, input: unknown, session: Session): Promise<unknown> {
    const handler = handlers[channel] as Handler<ChannelName>;
    const base: ServiceContext = {
      db: options.db,
      actor: null,
      now,
      newId,
      ...(options.readAsset ? { readAsset: options.readAsset } : {}),
      ...(options.systemPrint ? { systemPrint: options.systemPrint } : {}),
      ...(options.onProgress
        ? { progress: (done: number, total: number) => options.onProgress!(channel, done, total) }
        : {}),
    };
    if (handler.beforeSetup && isSetUp(base)) {
      throw new DomainError('CONFLICT', 'This till is already set up', {
        reason: 'ALREADY_SET_UP',
      });
    }
    let actor: Actor | null = null;
    if (handler.access !== 'public' || session.actor) {
      actor = session.actor ? currentActor(base, session.actor) : null;
      // A current user means the till is set up (setup creates the first one in the
      // same transaction), so only a call without one asks: one query less per call.
      if (handler.access !== 'public' && !actor && !isSetUp(base)) {
        throw new DomainError('NOT_SET_UP', 'This till has not been set up yet: run setup first');
      }
      if (session.actor && !actor) session.actor = null;
      if (handler.access !== 'public' && !actor)
        throw new DomainError('UNAUTHENTICATED', 'Log in first');
    }
    const ctx: ServiceContext = { ...base, actor };
    if (
      actor &&
      (handler.access === 'supervisor' || handler.access === 'admin') &&
      !hasRole(actor, LEVEL[handler.access])
    ) {
      throw new DomainError(
        'FORBIDDEN',
        `${channel} needs ${roleWithArticle(handler.access)} or above`,
        {
          required: handler.access,
          role: actor.role,
        },
      );
    }
    const parsed = validateInput(channels[channel].input, input);
    if (!parsed.ok) return Promise.reject(parsed);
    const value = await handler.run(parsed.value as never, ctx);
    // The login's audit row committed with its PIN check: only now is the session logged in.
    if (channel === 'auth.login') session.actor = value as Actor;
    if (channel === 'auth.logout') session.actor = null;
    return value;
  }

  /**
   * Runs the call again while another process holds the write lock, pausing
   * between attempts so this host keeps serving everyone else, until
   * BUSY_WAIT_MS has passed since the call came in. Only an attempt that
   * changed no row at all is run again (SQLite's total_changes() did not
   * move): it failed before writing anything, typically taking the lock, so
   * running it again cannot do anything twice.
   */
  async function runWhileBusy(
    channel: ChannelName,
    input: unknown,
    session: Session,
    started: number,
  ): Promise<unknown> {
    const changes = statement(options, 'SELECT total_changes() AS n');
    const total = () => (changes.get() as { n: number }).n;
    for (;;) {
      const before = total();
      try {
        return await run(channel, input, session);
      } catch (error) {
        const retry =
          isBusyError(error) &&
          total() === before &&
          performance.now() + BUSY_PAUSE_MS - started < BUSY_WAIT_MS;
        if (!retry) throw error;
        await pause(BUSY_PAUSE_MS);
      }
    }
  }

  function auditRefusal(channel: string, session: Session, error: DomainError): void {
    try {
      const ctx: ServiceContext = { db: options.db, actor: session.actor, now, newId };
      options.db.sqlite.transaction(() =>
        writeAudit(ctx, {
          action: channel,
          outcome: 'denied',
          reason: error.message,
          after: error.details ?? null,
        }),
      )();
    } catch (auditError) {
      options.onError?.(channel, auditError);
    }
  }

  return {
    async call(channel, input, session) {
      const started = performance.now();
      let result: Result<unknown>;
      if (!isChannelName(channel)) {
        result = failure('NOT_FOUND', `Unknown channel "${channel}"`, {
          reason: 'UNKNOWN_CHANNEL',
        });
      } else {
        try {
          const value = await runWhileBusy(channel, input, session, started);
          result = ok(value);
          options.onSuccess?.(channel, value);
        } catch (error) {
          if (typeof error === 'object' && error !== null && 'ok' in error) {
            result = error as Result<unknown>;
          } else if (error instanceof DomainError) {
            if (error.code === 'FORBIDDEN') auditRefusal(channel, session, error);
            result = { ok: false, error: error.toInfo() };
          } else if (isBusyError(error)) {
            result = { ok: false, error: busyError().toInfo() };
          } else if (sqliteCode(error).startsWith('SQLITE_CONSTRAINT')) {
            // A caller-made id used twice (a payment id, a movement id): the
            // transaction rolled back and the client should send a new one.
            result = failure('CONFLICT', 'That record already exists; nothing was saved', {
              reason: 'DUPLICATE_ID',
            });
          } else if (sqliteCode(error).startsWith('SQLITE_FULL')) {
            options.onError?.(channel, error);
            result = failure(
              'INTERNAL',
              'The disk is full: nothing was saved. Free some space and try again',
              {
                reason: 'DISK_FULL',
              },
            );
          } else {
            options.onError?.(channel, error);
            result = failure('INTERNAL', 'Something went wrong; nothing was saved', {
              reason: 'UNEXPECTED',
            });
          }
        }
      }
      options.onCall?.({
        channel,
        ok: result.ok,
        ms: performance.now() - started,
        ...(result.ok ? {} : { code: result.error.code }),
      });
      return result;
    },
  };
}
