import { DomainError } from './errors';

/**
 * Document numbering. A series belongs to one register and one document type,
 * and its correlative is assigned inside the sale transaction, so two tills
 * never collide even offline (each has its own series).
 */
export const DOCUMENT_TYPES = ['TICKET', 'BOLETA', 'FACTURA', 'NOTA_CREDITO'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * - PE: `B001-00000123`: a 4-character series, "-", a correlative of up to 8 digits.
 * - AR: `00001-00000084`: a 5-digit point of sale and an 8-digit number, with an
 *   optional voucher-type prefix: `PRES-00001-00000084`.
 * - CO: `POS1000123`: a prefix of up to 4 characters and the bare consecutive.
 * - GENERIC: series, "-", the number padded to `width` digits.
 */
export type NumberingFormat =
  | { readonly kind: 'PE' }
  | { readonly kind: 'AR'; readonly typePrefix?: string }
  | { readonly kind: 'CO' }
  | { readonly kind: 'GENERIC'; readonly width: number };

interface FormatRule {
  readonly series: RegExp;
  readonly seriesHint: string;
  readonly maxCorrelative: number;
}

function ruleFor(format: NumberingFormat): FormatRule {
  switch (format.kind) {
    case 'PE':
      return {
        series: /^[A-Z0-9]{4}$/,
        seriesHint: '4 letters or digits, like B001',
        maxCorrelative: 99_999_999,
      };
    case 'AR':
      return {
        series: /^\d{5}$/,
        seriesHint: 'a 5-digit point of sale, like 00001',
        maxCorrelative: 99_999_999,
      };
    case 'CO':
      return {
        series: /^[A-Z0-9]{0,4}$/,
        seriesHint: 'up to 4 letters or digits, like POS',
        maxCorrelative: 9_999_999_999,
      };
    case 'GENERIC':
      return {
        series: /^[A-Z0-9]{1,10}$/,
        seriesHint: '1 to 10 letters or digits',
        maxCorrelative: 10 ** Math.min(Math.max(format.width, 1), 15) - 1,
      };
  }
}

/** Throws VALIDATION with a hint when a series does not fit the format. */
export function validateSeries(format: NumberingFormat, series: string): void {
  const rule = ruleFor(format);
  if (!rule.series.test(series)) {
    throw new DomainError(
      'VALIDATION',
      `Series "${series}" is not valid here: use ${rule.seriesHint}`,
      {
        reason: 'INVALID_SERIES',
        series,
        format: format.kind,
      },
    );
  }
}

/** The highest correlative a series of this format can reach. */
export function maxCorrelative(format: NumberingFormat): number {
  return ruleFor(format).maxCorrelative;
}

export function formatDocumentNumber(
  format: NumberingFormat,
  series: string,
  correlative: number,
): string {
  validateSeries(format, series);
  const max = maxCorrelative(format);
  if (!Number.isSafeInteger(correlative) || correlative < 1 || correlative > max) {
    throw new DomainError(
      'INVALID_STATE',
      `Correlative ${correlative} is outside 1–${max} for series ${series}`,
      {
        reason: 'SERIES_EXHAUSTED',
        series,
        correlative,
        max,
      },
    );
  }
  const number = String(correlative);
  switch (format.kind) {
    case 'PE':
      return `${series}-${number.padStart(8, '0')}`;
    case 'AR': {
      const core = `${series}-${number.padStart(8, '0')}`;
      return format.typePrefix ? `${format.typePrefix}-${core}` : core;
    }
    case 'CO':
      return `${series}${number}`;
    case 'GENERIC':
      return `${series}-${number.padStart(format.width, '0')}`;
  }
}

/** The correlative after `current` (0 for a series never used), refusing to overflow. */
export function nextCorrelative(format: NumberingFormat, series: string, current: number): number {
  const next = current + 1;
  formatDocumentNumber(format, series, next); // throws SERIES_EXHAUSTED past the maximum
  return next;
}
