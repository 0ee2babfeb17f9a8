import { minimumRoleToChange, type ChangeArea } from './can-change';
import { requireRole } from './require-role';
import type { Viewer } from './viewer';

/** Throws AppError('forbidden') unless the viewer may change `area` (see canChange). Every mutation in lib/ calls it. */
export function requireChange(viewer: Pick<Viewer, 'role'>, area: ChangeArea): void {
  requireRole(viewer, minimumRoleToChange[area], `changing ${area}`);
}
