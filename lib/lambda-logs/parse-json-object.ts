export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `\u0000` escape or an escaped surrogate (`\ud800`…`\udfff`), paired or not: the escapes that may decode to ill-formed text. */
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
/* eslint-disable-next-line no-control-regex -- NUL is exactly what this pattern looks for */
const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as a JSON object, or null. JSON.parse throws on anything not JSON, so it is guarded
 * here and only reached when the text at least ends like an object.
 *
 * Escapes can put into a decoded string what the message itself never holds once stored (NUL and
 * lone surrogates, which PostgreSQL text refuses: lib/store/to-postgres-text.ts): a request id of
 * `"\u0000"` would fail its whole batch, every poll. Decoded strings get U+FFFD in their place, as
 * the message does; the reviver runs only when the text has such an escape.
 */
export function parseJsonObject(text: string): JsonObject | null {
  let last = text.length - 1;
  while (last > 0 && text.charCodeAt(last) <= 32) last -= 1;
  if (text.charCodeAt(last) !== 125) return null;
  let value: unknown;
  try {
    value = text.includes('\\u') && RISKY_ESCAPE.test(text) ? JSON.parse(text, wellFormed) : JSON.parse(text);
  } catch {
    return null;
  }
  return isJsonObject(value) ? value : null;
}

function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(NUL_OR_LONE_SURROGATE, '\uFFFD') : value;
}
