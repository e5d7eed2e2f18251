import { setupChannels } from './setup';

/**
 * The one map of every channel. Hosts (Electron IPC, webhost, CLI, tests)
 * register handlers from it and clients derive their types from it; nobody
 * writes a channel list by hand anywhere else.
 */
export const channels = {
  ...setupChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
