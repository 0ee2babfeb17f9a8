import Link from 'next/link';

const links = [
  { href: '/alerts', label: 'Now and history' },
  { href: '/alerts/rules', label: 'Rules' },
  { href: '/alerts/channels', label: 'Channels' },
] as const;

/** Between the alerting pages. */
export function AlertsNav({ current }: { current: (typeof links)[number]['href'] }) {
  return (
    <nav className="segmented" aria-label="Alerting">
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? 'true' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
