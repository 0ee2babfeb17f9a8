'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

/** Ends this session (next-auth revokes its row) and lands on the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        signOut({ callbackUrl: '/signin' }).catch(() => setBusy(false));
      }}
    >
      Sign out
    </button>
  );
}
