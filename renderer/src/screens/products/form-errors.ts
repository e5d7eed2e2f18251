import type { ErrorInfo } from '../../../../core/errors';
import { tryT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { hintText } from '../../i18n/hint-text';

/** The screens whose messages carry a `validation` section this helper reads. */
export type FormModule = 'products' | 'customers' | 'settings';

interface Issue {
  readonly path: string;
  readonly message: string;
  readonly code?: string;
}

/** A zod issue in the UI language: the API's own words are for developers. */
function issueText(module: FormModule, issue: Issue): string {
  const key =
    issue.message === 'is required'
      ? 'required'
      : issue.code === 'too_big'
        ? 'tooLong'
        : issue.code === 'too_small'
          ? 'tooSmall'
          : issue.code === 'invalid_format'
            ? 'format'
            : 'invalid';
  return tryT(`${module}.validation.${key}`) ?? tryT(`${module}.validation.invalid`) ?? key;
}

function paramsOf(details: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  // The profiles' format hints are written in Spanish.
  if (typeof params.hint === 'string') params.hint = hintText(params.hint);
  return params;
}

/** A domain error's sentence: the screen's own reason, the shared reason, or a plain "check this". */
export function reasonText(module: FormModule, error: ErrorInfo): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : error.code;
  const params = paramsOf(details);
  return (
    tryT(`${module}.validation.reasons.${reason}`, params) ??
    tryT(`errors.reasons.${reason}`, params) ??
    (error.code === 'VALIDATION'
      ? (tryT(`${module}.validation.invalid`) ?? errorMessage(error))
      : errorMessage(error))
  );
}

/**
 * Spreads an API error over a form's fields, in the UI language: zod issues by
 * path, a domain error by its details.path, anything else under "_form".
 */
export function formErrors(module: FormModule, error: ErrorInfo): Record<string, string> {
  const details = (error.details ?? {}) as { issues?: Issue[]; path?: unknown[] };
  const out: Record<string, string> = {};
  if (Array.isArray(details.issues) && details.issues.length > 0) {
    for (const issue of details.issues) out[issue.path] ??= issueText(module, issue);
    return out;
  }
  if (Array.isArray(details.path) && details.path.length > 0) {
    out[details.path.map(String).join('.')] = reasonText(module, error);
    // "barcodes.2" also marks the field as a whole.
    const head = String(details.path[0]);
    out[head] ??= out[details.path.map(String).join('.')]!;
    return out;
  }
  out._form = reasonText(module, error);
  return out;
}
