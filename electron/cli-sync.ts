/**
 * `pos sync …`: enrol this till with the central server, see its sync state,
 * push what waits and pull the catalogue. The CLI never syncs in the background; only here.
 */
import type { SyncPushResult, SyncStatus } from '../core/api/areas/sync';
import type { Result } from '../core/api/result';
import type { Api, Session } from './api';
import { UsageError } from './cli-admin';

export const SYNC_HELP = `  sync enroll --server URL --code CODE [--name NAME] [--replace] --user ADMIN
                               Enrol this till with the central server using the one-time code it
                               printed (an admin). Its series are claimed for its register; its
                               sales so far are pushed by the next sync push.
  sync status --user NAME      The sync state: server, pending events, last success, offline since,
                               what needs attention, clock drift, events held for review.
  sync push --user NAME        Send every pending event now (also "sync now"), then pull the store's
                               catalogue (value.pulled says what changed here). Exit 0 when nothing
                               is left pending, 1 when some still wait (offline, or an error that
                               needs attention: see value.status).`;

export interface SyncFlags {
  readonly server?: string | undefined;
  readonly code?: string | undefined;
  readonly name?: string | undefined;
  readonly replace?: boolean | undefined;
}

export async function syncCommand(
  sub: string | undefined,
  flags: SyncFlags,
  api: Api,
  session: Session,
  report: (result: Result<unknown>) => number,
): Promise<number> {
  switch (sub) {
    case 'enroll': {
      if (!flags.server || !flags.code)
        throw new UsageError('sync enroll needs --server URL and --code CODE');
      return report(
        await api.call(
          'sync.enroll',
          {
            serverUrl: flags.server,
            code: flags.code,
            ...(flags.name ? { deviceName: flags.name } : {}),
            ...(flags.replace ? { replace: true } : {}),
          },
          session,
        ),
      );
    }
    case 'status':
      return report(await api.call('sync.status', {}, session));
    case 'push':
    case 'now': {
      const result = (await api.call('sync.pushNow', {}, session)) as Result<SyncPushResult>;
      const code = report(result);
      if (!result.ok) return code;
      const status: SyncStatus = result.value.status;
      return status.pending === 0 && status.phase !== 'attention' ? 0 : 1;
    }
    default:
      throw new UsageError('sync needs enroll, status or push');
  }
}
