import { useState } from 'react';
import type { ScaleLayoutSetting } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { LayoutPreviewText, useReadingText } from './LayoutPreviewText';
import { previewLayout, testLabel } from './scale-preview';

const MAX_LAYOUTS = 10;
const NEW_LAYOUT: ScaleLayoutSetting = { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 };

/**
 * The store's scale-label layouts, each explained live with a sample label
 * decoded by core; and a box to try a real label against all of them.
 */
export function ScaleLayoutsEditor({
  value,
  onChange,
}: {
  readonly value: readonly ScaleLayoutSetting[];
  onChange(next: readonly ScaleLayoutSetting[]): void;
}) {
  const t = useT();
  const readingText = useReadingText();
  const [label, setLabel] = useState('');
  const previews = value.map((l) => previewLayout(l.pattern, l.priceDecimals));
  const valid = previews.flatMap((p) => (p.ok ? [p.layout] : []));
  const firstSample = previews.flatMap((p) => (p.ok ? [p.sample] : []))[0];
  const test = label.trim() === '' ? null : testLabel(label, valid);
  const update = (index: number, change: Partial<ScaleLayoutSetting>) =>
    onChange(value.map((l, i) => (i === index ? { ...l, ...change } : l)));

  return (
    <div className="stack scale-layouts">
      <h3>{t('settings.scale.title')}</h3>
      <p className="muted section-intro">{t('settings.scale.intro')}</p>
      {value.length === 0 && <p className="muted">{t('settings.scale.none')}</p>}
      <ol className="layout-list">
        {value.map((layout, index) => {
          const preview = previews[index]!;
          const isPrice = preview.ok && preview.layout.value.kind === 'price';
          return (
            <li key={index} className="layout-row">
              <div className="row layout-inputs">
                <label className="field layout-pattern">
                  <span>{t('settings.scale.pattern', { n: index + 1 })}</span>
                  <input
                    className="input mono"
                    value={layout.pattern}
                    aria-invalid={preview.ok ? undefined : true}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => update(index, { pattern: e.target.value })}
                  />
                </label>
                <label className="field layout-decimals">
                  <span>{t('settings.scale.decimals')}</span>
                  <select
                    className="input"
                    value={layout.priceDecimals}
                    disabled={!isPrice}
                    onChange={(e) => update(index, { priceDecimals: Number(e.target.value) })}
                  >
                    {[0, 1, 2, 3].map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <Button
                  variant="ghost"
                  className="layout-remove"
                  aria-label={t('settings.scale.remove', { n: index + 1 })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                >
                  {t('common.delete')}
                </Button>
              </div>
              <LayoutPreviewText preview={preview} />
            </li>
          );
        })}
      </ol>
      <div className="row">
        <Button
          disabled={value.length >= MAX_LAYOUTS}
          onClick={() => onChange([...value, NEW_LAYOUT])}
        >
          {t('settings.scale.add')}
        </Button>
        <span className="muted small">{t('settings.scale.legend')}</span>
      </div>
      <div className="label-test">
        <label className="field">
          <span>{t('settings.scale.test')}</span>
          <input
            className="input mono"
            value={label}
            inputMode="numeric"
            autoComplete="off"
            placeholder={firstSample}
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
        </label>
        {test &&
          (test.ok ? (
            <p className="layout-preview" role="status">
              <strong>{readingText(test.reading)}</strong>
            </p>
          ) : (
            <p className="field-error layout-preview" role="status">
              {test.code === 'BAD_CHECK_DIGIT' && test.expected !== undefined
                ? t('settings.scale.testCheckDigit', { expected: test.expected })
                : test.code === 'UNKNOWN_LAYOUT'
                  ? t('settings.scale.testUnknown')
                  : t('settings.scale.testNotScale')}
            </p>
          ))}
      </div>
    </div>
  );
}
