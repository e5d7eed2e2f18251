/**
 * Every shortcut key of the app, in one table: a key means the same thing on
 * every screen. F2 looks for a product (the till's search, the catalogue's
 * search box), F3 for a customer (the till's picker, the customers' search
 * box), Insert makes something new (a product, a customer, a cash movement);
 * the other F-keys act only at the till, and F9 locks everywhere. Screens bind
 * keys and show them on their buttons through this table only, so a key can
 * no longer mean "new" on one screen and "search" on another.
 */
import type { MessageKey } from '../i18n/messages';
import { useHotkeys, type HotkeyMap } from './useHotkeys';

export const SHORTCUTS = {
  searchProduct: { keys: ['F2'], label: 'common.shortcutActions.searchProduct' },
  searchCustomer: { keys: ['F3'], label: 'common.shortcutActions.searchCustomer' },
  pay: { keys: ['F4', 'F12'], label: 'common.shortcutActions.pay' },
  hold: { keys: ['F6'], label: 'common.shortcutActions.hold' },
  resume: { keys: ['F7'], label: 'common.shortcutActions.resume' },
  editLine: { keys: ['F8'], label: 'common.shortcutActions.editLine' },
  lock: { keys: ['F9'], label: 'common.shortcutActions.lock' },
  discount: { keys: ['F10'], label: 'common.shortcutActions.discount' },
  create: { keys: ['Insert'], label: 'common.shortcutActions.create' },
} as const satisfies Record<string, { keys: readonly string[]; label: MessageKey }>;

export type ShortcutAction = keyof typeof SHORTCUTS;

/**
 * The till's actions, in the order its shortcut bar shows them. TillScreen
 * binds exactly these (lock is the app's, bound by the layout).
 */
export const TILL_SHORTCUTS = [
  'searchProduct',
  'searchCustomer',
  'pay',
  'hold',
  'resume',
  'editLine',
  'discount',
  'lock',
] as const satisfies readonly ShortcutAction[];

/** How a key reads on a button or the bar: "F4 / F12", "Ins". */
export function shortcutText(action: ShortcutAction): string {
  return SHORTCUTS[action].keys.map((k) => (k === 'Insert' ? 'Ins' : k)).join(' / ');
}

/** The key map for useHotkeys: each action's handler under each of its keys. */
export function shortcutMap(
  handlers: Partial<Record<ShortcutAction, (event: KeyboardEvent) => void>>,
): HotkeyMap {
  const map: Record<string, (event: KeyboardEvent) => void> = {};
  for (const [action, handler] of Object.entries(handlers)) {
    if (!handler) continue;
    for (const key of SHORTCUTS[action as ShortcutAction].keys) map[key] = handler;
  }
  return map;
}

/** A screen's shortcuts, by action: the keys come from the one table. */
export function useShortcuts(
  handlers: Partial<Record<ShortcutAction, (event: KeyboardEvent) => void>>,
  enabled = true,
): void {
  useHotkeys(shortcutMap(handlers), enabled);
}
