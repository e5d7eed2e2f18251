import {
  authChannels,
  registersChannels,
  settingsChannels,
  taxCategoriesChannels,
  usersChannels,
} from './areas/admin';
import { cashChannels } from './areas/cash';
import { categoriesChannels, customersChannels, productsChannels } from './areas/catalog';
import { documentsChannels } from './areas/documents';
import { einvoiceChannels } from './areas/einvoice';
import { printerChannels } from './areas/printer';
import { salesChannels } from './areas/sales';
import { setupChannels } from './areas/setup';
import { syncChannels } from './areas/sync';
import { auditChannels, reportsChannels, stockChannels } from './areas/stock';

/**
 * The one map of every channel. Hosts (Electron IPC, webhost, CLI, tests)
 * register handlers from it and clients derive their types from it; nobody
 * writes a channel list by hand anywhere else.
 */
export const channels = {
  ...setupChannels,
  ...settingsChannels,
  ...registersChannels,
  ...taxCategoriesChannels,
  ...usersChannels,
  ...authChannels,
  ...productsChannels,
  ...categoriesChannels,
  ...customersChannels,
  ...cashChannels,
  ...salesChannels,
  ...stockChannels,
  ...reportsChannels,
  ...auditChannels,
  ...documentsChannels,
  ...printerChannels,
  ...syncChannels,
  ...einvoiceChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
