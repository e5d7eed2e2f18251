import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

const KEYS: readonly [string, MessageKey][] = [
  ['F2', 'till.shortcuts.search'],
  ['F3', 'till.shortcuts.customer'],
  ['F4 / F12', 'till.shortcuts.pay'],
  ['F6', 'till.shortcuts.hold'],
  ['F7', 'till.shortcuts.resume'],
  ['F8', 'till.shortcuts.edit'],
  ['F10', 'till.shortcuts.discount'],
  ['↑ ↓', 'till.shortcuts.select'],
  ['+ −', 'till.shortcuts.plusMinus'],
  ['deleteKey', 'till.shortcuts.remove'],
  ['F9', 'till.shortcuts.lock'],
];

/** The till's keys, always on screen: every F-key the till answers (TillScreen's useHotkeys). */
export function ShortcutBar() {
  const t = useT();
  return (
    <div className="shortcut-bar" aria-label={t('common.shortcuts')}>
      {KEYS.map(([key, label]) => (
        <span key={key}>
          <kbd>{key === 'deleteKey' ? t('till.shortcuts.deleteKey') : key}</kbd> {t(label)}
        </span>
      ))}
    </div>
  );
}
