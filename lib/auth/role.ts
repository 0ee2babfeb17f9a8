import { z } from 'zod';

/** Lowest first: each role can do everything the ones before it can. */
export const roles = ['viewer', 'editor', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** True when `role` is `minimum` or above it (admin > editor > viewer). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(minimum);
}
