import { useT } from '../i18n';

/** A numeric keypad for PINs and amounts on touch screens; the keyboard works too. */
export function PinPad({
  value,
  onChange,
  onEnter,
  maxLength = 8,
}: {
  value: string;
  onChange(v: string): void;
  onEnter?(): void;
  maxLength?: number;
}) {
  const t = useT();
  const press = (key: string) => {
    if (key === '⌫') onChange(value.slice(0, -1));
    else if (key === '✓') onEnter?.();
    else if (value.length < maxLength) onChange(value + key);
  };
  return (
    <div className="pinpad" role="group" aria-label={t('login.keypad')}>
      {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', '✓'].map((key) => (
        <button
          key={key}
          type="button"
          className={`btn btn-large ${key === '✓' ? 'btn-primary' : ''}`}
          onClick={() => press(key)}
          tabIndex={-1}
          aria-label={key === '⌫' ? t('login.erase') : key === '✓' ? t('login.enter') : key}
        >
          {key}
        </button>
      ))}
    </div>
  );
}
