import { z } from 'zod';
import { area, channel } from '../channel';
import { empty } from '../schemas';

/** http(s)://host[:port][/path]: no user or password in it, no spaces, no query. */
const SERVER_URL = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?(\/[^\s?#@]*)?$/i;

/** Where the central sync server listens: http(s) only, no credentials in the address. */
export const serverUrl = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine(
    (text) => SERVER_URL.test(text),
    'must be an http:// or https:// address, such as http://192.168.1.10:5858',
  )
  .transform((text) => text.replace(/\/+$/, ''));

/** The one-time enrolment code printed by the server (`npm run server`, `admin enrolment-code`). */
export const enrolmentCode = z
  .string()
  .trim()
  .min(4)
  .max(40)
  .regex(/^[A-Za-z0-9 -]+$/, 'letters, digits and dashes only');

/** An event the server stored but held for review instead of applying (a business rule). */
export interface SyncReviewItem {
  readonly seq: number;
  readonly eventId: string;
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

/**
 * - not-enrolled: this till does not sync;
 * - synced: nothing waiting;
 * - pending: events waiting, the server answers;
 * - offline: the server does not answer since `offlineSince`; events wait, nothing is lost;
 * - attention: an error retrying cannot fix (revoked device, mismatch): someone must act.
 */
export type SyncPhase = 'not-enrolled' | 'synced' | 'pending' | 'offline' | 'attention';

/** The till's sync state. Never carries the device credential. */
export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly enrolled: boolean;
  readonly serverUrl: string | null;
  readonly deviceId: string | null;
  readonly storeId: string | null;
  readonly registerCode: string | null;
  readonly series: readonly { readonly documentType: string; readonly series: string }[];
  readonly enrolledAt: string | null;
  /** Outbox events the server has not acknowledged yet. */
  readonly pending: number;
  readonly acknowledgedSeq: number;
  readonly lastAttemptAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly offlineSince: string | null;
  readonly lastError: {
    readonly code: string;
    readonly message: string;
    readonly at: string;
  } | null;
  /** The error code that stopped the pusher (REVOKED, REPLAY_MISMATCH, …), or null. */
  readonly attention: string | null;
  /** The server's clock minus the till's, in ms, from the last reply; null before any. */
  readonly clockOffsetMs: number | null;
  /** The till's clock is off by more than CLOCK_WARNING_MS. */
  readonly clockWarning: boolean;
  readonly review: readonly SyncReviewItem[];
  /** When the till last read the server's catalogue to the end; null before the first pull. */
  readonly lastPulledAt: string | null;
}

/** What one push round moved. */
export interface SyncPushResult {
  readonly sent: number;
  readonly acknowledged: number;
  readonly replayed: number;
  readonly rejected: number;
  /** What the pull after the push changed here; null when the push did not finish. */
  readonly pulled: {
    readonly applied: number;
    readonly deactivated: number;
    readonly keptLocal: number;
    readonly skipped: number;
  } | null;
  readonly status: SyncStatus;
}

export const syncChannels = area('sync', {
  status: channel<SyncStatus>()({
    summary:
      "This till's sync state: enrolled or not, the server, pending events, last success, offline since, last error, what needs attention, clock drift and events held for review. Never the credential.",
    input: empty,
  }),
  enroll: channel<SyncStatus>()({
    summary:
      "Enrols this till with the central server using a one-time code: claims this register's document series, stores the device credential (never returned) and pushes the till's whole history afterwards. CONFLICT if already enrolled (pass replace: true after a revocation) or if another register owns one of its series (SERVER_SERIES_TAKEN), VALIDATION for a refused code, INVALID_STATE if the server cannot be reached.",
    input: z
      .object({
        serverUrl,
        code: enrolmentCode,
        deviceName: z.string().trim().min(1).max(80).optional(),
        replace: z.boolean().default(false),
      })
      .strict(),
  }),
  pushNow: channel<SyncPushResult>()({
    summary:
      'Sends the pending outbox events to the server now, batch after batch, until none are left or the server stops answering, then pulls the store catalogue to the end (names, prices, categories, tax category, barcodes; never stock); clears a stop that needed attention to try once more. Never loses an event.',
    input: empty,
  }),
  settings: channel<SyncStatus>()({
    summary:
      'Changes the address of the central server this till pushes to (the server moved), keeping its enrolment and credential.',
    input: z.object({ serverUrl }).strict(),
  }),
});
