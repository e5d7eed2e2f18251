import type { ChannelName } from '../../../core/api/channels';
import type { ChannelInput, ChannelOutput } from '../../../core/api/client';
import type { ErrorInfo } from '../../../core/errors';
import { useToasts } from '../state/toasts';
import { errorMessage } from '../i18n/errors';
import { api } from './client';
import { isLoggedOut } from './logged-out';

export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** Calls a channel and returns its value, or throws CallError with the structured error. */
export async function call<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await api.call(channel, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

/** Calls a channel; on failure shows the error as a toast in the UI language and returns undefined. */
export async function callOrToast<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K> | undefined> {
  const result = await api.call(channel, input);
  if (result.ok) return result.value;
  // Logged out under a screen: the login it leads to says why, once.
  if (!isLoggedOut(result.error)) useToasts.getState().push('error', errorMessage(result.error));
  return undefined;
}
