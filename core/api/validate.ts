import type { z } from 'zod';
import { failure, ok, type Result } from './result';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** "lines.0.quantity", or "(input)" for the whole payload. */
function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(input)' : path.map(String).join('.');
}

/**
 * Checks a payload against a channel's schema before any handler runs. A bad
 * payload becomes VALIDATION with every field path at fault, and nothing else
 * happens.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    path: pathText(issue.path),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return failure('VALIDATION', `Invalid input: ${summary}${more}`, { issues });
}
