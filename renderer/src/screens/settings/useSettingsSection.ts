import { useState } from 'react';
import type { Settings } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { t } from '../../i18n';
import { useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { fieldErrors } from '../../api/field-errors';
import {
  changedSettings,
  pickSettings,
  type SettingKey,
  type SettingsDraft,
  type SettingsInput,
} from './settings-diff';

/**
 * A settings section's draft: the fields it owns, what changed, and save(),
 * which sends only the changes, shows the API's errors on the fields and hands
 * the saved settings to the session (so formats and the top bar follow).
 */
export function useSettingsSection<K extends SettingKey>(settings: Settings, keys: readonly K[]) {
  const applySettings = useSession((s) => s.applySettings);
  const toast = useToasts((s) => s.push);
  const [draft, setDraft] = useState<SettingsDraft<K>>(() => pickSettings(settings, keys));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const changes = changedSettings(draft, settings, keys);
  const dirty = Object.keys(changes).length > 0;

  function set<P extends K>(key: P, value: Settings[P]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  }

  async function save(): Promise<Settings | null> {
    if (!dirty) return null;
    setSaving(true);
    try {
      const saved = await call('settings.update', changes as SettingsInput);
      applySettings(saved);
      setDraft(pickSettings(saved, keys));
      setErrors({});
      toast('success', t('settings.saved'));
      return saved;
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(fieldErrors(e.info, 'settings'));
      return null;
    } finally {
      setSaving(false);
    }
  }

  return {
    draft,
    set,
    errors,
    saving,
    dirty,
    save,
    reset: () => setDraft(pickSettings(settings, keys)),
  };
}

export type SettingsSection<K extends SettingKey> = ReturnType<typeof useSettingsSection<K>>;
