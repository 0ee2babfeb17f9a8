/** `[INVOKE, SHUTDOWN]`, `[INVOKE,SHUTDOWN]` or `[]` as its items; spacing and order vary (FORMATS.md §1.7). */
export function parseBracketList(value: string): string[] {
  const inner = value.startsWith('[') ? value.slice(1, value.endsWith(']') ? -1 : undefined) : value;
  const items: string[] = [];
  for (const item of inner.split(',')) {
    const trimmed = item.trim();
    if (trimmed !== '') items.push(trimmed);
  }
  return items;
}
