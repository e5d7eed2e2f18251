import type { ImportIssue } from '../../../../core/api/model';
import { t, tryT } from '../../i18n';

/**
 * An import problem in the UI language. The report's message is the API's
 * developer text; the reason code and the column are what we translate.
 */
export function issueText(issue: ImportIssue): string {
  const params = { field: issue.field ?? '' };
  return (
    tryT(`products.import.reasons.${issue.reason}`, params) ??
    tryT(`errors.reasons.${issue.reason}`, params) ??
    tryT(`errors.codes.${issue.reason}`, { detail: issue.field ?? '' }) ??
    t('products.import.reasons.OTHER', params)
  );
}

/** Reads a chosen file as UTF-8 text, reporting progress from 0 to 1. */
export function readFileText(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      onProgress(1);
      resolve(String(reader.result ?? ''));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'UTF-8');
  });
}
