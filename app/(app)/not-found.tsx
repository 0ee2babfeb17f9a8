import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="empty card">
      <strong>Nothing here.</strong>
      The page or the item you asked for does not exist (any more). <Link href="/">Back to the functions</Link>.
    </div>
  );
}
