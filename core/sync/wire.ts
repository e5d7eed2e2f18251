import { z } from 'zod';
import { DOCUMENT_TYPES } from '../numbering';
import { syncEvent } from './events';

/** The most events one push carries; the till sends the rest in the next batch. */
export const MAX_BATCH_EVENTS = 500;

export const seriesClaim = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  series: z.string().trim().min(1).max(10),
});
export type SeriesClaim = z.infer<typeof seriesClaim>;

/** POST /v1/enroll: the one-time code, and the series the till already numbers with. */
export const enrollRequest = z.object({
  code: z.string().trim().min(4).max(40),
  deviceName: z.string().trim().min(1).max(80).default('Caja'),
  series: z.array(seriesClaim).max(20).default([]),
  /**
   * The outbox seq the till will push first. A till that sold before enrolling
   * pushes its whole history, so this is normally 1.
   */
  firstSeq: z.number().int().min(1).default(1),
});
export type EnrollRequest = z.input<typeof enrollRequest>;

export const enrollResponse = z.object({
  deviceId: z.uuid(),
  storeId: z.uuid(),
  registerId: z.uuid(),
  registerCode: z.string(),
  series: z.array(seriesClaim),
  /** Shown once: the server keeps only its hash. Sent as `Authorization: Bearer …`. */
  credential: z.string(),
  nextSeq: z.number().int().min(1),
  serverTime: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponse>;

/** POST /v1/push: consecutive events of the authenticated device, in seq order. */
export const pushBatch = z.object({
  device: z.uuid(),
  events: z.array(syncEvent).min(1).max(MAX_BATCH_EVENTS),
});
export type PushBatch = z.infer<typeof pushBatch>;

export const rejectedEvent = z.object({
  seq: z.number().int(),
  eventId: z.uuid(),
  code: z.string(),
  message: z.string(),
});

/** Every event up to acknowledgedSeq is stored; the till may mark them sent. */
export const pushAck = z.object({
  acknowledgedSeq: z.number().int().min(0),
  applied: z.number().int().min(0),
  replayed: z.number().int().min(0),
  /** Stored and sequenced, but held for review instead of applied (a business rule). */
  rejected: z.array(rejectedEvent),
  serverTime: z.string(),
});
export type PushAck = z.infer<typeof pushAck>;

export const SYNC_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'REVOKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ENROLMENT_CODE_INVALID',
  'SERIES_TAKEN',
  'SEQ_GAP',
  'REPLAY_MISMATCH',
  'TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Every 4xx/5xx reply: nothing was written. */
export const syncError = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  serverTime: z.string(),
});
export type SyncError = z.infer<typeof syncError>;

export const PULL_ENTITIES = [
  'product',
  'category',
  'taxCategory',
  'user',
  'settings',
  'stockMovement',
] as const;

/** POST /v1/pull `{ cursor, limit }`: the store's catalog changes after the cursor (null: from the start). */
export const pullRequest = z.object({
  cursor: z.string().max(200).nullable().default(null),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const pullChange = z.object({
  entity: z.enum(PULL_ENTITIES),
  key: z.string(),
  op: z.enum(['upsert', 'delete']),
  data: z.unknown(),
});

export const pullResponse = z.object({
  changes: z.array(pullChange),
  /** Opaque; send it back to continue. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** The till must drop what it pulled before and start again from these changes. */
  reset: z.boolean(),
  serverTime: z.string(),
});
export type PullResponse = z.infer<typeof pullResponse>;

/**
 * A pulled `product` change's data (server/catalog.ts productChange): the
 * store's product, whole, in API units. There is no stock in it: stock moves
 * only by movements, never by a catalogue edit.
 */
export const pulledProduct = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(500),
  categoryName: z.string().trim().min(1).max(80).nullable(),
  soldBy: z.enum(['unit', 'weight']),
  price: z.number().int().min(0),
  cost: z.number().int().min(0),
  taxCategory: z.string().min(1).max(20),
  trackStock: z.boolean(),
  allowNegative: z.boolean(),
  /** API units (kilos or units), up to 3 decimals. */
  minStock: z.number().min(0),
  active: z.boolean(),
  barcodes: z.array(z.string().trim().min(1).max(64)).max(50),
});
export type PulledProduct = z.infer<typeof pulledProduct>;
