import Link from 'next/link';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export type TopBarViewer = { name: string; email: string; role: 'admin' | 'editor' | 'viewer' };

/** The bar on every signed-in page: navigation (with how many alerts fire), the search box (request id, trace id or text), theme, account. */
export async function TopBar({ viewer }: { viewer: TopBarViewer }) {
  const firing = await (await getWebPrisma()).alertState.count({ where: { state: 'firing' } });
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          λ
        </span>
        Lambdascope
      </Link>
      <nav className="nav" aria-label="Main">
        <Link href="/">Functions</Link>
        <Link href="/alerts">
          Alerts
          {firing > 0 ? (
            <>
              {' '}
              <span className="badge badge-bad">
                {firing}
                <span className="visually-hidden"> firing</span>
              </span>
            </>
          ) : null}
        </Link>
        <Link href="/settings/sources">Sources</Link>
        {viewer.role === 'admin' ? <Link href="/settings/members">Team</Link> : null}
        <Link href="/settings/account">Account</Link>
      </nav>
      <form className="topbar-search" role="search" action="/search" method="get">
        <label htmlFor="global-search" className="visually-hidden">
          Search by request ID, X-Ray trace ID or log text
        </label>
        <input id="global-search" name="q" type="search" placeholder="Request ID, trace ID or log text…" autoComplete="off" />
      </form>
      <div className="topbar-end">
        <span className="muted" title={viewer.email}>
          {viewer.name} <span className="badge">{viewer.role}</span>
        </span>
        <ThemeToggle />
        <SignOutButton />
      </div>
    </header>
  );
}
