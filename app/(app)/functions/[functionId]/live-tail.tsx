'use client';

import { useEffect, useRef, useState } from 'react';
import { LogLines } from '../../../components/log-lines';

type TailLine = { timestamp: string; kind: string; message: string; requestId: string | null };
type TailAnswer = { lines: TailLine[]; cursor: string };

const POLL_MS = 2_000;
const KEEP_LINES = 500;

/** The function's newest log lines, appended every 2 s from /api/v1; pausable, and says when it cannot reach the server. */
export function LiveTail({ functionId }: { functionId: number }) {
  const [lines, setLines] = useState<TailLine[]>([]);
  const [paused, setPaused] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cursor = useRef<string | null>(null);

  useEffect(() => {
    if (paused) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const query = new URLSearchParams({ limit: '200', ...(cursor.current ? { after: cursor.current } : {}) });
        const response = await fetch(`/api/v1/functions/${functionId}/logs?${query.toString()}`, { cache: 'no-store' });
        const body = (await response.json()) as TailAnswer | { error: { message: string } };
        if (cancelled) return;
        if (!response.ok || 'error' in body) throw new Error('error' in body ? body.error.message : `HTTP ${response.status}`);
        cursor.current = body.cursor;
        setError(null);
        if (body.lines.length > 0) setLines((current) => [...current, ...body.lines].slice(-KEEP_LINES));
      } catch (caught) {
        if (!cancelled) setError((caught as Error).message);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [functionId, paused]);

  return (
    <section className="card" aria-labelledby="tail-heading">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="tail-heading" style={{ margin: 0 }}>
          Live tail <span className="hint">(last 15 minutes, newest at the bottom)</span>
        </h2>
        <button type="button" onClick={() => setPaused((value) => !value)} aria-pressed={paused}>
          {paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
      </div>
      {error ? (
        <p className="notice notice-error" role="status">
          Cannot reach the server for new lines: {error}. Retrying every {POLL_MS / 1000} s.
        </p>
      ) : null}
      <div aria-live="polite" aria-atomic="false">
        {lines.length === 0 ? <p className="hint">{paused ? 'Paused.' : 'Waiting for log lines…'}</p> : <LogLines lines={lines} />}
      </div>
    </section>
  );
}
