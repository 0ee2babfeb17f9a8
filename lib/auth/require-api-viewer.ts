import { AppError } from '../errors';
import { findRequestViewer } from './find-request-viewer';
import { requireRole } from './require-role';
import type { Role } from './role';
import type { Viewer } from './viewer';

/**
 * For route handlers: the viewer of this request, with at least `minimumRole`; else throws
 * AppError('unauthorized') (nobody proven) or AppError('forbidden') (role too low) for errorResponse.
 */
export async function requireApiViewer(request: Request, minimumRole: Role = 'viewer'): Promise<Viewer> {
  const viewer = await findRequestViewer(request.headers);
  if (!viewer) throw new AppError('unauthorized', 'Sign in, or send an API token: Authorization: Bearer <token>.');
  requireRole(viewer, minimumRole, `${request.method} ${new URL(request.url).pathname}`);
  return viewer;
}
