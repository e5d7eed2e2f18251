import type { ErrorInfo } from '../../../core/errors';
import { errorMessage } from '../i18n/errors';

/**
 * Spreads an API error over a form's fields: zod issues by path, or a domain
 * error's details.path. What cannot be pinned to a field goes under "_form".
 */
export function fieldErrors(error: ErrorInfo): Record<string, string> {
  const details = (error.details ?? {}) as {
    issues?: { path: string; message: string }[];
    path?: unknown[];
  };
  const out: Record<string, string> = {};
  if (Array.isArray(details.issues) && details.issues.length > 0) {
    for (const issue of details.issues) out[issue.path] ??= issue.message;
    return out;
  }
  if (Array.isArray(details.path) && details.path.length > 0) {
    out[details.path.map(String).join('.')] = errorMessage(error);
    return out;
  }
  out._form = errorMessage(error);
  return out;
}
