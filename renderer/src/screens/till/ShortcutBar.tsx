import { SHORTCUTS, TILL_SHORTCUTS, shortcutText } from '../../components/shortcuts';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

/** Keys of the cart that are not F-keys, shown after the till's actions. */
const CART_KEYS: readonly [string, MessageKey][] = [
  ['↑ ↓', 'till.shortcuts.select'],
  ['+ −', 'till.shortcuts.plusMinus'],
  ['deleteKey', 'till.shortcuts.remove'],
];

/** The till's keys, always on screen: its actions as the one shortcut table names them. */
export function ShortcutBar() {
  const t = useT();
  const items: [string, string][] = [
    ...TILL_SHORTCUTS.map((a): [string, string] => [shortcutText(a), t(SHORTCUTS[a].label)]),
    ...CART_KEYS.map(([key, label]): [string, string] => [
      key === 'deleteKey' ? t('till.shortcuts.deleteKey') : key,
      t(label),
    ]),
  ];
  return (
    <div className="shortcut-bar" aria-label={t('common.shortcuts')}>
      {items.map(([key, label]) => (
        <span key={key}>
          <kbd>{key}</kbd> {label}
        </span>
      ))}
    </div>
  );
}
