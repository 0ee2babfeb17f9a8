const DAY_MS = 86_400_000;

/**
 * The oldest timestamp a group still shows. Retention is enforced lazily: reads start here
 * (binary search), and compaction drops what lies before it.
 */
export function findRetentionCutoff(group: { retentionInDays: number | undefined }, now: number): number {
  return group.retentionInDays === undefined ? Number.NEGATIVE_INFINITY : now - group.retentionInDays * DAY_MS;
}
