export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The text as a JSON object, or null. JSON.parse is the parser's only call that can throw, so it
 * is guarded here and only reached when the text at least ends like an object.
 */
export function parseJsonObject(text: string): JsonObject | null {
  let last = text.length - 1;
  while (last > 0 && text.charCodeAt(last) <= 32) last -= 1;
  if (text.charCodeAt(last) !== 125) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return isJsonObject(value) ? value : null;
}
