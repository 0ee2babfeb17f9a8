import type { z } from 'zod';
import { invalidNextToken } from './logs-errors';

/*
 * Opaque nextToken for DescribeLogGroups, DescribeLogStreams and FilterLogEvents: base64url JSON
 * of where the page stopped, so the next call resumes by binary search instead of re-walking
 * what it already returned.
 */

export function encodePageToken(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Throws InvalidParameterException for anything this emulator did not issue. */
export function decodePageToken<T extends z.ZodType>(schema: T, token: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidNextToken();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidNextToken();
  return parsed.data;
}
