/**
 * Whether `shape` equals `reference`, where a `<masked>` in the reference (a value the source's
 * author replaced by `XXXX`) stands for any one placeholder.
 */
export function matchesShape(shape: string, reference: string): boolean {
  const pattern = reference
    .split('<masked>')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('<[a-z]+>');
  return new RegExp(`^${pattern}$`).test(shape);
}
