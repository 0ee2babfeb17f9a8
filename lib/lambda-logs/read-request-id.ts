/**
 * A request id as written, or undefined when the line has none: Node writes the literal `undefined`
 * and Python an empty column for output produced during Init (FORMATS.md §9.7).
 */
export function readRequestId(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value === 'undefined') return undefined;
  return value;
}
