import Link from 'next/link';

const links = [
  { href: '/settings/members', label: 'Team' },
  { href: '/settings/tokens', label: 'API tokens' },
  { href: '/settings/audit', label: 'Audit log' },
] as const;

/** Between the admin pages (shown to admins only: the pages render it after their role check). */
export function AdminNav({ current }: { current: (typeof links)[number]['href'] }) {
  return (
    <nav className="segmented" aria-label="Administration">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? 'true' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
