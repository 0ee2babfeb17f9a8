import { z } from 'zod';
import type { PrismaClient } from '../db/create-prisma-client';
import { decodePageCursor, encodePageCursor } from './page-cursor';
import { requirePageLimit } from './require-page-limit';

export type TailLine = {
  timestamp: Date;
  logStreamName: string;
  requestId: string | null;
  kind: string;
  message: string;
  /** Resume after this line. */
  cursor: string;
};

export type LogTail = {
  /** Oldest first: a client appends them. */
  lines: TailLine[];
  /** Pass as `after` on the next poll; the `after` given when nothing new arrived. */
  cursor: string;
};

export type LogTailOptions = {
  functionId: number;
  /** The `cursor` of the previous answer: only lines that arrived since. */
  after?: string;
  limit: number;
  /** Default: the clock. */
  now?: Date;
};

/** A tail shows what is happening now; older lines belong to the request investigation. */
export const TAIL_WINDOW_MS = 15 * 60_000;
export const MAX_TAIL_LINES = 1_000;
const cursorSchema = z.tuple([z.number().int().nonnegative(), z.number().int(), z.string()]);

type Row = {
  timestamp: Date;
  log_stream_name: string;
  request_id: string | null;
  kind: string;
  message: string;
  ingested_at: Date;
  event_id: string;
};

/**
 * A live tail of a function's log lines from the last TAIL_WINDOW_MS (a range the BRIN index on
 * raw_events.timestamp answers cheaply). Lines come in the order they were stored (ingested_at,
 * then their own time): environments flush their logs at different moments, so a line can arrive
 * after a newer one — ordered by arrival, a poll still returns it instead of skipping it. Without
 * `after`, the newest `limit` lines; with it, up to `limit` lines stored after that position.
 * Residual gap: a batch whose transaction began before, but committed after, one already shown.
 */
export async function listLogLines(prisma: PrismaClient, options: LogTailOptions): Promise<LogTail> {
  const limit = requirePageLimit(options.limit, MAX_TAIL_LINES);
  const windowStart = new Date((options.now ?? new Date()).getTime() - TAIL_WINDOW_MS);
  if (options.after === undefined) {
    const newest = await prisma.$queryRaw<Row[]>`
      SELECT "timestamp", log_stream_name, request_id, kind, message, ingested_at, event_id
        FROM raw_events
       WHERE function_id = ${options.functionId} AND "timestamp" >= ${windowStart}
       ORDER BY ingested_at DESC, "timestamp" DESC, event_id DESC
       LIMIT ${limit}`;
    const lines = newest.reverse().map(toTailLine);
    // Nothing in the window yet: whatever is stored from now on is new to this client.
    return { lines, cursor: lines[lines.length - 1]?.cursor ?? encodePageCursor([windowStart.getTime(), 0, '']) };
  }
  const [ingestedAtMs, timestampMs, eventId] = decodePageCursor(options.after, cursorSchema, 'after');
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT "timestamp", log_stream_name, request_id, kind, message, ingested_at, event_id
      FROM raw_events
     WHERE function_id = ${options.functionId} AND "timestamp" >= ${windowStart}
       AND (ingested_at, "timestamp", event_id) > (${new Date(ingestedAtMs)}::timestamptz, ${new Date(timestampMs)}::timestamptz, ${eventId}::text)
     ORDER BY ingested_at, "timestamp", event_id
     LIMIT ${limit}`;
  const lines = rows.map(toTailLine);
  return { lines, cursor: lines[lines.length - 1]?.cursor ?? options.after };
}

function toTailLine(row: Row): TailLine {
  return {
    timestamp: row.timestamp,
    logStreamName: row.log_stream_name,
    requestId: row.request_id,
    kind: row.kind,
    message: row.message,
    cursor: encodePageCursor([row.ingested_at.getTime(), row.timestamp.getTime(), row.event_id]),
  };
}
