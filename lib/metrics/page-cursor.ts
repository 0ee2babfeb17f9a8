import { z } from 'zod';
import { AppError } from '../errors';

/**
 * A keyset position as an opaque string (base64url of a JSON tuple): clients pass it back
 * unchanged and never build one, so its layout can change without breaking them.
 */
export function encodePageCursor(position: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor holds; anything this module did not hand out is an AppError('validation') naming `field`. */
export function decodePageCursor<T>(cursor: string, schema: z.ZodType<T>, field: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new AppError('validation', `${field}: not a cursor this list handed out`, field);
  return result.data;
}
