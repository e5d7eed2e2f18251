import type { ImportIssue } from '../../../../core/api/model';
import { DomainError } from '../../../../core/errors';
import { t, tryT } from '../../i18n';
import { typedNumberHint } from '../../i18n/typed-number';

/**
 * An import problem in the UI language. The report's message is the API's
 * developer text; the reason code and the column are what we translate.
 */
export function issueText(issue: ImportIssue): string {
  const params = { field: issue.field ?? '' };
  // A number refused by the shared parser: the hint a typed field gives ("for thousands write 1234").
  if (issue.details && typeof issue.details.example === 'string') {
    // The column is shown beside it; the hint says how to write the number.
    return typedNumberHint(
      new DomainError('VALIDATION', issue.message, { ...issue.details, reason: issue.reason }),
    );
  }
  return (
    tryT(`products.import.reasons.${issue.reason}`, params) ??
    tryT(`errors.reasons.${issue.reason}`, params) ??
    tryT(`errors.codes.${issue.reason}`, { detail: issue.field ?? '' }) ??
    t('products.import.reasons.OTHER', params)
  );
}

/**
 * Reads a chosen file's bytes, reporting progress from 0 to 1, as base64 for
 * products.import: the main process finds the encoding (Excel writes
 * Windows-1252 or UTF-16 as often as UTF-8), so the page never decodes it.
 */
export function readFileBase64(
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      onProgress(1);
      resolve(toBase64(new Uint8Array(reader.result as ArrayBuffer)));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
