import type { ErrorInfo } from '../../../../core/errors';
import { fieldErrors } from '../../api/field-errors';
import { t } from '../../i18n';
import { errorMessage } from '../../i18n/errors';

/**
 * An API error spread over the fields a form shows, in the UI language.
 * Whatever cannot be pinned to one of `fields` goes under "_form", so no error
 * is ever invisible; schema issues also say so under the form, since the
 * field at fault may be one the dialog does not show.
 */
export function formErrors(error: ErrorInfo, fields: readonly string[]): Record<string, string> {
  const details = (error.details ?? {}) as { issues?: unknown[] };
  const hasIssues = Array.isArray(details.issues) && details.issues.length > 0;
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    if (fields.includes(path)) out[path] = message;
    else if (!hasIssues) out._form ??= message;
  }
  if (hasIssues) out._form = t('sales.form.checkData');
  if (Object.keys(out).length === 0) out._form = errorMessage(error);
  return out;
}
