/**
 * The sync.* channels. Status is for everyone (the header shows it to the
 * cashier; it never carries the credential); enrolment and the server address
 * are an admin's. Sending now is anyone's: it only sends what is already
 * sold, and the server takes each event once however often it is sent.
 */
import { DomainError } from '../../../core/errors';
import type { AreaHandlers } from '../../handler';
import { writeAudit } from '../audit';
import { inTransaction } from '../context';
import { enrollTill } from './enroll';
import { pushExclusive } from './runner';
import { readSyncState, syncStatus, updateSyncState } from './state';

export const syncHandlers: AreaHandlers<'sync'> = {
  'sync.status': { access: 'user', run: (_input, ctx) => syncStatus(ctx) },
  'sync.enroll': {
    access: 'admin',
    run: (input, ctx) =>
      enrollTill(ctx, {
        serverUrl: input.serverUrl,
        code: input.code,
        replace: input.replace,
        ...(input.deviceName ? { deviceName: input.deviceName } : {}),
      }),
  },
  'sync.pushNow': {
    access: 'user',
    run: async (_input, ctx) => {
      const round = await pushExclusive(ctx, { force: true });
      return {
        sent: round.sent,
        acknowledged: round.acknowledged,
        replayed: round.replayed,
        rejected: round.rejected,
        pulled: round.pull
          ? {
              applied: round.pull.applied,
              deactivated: round.pull.deactivated,
              keptLocal: round.pull.keptLocal,
              skipped: round.pull.skipped,
            }
          : null,
        status: syncStatus(ctx),
      };
    },
  },
  'sync.settings': {
    access: 'admin',
    run: (input, ctx) => {
      const state = readSyncState(ctx);
      if (!state) {
        throw new DomainError('INVALID_STATE', 'This till is not enrolled: enrol it first', {
          reason: 'NOT_ENROLLED',
        });
      }
      inTransaction(ctx, () => {
        // A new address may answer where the old one did not: try it at once.
        updateSyncState(ctx, { serverUrl: input.serverUrl, offlineSince: null });
        writeAudit(ctx, {
          action: 'sync.settings',
          entity: 'device',
          entityId: state.deviceId,
          before: { serverUrl: state.serverUrl },
          after: { serverUrl: input.serverUrl },
        });
      });
      return syncStatus(ctx);
    },
  },
};
