import type { ChannelName, Channels } from '../core/api/channels';
import type { ChannelOutput } from '../core/api/client';
import type { ParsedInputOf } from '../core/api/channel';
import type { ServiceContext } from './services/context';

/**
 * Who may call a channel, checked before the handler runs:
 * - public: anyone, even before setup (login screen, first run);
 * - user: any logged-in user; finer rules (price overrides, voids) are checked inside;
 * - supervisor / admin: that role or above.
 */
export type Access = 'public' | 'user' | 'supervisor' | 'admin';

export interface Handler<K extends ChannelName> {
  readonly access: Access;
  /** Runs only before the store is set up (setup.init). */
  readonly beforeSetup?: boolean;
  run(
    input: ParsedInputOf<Channels[K]>,
    ctx: ServiceContext,
  ): ChannelOutput<K> | Promise<ChannelOutput<K>>;
}

/** The handlers of one area: exactly its channels, each with its own types. */
export type AreaHandlers<Area extends string> = {
  readonly [K in ChannelName as K extends `${Area}.${string}` ? K : never]: Handler<K>;
};

export type Handlers = { readonly [K in ChannelName]: Handler<K> };
