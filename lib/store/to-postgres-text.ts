/* eslint-disable no-control-regex -- NUL is exactly what these patterns look for */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/;
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL can hold: it refuses NUL in any text value, and a lone UTF-16 surrogate cannot
 * be encoded. Both become U+FFFD, so a line carrying them is still stored rather than failing its
 * whole batch forever. Paired surrogates (emoji and the like) are kept.
 */
export function toPostgresText(text: string): string {
  if (!UNSTORABLE.test(text)) return text;
  return text.replace(NUL_OR_LONE_SURROGATE, '\uFFFD');
}
