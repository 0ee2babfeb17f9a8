import { toAppError } from './error-response';

/**
 * What a server action hands back to its form: nothing yet, an error in the one error shape's words,
 * or done (with a secret to show once, such as a new API token or an invitation link).
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; message: string; field?: string }
  | { status: 'done'; message: string; secret?: string; secretLabel?: string };

export const idleFormState: FormState = { status: 'idle' };

/** Any error as a form's error state, through the same translation as errorResponse (internals logged, not shown). */
export function toFormError(error: unknown): FormState {
  const known = toAppError(error);
  if (known.code === 'internal') console.error(error);
  return { status: 'error', message: known.message, ...(known.field === undefined ? {} : { field: known.field }) };
}

/** A form field's text, or undefined when blank: a blank optional field means "not given". */
export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The fields that were given, for a schema whose optional fields must be absent rather than undefined. */
export function withoutUndefined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
