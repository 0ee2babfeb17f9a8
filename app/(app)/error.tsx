'use client';

/** Any page's failure: what happened, in words, and a way to try again — never a blank page. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <h1 style={{ fontSize: '1.2rem', marginTop: 0 }}>This page could not be shown</h1>
      <p>
        {error.message && !error.digest ? error.message : 'The server hit an error; it has been logged.'}
        {error.digest ? <span className="hint"> (reference {error.digest})</span> : null}
      </p>
      <button type="button" className="btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
