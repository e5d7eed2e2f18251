import type { z } from 'zod';
import { failure, ok, type Result } from './result';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
  /** A domain reason a schema check attached (CONTROL_CHARACTERS), for clients to translate. */
  readonly reason?: string;
}

/** "lines.0.quantity", or "(input)" for the whole payload. */
function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(input)' : path.map(String).join('.');
}

/** The params a custom check attached to its issue, if any. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, unknown> {
  return issue.code === 'custom' && issue.params ? issue.params : {};
}

/**
 * Checks a payload against a channel's schema before any handler runs. A bad
 * payload becomes VALIDATION with every field path at fault, and nothing else
 * happens. When the first issue carries a reason, it is lifted into
 * `details` with its field (and params), like a service's own VALIDATION.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
    const { reason } = paramsOf(issue);
    const base = { path: pathText(issue.path), message: issue.message, code: issue.code };
    return typeof reason === 'string' ? { ...base, reason } : base;
  });
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const firstIssue = parsed.error.issues[0];
  const reasoned =
    first?.reason && firstIssue ? { ...paramsOf(firstIssue), field: first.path } : {};
  return failure('VALIDATION', `Invalid input: ${summary}${more}`, { ...reasoned, issues });
}
