import type { z } from 'zod';
import { AwsError } from './aws-error';

/**
 * Parses an operation's input with zod and, on failure, answers as AWS's front end does:
 * `ValidationException: 1 validation error detected: Value 'x' at 'memorySize' failed to satisfy constraint: …`.
 */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const details = issues.map((issue) => {
    const path = issue.path.map((part) => lowerFirst(String(part))).join('.');
    const value = valueAt(input, issue.path);
    const shown = value === undefined ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
    return `Value ${shown} at '${path}' failed to satisfy constraint: ${issue.message}`;
  });
  const count = `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: `;
  const first = issues[0]?.path[0];
  return throwValidation(count + details.join('; '), first === undefined ? undefined : String(first));
}

function throwValidation(message: string, field: string | undefined): never {
  throw new AwsError('ValidationException', message, { status: 400, fields: field ? { field } : {} });
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The member of `input` a zod issue's path points at (undefined when absent). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
