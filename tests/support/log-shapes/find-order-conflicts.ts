export type OrderCheck = {
  /** Pairs written as `[a, b]` while every reference holding both has `b` before `a`. */
  conflicts: Array<[string, string]>;
  /** Pairs no reference holds together: their relative order cannot be checked against real lines. */
  unverified: Array<[string, string]>;
  /** Keys no reference has at all. */
  unknown: string[];
};

/**
 * Compares the order of `keys` with the orders seen in real lines. A pair passes when at least one
 * real line has it in the same order (real producers differ, e.g. RIE prints Init Duration first).
 */
export function findOrderConflicts(keys: readonly string[], references: ReadonlyArray<readonly string[]>): OrderCheck {
  const check: OrderCheck = { conflicts: [], unverified: [], unknown: [] };
  keys.forEach((first, index) => {
    if (!references.some((reference) => reference.includes(first))) check.unknown.push(first);
    for (const second of keys.slice(index + 1)) {
      const together = references.filter((reference) => reference.includes(first) && reference.includes(second));
      if (together.length === 0) check.unverified.push([first, second]);
      else if (!together.some((reference) => reference.indexOf(first) < reference.indexOf(second))) check.conflicts.push([first, second]);
    }
  });
  return check;
}
