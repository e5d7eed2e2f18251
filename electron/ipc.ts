import { isChannelName } from '../core/api/channels';
import { failure, type Result } from '../core/api/result';
import type { Api, Session } from './api';

/** The one IPC channel the preload uses; the API channel travels as its first argument. */
export const INVOKE_CHANNEL = 'tendero:invoke';

/** What the IPC handler needs from Electron's IpcMainInvokeEvent (null frames happen when a frame navigated away or died). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
  readonly sender: { readonly id: number };
}

export interface IpcOptions {
  readonly api: Api;
  /** True only for the app's own pages (app://tendero/…, or the dev server in development). */
  readonly isTrustedUrl: (url: string) => boolean;
  /** The session of the window that sent the call: its logged-in user lives in the main process. */
  readonly sessionFor: (webContentsId: number) => Session;
  readonly onRefused?: (reason: string, url: string | null) => void;
}

/**
 * The body of ipcMain.handle(INVOKE_CHANNEL): refuses foreign or vanished
 * senders and unknown channels before the API sees anything, then answers with
 * the API's Result. Kept free of Electron so it is tested in plain Node.
 */
export function createInvokeHandler(options: IpcOptions) {
  return async (
    event: InvokeEventLike,
    channel: unknown,
    input: unknown,
  ): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    if (!frame) {
      options.onRefused?.('no sender frame', null);
      return failure('FORBIDDEN', 'The calling page is gone', { reason: 'NO_SENDER_FRAME' });
    }
    if (!options.isTrustedUrl(frame.url)) {
      options.onRefused?.('foreign sender', frame.url);
      return failure('FORBIDDEN', 'Calls are accepted only from Tendero’s own pages', {
        reason: 'FOREIGN_SENDER',
      });
    }
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      options.onRefused?.(`unknown channel ${String(channel)}`, frame.url);
      return failure('NOT_FOUND', `Unknown channel "${String(channel)}"`, {
        reason: 'UNKNOWN_CHANNEL',
      });
    }
    return options.api.call(channel, input, options.sessionFor(event.sender.id));
  };
}

/** The app's own origin: pages are served from app://tendero/. */
export const APP_ORIGIN = 'app://tendero';

export function trustedUrlChecker(devServerUrl?: string) {
  return (url: string): boolean => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'app:' && parsed.host === 'tendero') return true;
    if (devServerUrl) {
      const dev = new URL(devServerUrl);
      return parsed.origin === dev.origin;
    }
    return false;
  };
}
