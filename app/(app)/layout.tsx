import type { ReactNode } from 'react';
import { TopBar } from '@/app/components/top-bar';
import { requirePageViewer } from '@/lib/auth/require-page-viewer';

/** Every signed-in page: the guard's viewer (signed out, it redirects), the top bar, the content. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requirePageViewer();
  return (
    <>
      <TopBar viewer={viewer} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
