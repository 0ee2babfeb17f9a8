import { z } from 'zod';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import { toContainsPattern } from './to-contains-pattern';
import { withoutJit } from './without-jit';

export type TraceAttempt = {
  functionId: number;
  functionName: string;
  requestId: string;
  startedAt: Date;
  endedAt: Date | null;
  status: string;
  durationMs: number | null;
  coldStart: boolean;
};

export type TextMatch = {
  /** Null for a line no known function claimed (a shared log group's unknown stream). */
  functionId: number | null;
  functionName: string | null;
  requestId: string | null;
  timestamp: Date;
  logStreamName: string;
  message: string;
};

export type SearchResult =
  | { kind: 'empty' }
  /** A request id some function logged: the caller opens its investigation. */
  | { kind: 'request'; requestId: string }
  /** An X-Ray trace id, with the attempts that carried it (none when no REPORT named it). */
  | { kind: 'trace'; traceId: string; attempts: TraceAttempt[] }
  | { kind: 'text'; query: string; lines: TextMatch[] };

export const searchQuerySchema = z.string().trim().max(500, 'at most 500 characters');
export const MAX_TEXT_MATCHES = 50;
const TRACE_ATTEMPTS = 100;
/** `1-5759e988-bd862e3fe1be46a994272793`, also as an `X-Amzn-Trace-Id` header value (`Root=1-…;Parent=…`). */
const tracePattern = /^(?:Root=)?(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;\S*)?$/i;
/** Request ids are single tokens (a UUID on AWS, at most 256 characters as the parser keeps them); anything with a space is text. */
const requestIdPattern = /^[\w.:/-]{1,256}$/;
/**
 * Text search reads at most a day of raw events, newest window first: a common word is found in
 * the last minutes without scanning the day; only a rare one pays for all of it.
 */
const TEXT_WINDOWS_MS = [15 * 60_000, 2 * 3_600_000, 24 * 3_600_000] as const;

type TextRow = {
  function_id: number | null;
  function_name: string | null;
  request_id: string | null;
  timestamp: Date;
  log_stream_name: string;
  message: string;
};

/**
 * What the search box's query names: a request id that exists, an X-Ray trace id, or else text
 * found in the last day's log lines (case-insensitive substring, newest first). A query longer
 * than 500 characters is an AppError('validation') on `q`; a blank one is `empty`.
 */
export async function searchEverything(prisma: PrismaClient, options: { query: string; now: Date }): Promise<SearchResult> {
  const parsed = searchQuerySchema.safeParse(options.query);
  if (!parsed.success) throw new AppError('validation', `q: ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'q');
  const query = parsed.data;
  if (query === '') return { kind: 'empty' };

  const trace = tracePattern.exec(query);
  if (trace) {
    const traceId = (trace[1] as string).toLowerCase();
    const attempts = await prisma.attempt.findMany({
      where: { xrayTraceId: traceId },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
      take: TRACE_ATTEMPTS,
      select: {
        functionId: true, requestId: true, startedAt: true, endedAt: true, status: true, durationMs: true, coldStart: true,
        function: { select: { name: true } },
      },
    });
    return { kind: 'trace', traceId, attempts: attempts.map(({ function: fn, ...attempt }) => ({ ...attempt, functionName: fn.name })) };
  }

  if (requestIdPattern.test(query)) {
    // Lambda's request ids are lower case; a pasted one may not be.
    const found = await prisma.attempt.findFirst({ where: { requestId: { in: [...new Set([query, query.toLowerCase()])] } }, select: { requestId: true } });
    if (found) return { kind: 'request', requestId: found.requestId };
  }

  return { kind: 'text', query, lines: await searchLogText(prisma, query, options.now) };
}

async function searchLogText(prisma: PrismaClient, query: string, now: Date): Promise<TextMatch[]> {
  const pattern = toContainsPattern(query);
  const lines: TextMatch[] = [];
  let newer: Date | null = null;
  for (const windowMs of TEXT_WINDOWS_MS) {
    const from = new Date(now.getTime() - windowMs);
    const rows: TextRow[] = await withoutJit(
      prisma,
      prisma.$queryRaw<TextRow[]>`
        SELECT r.function_id, f.name AS function_name, r.request_id, r."timestamp", r.log_stream_name, r.message
          FROM raw_events r
          LEFT JOIN functions f ON f.id = r.function_id
         WHERE r."timestamp" >= ${from} AND (${newer}::timestamptz IS NULL OR r."timestamp" < ${newer}::timestamptz)
           AND r.message ILIKE ${pattern}
         ORDER BY r."timestamp" DESC, r.event_id DESC
         LIMIT ${MAX_TEXT_MATCHES - lines.length}`,
    );
    lines.push(
      ...rows.map((row) => ({
        functionId: row.function_id, functionName: row.function_name, requestId: row.request_id,
        timestamp: row.timestamp, logStreamName: row.log_stream_name, message: row.message,
      })),
    );
    if (lines.length >= MAX_TEXT_MATCHES) break;
    newer = from;
  }
  return lines;
}
