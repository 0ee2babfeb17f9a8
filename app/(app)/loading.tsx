/** Shown while a page's data loads: the shape of what is coming, not a blank page. */
export default function Loading() {
  return (
    <div className="stack" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">Loading…</span>
      <div className="skeleton" style={{ height: '2rem', width: '40%' }} />
      <div className="grid">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="card">
            <div className="skeleton" style={{ height: '14rem' }} />
          </div>
        ))}
      </div>
    </div>
  );
}
