import { z } from 'zod';

/** `Marker` and `MaxItems` of a Lambda list operation; `max` is the model's bound for MaxItems. */
export function pagingMembers(max: number) {
  return {
    Marker: z.string().optional(),
    MaxItems: z.coerce
      .number()
      .int()
      .min(1, 'Member must have value greater than or equal to 1')
      .max(max, `Member must have value less than or equal to ${max}`)
      .optional(),
  };
}

/** Lambda answers at most 50 items a page whatever MaxItems asks for. */
export function pageSize(maxItems: number | undefined): number {
  return Math.min(maxItems ?? 50, 50);
}
