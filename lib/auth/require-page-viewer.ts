import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { findRequestViewer } from './find-request-viewer';
import { roleAtLeast, type Role } from './role';
import type { Viewer } from './viewer';

/** The viewer of the page being rendered, or null; resolved once per request however many components ask. */
export const findPageViewer = cache(async (): Promise<Viewer | null> => findRequestViewer(await headers()));

/**
 * For pages, layouts and server actions: the signed-in viewer, else a redirect to /signin. The proxy
 * has already sent signed-out visitors there; this is defence in depth, and how a page learns the role.
 */
export async function requirePageViewer(): Promise<Viewer> {
  const viewer = await findPageViewer();
  if (!viewer) redirect('/signin');
  return viewer;
}

/**
 * For pages only some roles may see: anyone else gets the Not-allowed page (app/(app)/forbidden.tsx)
 * instead of the page. Its HTTP status stays 200 once the layout has streamed; the API answers 403.
 */
export async function requirePageRole(minimum: Role): Promise<Viewer> {
  const viewer = await requirePageViewer();
  if (!roleAtLeast(viewer.role, minimum)) forbidden();
  return viewer;
}
