import type { ErrorInfo } from '../../../core/errors';
import { t, tryT } from '../i18n';
import { errorMessage, reasonParams } from '../i18n/errors';

/** The screens whose messages carry a `validation.reasons` section of their own. */
export type FormModule = 'products' | 'customers' | 'settings';

interface Issue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly reason?: string;
}

/** zod's issue codes in the UI language (its own messages are for developers, in English). */
function issueText(issue: Issue): string {
  // The schemas say "is required" for an empty required field, whatever the check.
  if (issue.message === 'is required') return t('common.validation.required');
  if (issue.reason === 'CONTROL_CHARACTERS') return t('common.validation.controlCharacters');
  switch (issue.code) {
    case 'too_small':
      return t('common.validation.tooSmall');
    case 'too_big':
      return t('common.validation.tooLarge');
    case 'invalid_format':
      return t('common.validation.invalidFormat');
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      return t('common.validation.invalidValue');
    default:
      return t('common.validation.check');
  }
}

/** A domain error's sentence: the screen's own words for its reason, else the shared ones. */
export function reasonText(error: ErrorInfo, module?: FormModule): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : error.code;
  return (
    (module && tryT(`${module}.validation.reasons.${reason}`, reasonParams(details))) ||
    errorMessage(error)
  );
}

/**
 * Spreads an API error over a form's fields, in the UI language: zod issues
 * by path, or a domain error's details.path ("barcodes.2" also marks
 * "barcodes"). What cannot be pinned to a field goes under "_form".
 */
export function fieldErrors(error: ErrorInfo, module?: FormModule): Record<string, string> {
  const details = (error.details ?? {}) as { issues?: Issue[]; path?: unknown[] };
  const out: Record<string, string> = {};
  if (Array.isArray(details.issues) && details.issues.length > 0) {
    for (const issue of details.issues) out[issue.path] ??= issueText(issue);
    return out;
  }
  if (Array.isArray(details.path) && details.path.length > 0) {
    const message = reasonText(error, module);
    out[details.path.map(String).join('.')] = message;
    out[String(details.path[0])] ??= message;
    return out;
  }
  out._form = reasonText(error, module);
  return out;
}
