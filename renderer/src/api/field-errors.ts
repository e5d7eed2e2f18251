import type { ErrorInfo } from '../../../core/errors';
import { t } from '../i18n';
import { errorMessage } from '../i18n/errors';

interface Issue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** zod's issue codes in the UI language (its own messages are for developers, in English). */
function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.message === 'is required'
        ? t('common.validation.required')
        : t('common.validation.tooSmall');
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

/**
 * Spreads an API error over a form's fields, in the UI language: zod issues
 * by path, or a domain error's details.path. What cannot be pinned to a field
 * goes under "_form".
 */
export function fieldErrors(error: ErrorInfo): Record<string, string> {
  const details = (error.details ?? {}) as { issues?: Issue[]; path?: unknown[] };
  const out: Record<string, string> = {};
  if (Array.isArray(details.issues) && details.issues.length > 0) {
    for (const issue of details.issues) out[issue.path] ??= issueText(issue);
    return out;
  }
  if (Array.isArray(details.path) && details.path.length > 0) {
    out[details.path.map(String).join('.')] = errorMessage(error);
    return out;
  }
  out._form = errorMessage(error);
  return out;
}
