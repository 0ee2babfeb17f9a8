/**
 * An ILIKE / LIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally
 * (backslash is Postgres's default escape character). Pure.
 */
export function toContainsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
