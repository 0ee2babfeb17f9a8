/**
 * Prepares an operation's output for awsJson1.0: timestamps become epoch seconds (the protocol's
 * default timestamp format), everything else is left for JSON.stringify.
 */
export function toJsonWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJsonWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, toJsonWire(member)]));
  }
  return value;
}
