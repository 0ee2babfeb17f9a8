import { ZodError } from 'zod';
import { AppError } from '../errors';

/**
 * The one way an error becomes an HTTP response: `{ "error": { "code", "message", "field"? } }`.
 * A ZodError is a validation failure naming its first bad field; anything unexpected is logged and
 * answered 500 without its internals.
 */
export function errorResponse(error: unknown): Response {
  const known = toAppError(error);
  if (known.code === 'internal') console.error(error);
  return Response.json(known.toBody(), { status: known.status, headers: { 'cache-control': 'no-store' } });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return new AppError('validation', `${field ?? 'input'}: ${issue?.message ?? 'is invalid'}`, field);
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged.');
}
