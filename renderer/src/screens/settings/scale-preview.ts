import {
  decodeScaleBarcode,
  gtinCheckDigit,
  parseScaleLayout,
  type ScaleLayout,
  type ScaleReading,
} from '../../../../core/barcode';
import { DomainError } from '../../../../core/errors';

/** Why a layout is refused, as a key of settings.scale.problems. */
export type LayoutProblem =
  | { readonly kind: 'length'; readonly count: number }
  | { readonly kind: 'letters' }
  | { readonly kind: 'check' }
  | { readonly kind: 'prefix' }
  | { readonly kind: 'digitsInside' }
  | { readonly kind: 'together'; readonly letter: string }
  | { readonly kind: 'product' }
  | { readonly kind: 'value' }
  | { readonly kind: 'decimals' }
  | { readonly kind: 'invalid' };

/**
 * core's parseScaleLayout is the judge; it explains itself in English for
 * developers, so its sentence is mapped to a problem the UI can say in its
 * own language. (Tested, so a reworded core message shows up as a failure.)
 */
export function problemOf(error: unknown): LayoutProblem {
  const message = error instanceof Error ? error.message : '';
  const positions = /has (\d+) positions/.exec(message);
  if (positions) return { kind: 'length', count: Number(positions[1]) };
  const together = /must keep its (\S) positions together/.exec(message);
  if (together) return { kind: 'together', letter: together[1]! };
  if (message.includes('may only use digits')) return { kind: 'letters' };
  if (message.includes('must end with one C')) return { kind: 'check' };
  if (message.includes('must start with the scale prefix')) return { kind: 'prefix' };
  if (message.includes('may only have digits at the start')) return { kind: 'digitsInside' };
  if (message.includes('needs P positions')) return { kind: 'product' };
  if (message.includes('needs either W')) return { kind: 'value' };
  if (message.includes('decimals')) return { kind: 'decimals' };
  return { kind: 'invalid' };
}

/** The sample a preview encodes: product 12345…, 1.250 kg or a price of 12.90. */
const SAMPLE_PRODUCT = '1234567890';
const SAMPLE_GRAMS = 1250;
const SAMPLE_PRICE_CENTS = 1290;

function sampleValue(layout: ScaleLayout): string {
  const { kind, length } = layout.value;
  const value =
    kind === 'weight'
      ? SAMPLE_GRAMS
      : Math.round(SAMPLE_PRICE_CENTS * 10 ** (layout.priceDecimals - 2));
  return String(value).padStart(length, '0').slice(-length);
}

/** A label the layout would print for the sample, with a correct check digit. */
export function sampleLabel(layout: ScaleLayout): string {
  const positions = layout.pattern.replace(/\s+/g, '').toUpperCase();
  const value = sampleValue(layout);
  const product = SAMPLE_PRODUCT.slice(0, layout.product.length).padStart(
    layout.product.length,
    '0',
  );
  let body = '';
  for (let i = 0; i < positions.length - 1; i++) {
    const c = positions[i]!;
    if (/\d/.test(c)) body += c;
    else if (c === 'P') body += product[i - layout.product.start];
    else if (c === 'W' || c === '$') body += value[i - layout.value.start];
    else body += '0';
  }
  return body + String(gtinCheckDigit(body));
}

export type LayoutPreview =
  | {
      readonly ok: true;
      readonly layout: ScaleLayout;
      readonly sample: string;
      readonly reading: ScaleReading;
    }
  | { readonly ok: false; readonly problem: LayoutProblem };

/** Checks a layout with core and decodes a sample label with it. */
export function previewLayout(pattern: string, priceDecimals: number): LayoutPreview {
  let layout: ScaleLayout;
  try {
    layout = parseScaleLayout(pattern, priceDecimals);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, problem: problemOf(error) };
    throw error;
  }
  const sample = sampleLabel(layout);
  return { ok: true, layout, sample, reading: decodeScaleBarcode(sample, [layout]) };
}

export type LabelTest =
  | { readonly ok: true; readonly reading: ScaleReading }
  | { readonly ok: false; readonly code: string; readonly expected?: number };

/** Decodes a label typed by the user with the layouts on screen, as the till would. */
export function testLabel(code: string, layouts: readonly ScaleLayout[]): LabelTest {
  try {
    return { ok: true, reading: decodeScaleBarcode(code.trim(), layouts) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const expected = error.details?.expected;
    return {
      ok: false,
      code: error.code,
      ...(typeof expected === 'number' ? { expected } : {}),
    };
  }
}
