import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { addBarcodes, removeBarcode, type BarcodeProblem } from './barcode-chips';

export interface BarcodeChipsProps {
  readonly value: readonly string[];
  onChange(next: readonly string[]): void;
  /** An error from the API for the barcodes field. */
  readonly error?: string | null;
}

function problemText(t: ReturnType<typeof useT>, problem: BarcodeProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('products.barcodes.empty');
    case 'duplicate':
      return t('products.barcodes.duplicate', { code: problem.code });
    case 'tooMany':
      return t('products.barcodes.tooMany', { max: problem.max });
    case 'invalid':
      return t('products.barcodes.invalid', { code: problem.code });
    case 'checkDigit':
      return t('products.barcodes.checkDigit', { code: problem.code, expected: problem.expected });
  }
}

/**
 * A product's barcodes as chips: scan or type into the box and press Enter
 * (the scanner's own Enter adds it without submitting the form); × removes one.
 */
export function BarcodeChips({ value, onChange, error }: BarcodeChipsProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add() {
    const result = addBarcodes(value, text);
    if (result.list !== value) onChange(result.list);
    if (result.ok) {
      setText('');
      setProblem(null);
    } else {
      setProblem(problemText(t, result.problem));
    }
  }

  const shown = problem ?? error ?? null;
  return (
    <div className="field barcode-chips">
      <label htmlFor={id}>
        <span>{t('products.barcodes.label')}</span>
      </label>
      <div className="row chip-row">
        <input
          id={id}
          className="input"
          value={text}
          autoComplete="off"
          placeholder={t('products.barcodes.placeholder')}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button onClick={add}>{t('products.barcodes.add')}</Button>
      </div>
      {shown ? (
        <small className="field-error" role="alert">
          {shown}
        </small>
      ) : (
        <small className="muted">{t('products.barcodes.hint')}</small>
      )}
      {value.length > 0 && (
        <ul className="chips" aria-label={t('products.barcodes.label')}>
          {value.map((code) => (
            <li key={code} className="chip">
              <span className="mono">{code}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('products.barcodes.remove', { code })}
                onClick={() => onChange(removeBarcode(value, code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
