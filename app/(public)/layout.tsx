import type { ReactNode } from 'react';

/** Pages reachable signed out (sign-in, first-run setup, accepting an invitation): one narrow column. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="page-narrow">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          λ
        </span>
        Lambdascope
      </p>
      {children}
    </main>
  );
}
