import { z } from 'zod';
import type { PrismaClient } from '../db/create-prisma-client';
import type { AttemptStatus } from '../ingest/attempt-fragment';
import { describeOutcome } from './describe-outcome';
import { decodePageCursor, encodePageCursor } from './page-cursor';
import type { TimeRange } from './parse-time-range';
import { requirePageLimit } from './require-page-limit';

/** A final status, or `failed` for any that is neither success nor still running. */
export type InvocationStatusFilter = AttemptStatus | 'failed';

export type FunctionInvocationsOptions = {
  functionId: number;
  /** On the first attempt's start. */
  range?: TimeRange;
  status?: InvocationStatusFilter;
  /** Whether any attempt was a cold start. */
  coldStart?: boolean;
  /** A version any attempt ran (`$LATEST`, `7`). */
  version?: string;
  /** Whether there was more than one attempt. */
  retried?: boolean;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
};

export type InvocationListItem = {
  requestId: string;
  attemptCount: number;
  firstStartAt: Date;
  lastEndAt: Date | null;
  finalStatus: string;
  outcome: string;
  /** The last attempt's. */
  durationMs: number | null;
  coldStart: boolean;
  /** The last attempt's. */
  version: string | null;
  /** The last failed attempt's, even when a retry then succeeded. */
  errorType: string | null;
  errorMessage: string | null;
};

export type InvocationPage = { items: InvocationListItem[]; nextCursor: string | null };

export const MAX_INVOCATIONS_PAGE = 200;
const cursorSchema = z.tuple([z.number().int().nonnegative(), z.string().min(1)]);

type Row = {
  request_id: string;
  attempt_count: number;
  first_start_at: Date;
  last_end_at: Date | null;
  final_status: string;
  duration_ms: number | null;
  cold_start: boolean | null;
  version: string | null;
  error_type: string | null;
  error_message: string | null;
};

/**
 * A function's invocations, newest first, a page at a time: keyset pagination on (first start,
 * request id), so a page costs the same however deep it is and new invocations never shift it.
 * Outcomes use the function's async retry and failure configuration when discovery knows it.
 *
 * Why it walks attempts: invocations has no (function_id, first_start_at) index, and walking the
 * global first_start_at index for one function reads every function's invocations (36 s to learn
 * that one of 200 functions had no failure in 30 days, at 10 M invocations). Attempts do have
 * (function_id, started_at): the walk goes back through this function's attempts, newest first,
 * and keeps each invocation at its first attempt (first_start_at = started_at). The LIMIT 1 inside
 * the lateral join keeps that a streaming nested loop: a first page reads about `limit` attempts;
 * a filter nothing matches reads this function's attempts in the range, never the fleet's.
 */
export async function listFunctionInvocations(prisma: PrismaClient, options: FunctionInvocationsOptions): Promise<InvocationPage> {
  const limit = requirePageLimit(options.limit, MAX_INVOCATIONS_PAGE);
  const after = options.cursor === undefined ? null : decodePageCursor(options.cursor, cursorSchema, 'cursor');
  const afterStart = after ? new Date(after[0]) : null;
  const afterRequestId = after ? after[1] : null;
  const since = options.range?.since ?? null;
  const until = options.range?.until ?? null;
  const status = options.status ?? null;
  const coldStart = options.coldStart ?? null;
  const version = options.version ?? null;
  const retried = options.retried ?? null;
  // One row more than the page: whether there is a next page, without a count.
  const [rows, fn] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT i.request_id, i.attempt_count, i.first_start_at, i.last_end_at, i.final_status,
             x.duration_ms, x.cold_start, x.version, x.error_type, x.error_message
        FROM attempts a
       CROSS JOIN LATERAL (
          SELECT i.request_id, i.attempt_count, i.first_start_at, i.last_end_at, i.final_status
            FROM invocations i
           WHERE i.function_id = a.function_id AND i.request_id = a.request_id AND i.first_start_at = a.started_at
             AND (${status}::text IS NULL OR i.final_status = ${status}::text
                  OR (${status}::text = 'failed' AND i.final_status NOT IN ('success', 'running')))
             AND (${retried}::boolean IS NULL OR (i.attempt_count > 1) = ${retried}::boolean)
           LIMIT 1
        ) i
        LEFT JOIN LATERAL (
          SELECT (array_agg(duration_ms ORDER BY started_at DESC, id DESC))[1] AS duration_ms,
                 (array_agg(version ORDER BY started_at DESC, id DESC))[1] AS version,
                 bool_or(cold_start) AS cold_start,
                 bool_or(version = ${version}::text) AS ran_version,
                 (array_agg(error_type ORDER BY started_at DESC, id DESC) FILTER (WHERE status NOT IN ('success', 'running')))[1] AS error_type,
                 (array_agg(error_message ORDER BY started_at DESC, id DESC) FILTER (WHERE status NOT IN ('success', 'running')))[1] AS error_message
            FROM attempts
           WHERE request_id = i.request_id AND function_id = a.function_id
        ) x ON true
       WHERE a.function_id = ${options.functionId}
         AND (${since}::timestamptz IS NULL OR a.started_at >= ${since}::timestamptz)
         AND (${until}::timestamptz IS NULL OR a.started_at < ${until}::timestamptz)
         AND (${afterStart}::timestamptz IS NULL OR (a.started_at, a.request_id) < (${afterStart}::timestamptz, ${afterRequestId}::text))
         AND (${coldStart}::boolean IS NULL OR COALESCE(x.cold_start, false) = ${coldStart}::boolean)
         AND (${version}::text IS NULL OR x.ran_version)
       ORDER BY a.started_at DESC, a.request_id DESC
       LIMIT ${limit + 1}`,
    prisma.lambdaFunction.findUnique({
      where: { id: options.functionId },
      select: { maxRetryAttempts: true, onFailureDestination: true, deadLetterTarget: true },
    }),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      requestId: row.request_id,
      attemptCount: row.attempt_count,
      firstStartAt: row.first_start_at,
      lastEndAt: row.last_end_at,
      finalStatus: row.final_status,
      outcome: describeOutcome({ attemptCount: row.attempt_count, finalStatus: row.final_status }, fn ?? undefined),
      durationMs: row.duration_ms,
      coldStart: row.cold_start ?? false,
      version: row.version,
      errorType: row.error_type,
      errorMessage: row.error_message,
    })),
    nextCursor: rows.length > limit && last ? encodePageCursor([last.first_start_at.getTime(), last.request_id]) : null,
  };
}
