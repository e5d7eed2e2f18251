/**
 * A real till for tests: a fresh SQLite file in a temp folder, the real API,
 * a frozen clock and predictable ids. Nothing is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName } from '../../core/api/channels';
import type { ChannelInput, ChannelOutput } from '../../core/api/client';
import type { ErrorInfo } from '../../core/errors';
import type { CountryCode } from '../../core/profiles';
import type { Result } from '../../core/api/result';
import { openDatabase, type TenderoDb } from '../../db/open';
import { createApi, type Api, type Session } from '../api';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface Till {
  readonly dir: string;
  readonly file: string;
  readonly db: TenderoDb;
  readonly api: Api;
  readonly clock: TestClock;
  session: Session;
  /** Calls a channel as the session's user and returns the value, or throws with the error. */
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  /** Calls a channel and returns the raw Result. */
  result<K extends ChannelName>(channel: K, input: unknown): Promise<Result<ChannelOutput<K>>>;
  /** Calls expecting failure; returns the error. */
  fail(channel: ChannelName, input: unknown): Promise<ErrorInfo>;
  /** Logs in as someone else on the same till; returns the previous session. */
  as(name: string, pin: string): Promise<Session>;
  uuid(): string;
  close(): void;
}

export class ApiCallError extends Error {
  constructor(readonly error: ErrorInfo) {
    super(`${error.code}: ${error.message}`);
  }
}

export const ADMIN = { name: 'Ana', pin: '1234' } as const;

let sequence = 0;

/** A deterministic, valid v4-shaped UUID. */
export function testUuid(): string {
  sequence++;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export async function openTill(options: { dir?: string; file?: string } = {}): Promise<Till> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tendero-test-'));
  const file = options.file ?? join(dir, 'tendero.sqlite');
  const clock: TestClock = {
    now: new Date('2026-03-06T15:30:00.000Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const db = openDatabase(file);
  const api = createApi({ db, now: () => clock.now, newId: testUuid });
  const till: Till = {
    dir,
    file,
    db,
    api,
    clock,
    session: { actor: null },
    async call(channel, input) {
      const result = await api.call(channel, input, till.session);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as never;
    },
    async result(channel, input) {
      return (await api.call(channel, input, till.session)) as never;
    },
    async fail(channel, input) {
      const result = await api.call(channel, input, till.session);
      if (result.ok)
        throw new Error(
          `${channel} was expected to fail but returned ${JSON.stringify(result.value)}`,
        );
      return result.error;
    },
    async as(name, pin) {
      const previous = till.session;
      till.session = { actor: null };
      await till.call('auth.login', { name, pin });
      return previous;
    },
    uuid: testUuid,
    close() {
      db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return till;
}

/** A till set up for a country and logged in as its admin. */
export async function setUpTill(
  country: CountryCode = 'PE',
  extra: Record<string, unknown> = {},
): Promise<Till> {
  const till = await openTill();
  const taxIds: Record<CountryCode, string> = {
    PE: '20123456789',
    CO: '900123456-7',
    AR: '30-71234567-8',
    BO: '1234567',
    VE: 'J-12345678-9',
    GENERIC: 'TAX-1',
  };
  await till.call('setup.init', {
    country,
    businessName: 'Bodega Don Lucho',
    taxId: taxIds[country],
    admin: ADMIN,
    registerCode: 'CAJA1',
    timeZone: 'America/Lima',
    ...extra,
  });
  await till.call('auth.login', ADMIN);
  return till;
}
