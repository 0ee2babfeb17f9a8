/**
 * Binary search over a monotone predicate: the first index in [0, length) where `isBefore` turns
 * false (length when it never does). Every sorted lookup in the Logs store goes through this.
 */
export function findFirstIndex(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
