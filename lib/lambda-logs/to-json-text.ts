/**
 * A parsed JSON value written back as JSON text, or null when it cannot be: JSON.parse reads any
 * depth, but JSON.stringify recurses, so a value nested a few thousand levels deep (a fuzzed or
 * hostile log line) overflows the stack. Callers treat null as "not understood".
 */
export function toJsonText(value: unknown): string | null {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}
