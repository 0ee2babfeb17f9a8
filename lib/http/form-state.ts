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
