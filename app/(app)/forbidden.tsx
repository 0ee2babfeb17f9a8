import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="empty card" role="alert">
      <strong>Not allowed.</strong>
      This page is for admins: they manage the team, API tokens and the audit log. <Link href="/">Back to the functions</Link>.
    </div>
  );
}
