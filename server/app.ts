/**
 * The HTTP face of the sync server: a Fastify app over one database handle.
 * It keeps no state of its own between requests, so several processes can
 * serve one PostgreSQL side by side.
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { authenticate, credentialOf, type DeviceIdentity } from './auth';
import type { ServerDb } from './db/open';
import { enroll } from './enroll';
import { errorBody, SyncFailure } from './errors';
import { push } from './push';
import { parseCredential } from './secrets';

export interface AppOptions {
  readonly db: ServerDb;
  /** The largest request body accepted, in bytes. */
  readonly bodyLimit?: number;
  /** Requests per device (or per address before enrolment) per time window. */
  readonly rateLimit?: { readonly max: number; readonly timeWindow: number | string };
  readonly logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceIdentity;
  }
}

function rateKey(request: FastifyRequest): string {
  if (request.device) return `device:${request.device.deviceId}`;
  const credential = parseCredential(credentialOf(request.headers.authorization) ?? '');
  return credential ? `device:${credential.deviceId}` : `ip:${request.ip}`;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { orm } = options.db;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SyncFailure) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (error instanceof ZodError) {
      return reply.status(400).send(
        errorBody('VALIDATION', 'The request does not match the sync schema', {
          issues: error.issues.slice(0, 20).map((i) => ({ path: i.path, message: i.message })),
        }),
      );
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send(errorBody('TOO_LARGE', 'The request body is too large'));
    }
    if (status === 429) {
      return reply.status(429).send(errorBody('RATE_LIMITED', 'Too many requests; retry later'));
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send(errorBody('VALIDATION', (error as Error).message ?? 'Bad request'));
    }
    app.log.error(error);
    return reply.status(500).send(errorBody('INTERNAL', 'Internal server error'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url}`)),
  );

  await app.register(rateLimit, {
    global: true,
    // After authentication, so the key is the device that proved who it is.
    hook: 'preHandler',
    max: options.rateLimit?.max ?? 120,
    timeWindow: options.rateLimit?.timeWindow ?? '1 minute',
    keyGenerator: rateKey,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...errorBody('RATE_LIMITED', `At most ${context.max} requests per ${context.after}`),
    }),
  });

  const authenticated = {
    onRequest: async (request: FastifyRequest) => {
      request.device = await authenticate(orm, request.headers.authorization);
    },
  };

  app.get('/v1/health', async () => ({ ok: true, serverTime: new Date().toISOString() }));
  app.post('/v1/enroll', async (request) => enroll(orm, request.body));
  app.post('/v1/push', authenticated, async (request) => push(orm, request.device!, request.body));
  app.get('/v1/whoami', authenticated, async (request) => ({
    ...request.device!,
    serverTime: new Date().toISOString(),
  }));
  return app;
}
