import { AppError } from '../errors';
import { roleAtLeast, type Role } from './role';
import type { Viewer } from './viewer';

/** Throws AppError('forbidden') unless the viewer has `minimum` or above; `doing` says what was refused. */
export function requireRole(viewer: Pick<Viewer, 'role'>, minimum: Role, doing = 'this'): void {
  if (!roleAtLeast(viewer.role, minimum)) {
    throw new AppError('forbidden', `Not allowed: ${doing} needs the ${minimum} role (yours is ${viewer.role}).`);
  }
}
