import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { findRequestViewer } from './find-request-viewer';
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
