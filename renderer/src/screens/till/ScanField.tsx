import { forwardRef, type KeyboardEvent } from 'react';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';

export interface ScanFieldProps {
  onScan(code: string): void;
  /** Keys that act on the cart when the field is empty: arrows, + / -, Delete. */
  onCartKey(key: 'up' | 'down' | 'plus' | 'minus' | 'delete'): void;
}

/**
 * The field every scan lands in. Uncontrolled on purpose: a scanner types a
 * character every few milliseconds, and nothing here re-renders per key. On
 * Enter the code is handed over and the field is cleared at once, so the next
 * scan starts in an empty field.
 */
export const ScanField = forwardRef<HTMLInputElement, ScanFieldProps>(function ScanField(
  { onScan, onCartKey },
  ref,
) {
  const t = useT();
  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    if (event.key === 'Enter') {
      event.preventDefault();
      const code = input.value;
      input.value = '';
      onScan(code);
      return;
    }
    if (input.value !== '') return;
    const action =
      event.key === 'ArrowUp'
        ? 'up'
        : event.key === 'ArrowDown'
          ? 'down'
          : event.key === '+'
            ? 'plus'
            : event.key === '-'
              ? 'minus'
              : event.key === 'Delete'
                ? 'delete'
                : null;
    if (action) {
      event.preventDefault();
      onCartKey(action);
    }
  }
  return (
    <label className="scan-field">
      <span className="sr-only">{t('till.scanLabel')}</span>
      <span className="scan-icon">
        <Icon name="barcode" size={22} />
      </span>
      <input
        ref={ref}
        className="input scan-input"
        placeholder={t('till.scanPlaceholder')}
        aria-label={t('till.scanLabel')}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        onKeyDown={keyDown}
        data-testid="scan"
      />
    </label>
  );
});
