import { AppError } from '../errors';

/** A page size a list accepts: a whole number from 1 to `max`, else an AppError('validation') on `limit`. */
export function requirePageLimit(limit: number, max: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new AppError('validation', `limit: must be a whole number from 1 to ${max} (got ${limit})`, 'limit');
  }
  return limit;
}
