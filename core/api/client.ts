import type { ChannelName, Channels } from './channels';
import type { InputOf, OutputOf } from './channel';
import type { Result } from './result';

/** Carries one call to wherever the API lives: Electron IPC, HTTP, or in-process. */
export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

export type ChannelInput<K extends ChannelName> = InputOf<Channels[K]>;
export type ChannelOutput<K extends ChannelName> = OutputOf<Channels[K]>;

/** The typed client every caller uses; the channel name picks the types. */
export interface ApiClient {
  call<K extends ChannelName>(
    channel: K,
    input: ChannelInput<K>,
  ): Promise<Result<ChannelOutput<K>>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call: (channel, input) => transport(channel, input) as never,
  };
}
