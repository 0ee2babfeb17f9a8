/**
 * PutLogEvents' (deprecated, ignored) sequence token: 56 digits like AWS's, derived from the
 * stream's newest seq so it changes with every batch and survives restarts.
 */
export function formatSequenceToken(lastSeq: number): string {
  return `4${String(lastSeq + 1).padStart(55, '0')}`;
}
