import type { ChannelInput } from '../../../../core/api/client';
import type { Settings } from '../../../../core/api/model';

export type SettingsInput = ChannelInput<'settings.update'>;
/** The settings a screen section edits: both in the model and in settings.update. */
export type SettingKey = keyof SettingsInput & keyof Settings;
export type SettingsDraft<K extends SettingKey> = { -readonly [P in K]: Settings[P] };

export function pickSettings<K extends SettingKey>(
  settings: Settings,
  keys: readonly K[],
): SettingsDraft<K> {
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as SettingsDraft<K>;
}

function same(a: unknown, b: unknown): boolean {
  return typeof a === 'object' && a !== null ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** Only what changed goes to settings.update, so a section never rewrites another's settings. */
export function changedSettings<K extends SettingKey>(
  draft: SettingsDraft<K>,
  settings: Settings,
  keys: readonly K[],
): Partial<SettingsInput> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (!same(draft[key], settings[key])) out[key] = draft[key];
  }
  return out as Partial<SettingsInput>;
}
