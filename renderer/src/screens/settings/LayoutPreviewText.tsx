import { labelPriceInMinor, type ScaleReading } from '../../../../core/barcode';
import { currency as currencyOf } from '../../../../core/money/currency';
import { money, quantity, useI18n, useT } from '../../i18n';
import type { LayoutPreview, LayoutProblem } from './scale-preview';

export function useProblemText() {
  const t = useT();
  return (problem: LayoutProblem) => {
    switch (problem.kind) {
      case 'length':
        return t('settings.scale.problems.length', { count: problem.count });
      case 'together':
        return t('settings.scale.problems.together', { letter: problem.letter });
      default:
        return t(`settings.scale.problems.${problem.kind}`);
    }
  };
}

/** What a label says, in words: the product code and the weight or the price. */
export function useReadingText() {
  const t = useT();
  const storeCurrency = useI18n((s) => s.currency);
  return (reading: ScaleReading) =>
    reading.kind === 'weight'
      ? t('settings.scale.readsWeight', {
          product: reading.productCode,
          weight: quantity(reading.grams / 1000),
        })
      : t('settings.scale.readsPrice', {
          product: reading.productCode,
          price: money(
            labelPriceInMinor(
              reading.price,
              reading.priceDecimals,
              currencyOf(storeCurrency).minorDigits,
            ),
          ),
        });
}

/** A layout's live explanation: its parts, and how a sample label decodes; or why it is refused. */
export function LayoutPreviewText({ preview }: { readonly preview: LayoutPreview }) {
  const t = useT();
  const problemText = useProblemText();
  const readingText = useReadingText();
  if (!preview.ok) {
    return (
      <p className="field-error layout-preview" role="alert">
        {problemText(preview.problem)}
      </p>
    );
  }
  const { layout, sample, reading } = preview;
  return (
    <div className="layout-preview">
      <p className="muted">
        {t('settings.scale.structure', {
          prefix: layout.prefix,
          kind: layout.length === 13 ? 'EAN-13' : 'UPC-A',
          product: layout.product.length,
          value:
            layout.value.kind === 'weight'
              ? t('settings.scale.weightDigits', { count: layout.value.length })
              : t('settings.scale.priceDigits', {
                  count: layout.value.length,
                  decimals: layout.priceDecimals,
                }),
        })}
      </p>
      <p>
        {t('settings.scale.example')} <code className="mono sample-label">{sample}</code> →{' '}
        <strong>{readingText(reading)}</strong>
      </p>
    </div>
  );
}
