/**
 * The longest request id the parser accepts. Lambda's are 36-character UUIDs, docs and test ids
 * shorter (FORMATS.md §1.2); a longer "id" is a corrupted or forged line. Stored ones are indexed,
 * and PostgreSQL refuses an index entry past 2,704 bytes: one such id would fail its whole batch.
 */
export const MAX_REQUEST_ID_LENGTH = 256;

/**
 * A request id as written, or undefined when the line has none: Node writes the literal `undefined`
 * and Python an empty column for output produced during Init (FORMATS.md §9.7); or when it is
 * longer than MAX_REQUEST_ID_LENGTH.
 */
export function readRequestId(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === 'undefined' || value.length > MAX_REQUEST_ID_LENGTH) return undefined;
  return value;
}
