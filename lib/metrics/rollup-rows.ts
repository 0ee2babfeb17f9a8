import { Prisma } from '../db/generated/client';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

type Span = { from: Date; until: Date };

/** Which rollup rows cover a range: whole hours where they fit, minutes around them. */
export type RollupSpans = { minutes: Span[]; hours: Span[] };

/** Where a chart divides the range: at origin + k × slotMs. */
export type SlotGrid = { originMs: number; slotMs: number };

/**
 * Splits [since, until) into the rows that cover every minute the range overlaps: an hour row where
 * all 60 of its minutes are inside and in one slot of `grid`, minute rows for the rest. A row
 * belongs to the slot its start falls in (the minute holding `since` to the first), so an hour
 * straddling a slot boundary is read as minutes: grouping the rows by slot then gives exactly what
 * grouping the minutes would. Adjacent spans are merged. Pure.
 */
export function splitRollupSpans(since: Date, until: Date, grid?: SlotGrid): RollupSpans {
  const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
  const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;
  const sinceMs = since.getTime();
  const untilMs = until.getTime();
  // Where each slot's minutes begin: the first minute starting at or after each boundary inside the range.
  const cuts = [floorTo(sinceMs, MINUTE_MS)];
  if (grid) {
    for (let boundary = ceilTo(sinceMs - grid.originMs, grid.slotMs) + grid.originMs; boundary < untilMs; boundary += grid.slotMs) {
      if (boundary > sinceMs) cuts.push(ceilTo(boundary, MINUTE_MS));
    }
  }
  cuts.push(ceilTo(untilMs, MINUTE_MS));
  const spans: RollupSpans = { minutes: [], hours: [] };
  const add = (list: Span[], from: number, to: number) => {
    if (from >= to) return;
    const last = list[list.length - 1];
    if (last && last.until.getTime() === from) last.until = new Date(to);
    else list.push({ from: new Date(from), until: new Date(to) });
  };
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const from = cuts[index] as number;
    const to = cuts[index + 1] as number;
    const hoursFrom = ceilTo(from, HOUR_MS);
    const hoursUntil = floorTo(to, HOUR_MS);
    if (hoursFrom >= hoursUntil) {
      add(spans.minutes, from, to);
      continue;
    }
    add(spans.minutes, from, hoursFrom);
    add(spans.hours, hoursFrom, hoursUntil);
    add(spans.minutes, hoursUntil, to);
  }
  return spans;
}

/** A minute table, its hourly twin, and the columns they share. */
const ROLLUP_TABLES = {
  attempts: {
    minutes: Prisma.raw('function_minutes'),
    hours: Prisma.raw('function_hours'),
    columns: Prisma.raw(
      'function_id, invocations, errors, timeouts, out_of_memory, cold_starts, retries, duration_sum_ms, billed_gb_seconds, init_duration_sum_ms, max_memory_used_mb, duration_histogram',
    ),
  },
  metrics: {
    minutes: Prisma.raw('function_metric_minutes'),
    hours: Prisma.raw('function_metric_hours'),
    columns: Prisma.raw('function_id, throttles, concurrent_executions'),
  },
} as const;

/**
 * The rows of a rollup kind covering `spans`, as one subquery for a FROM clause: each row's shared
 * columns and its start as `at`. `functionIds` is an int[] expression; matching it with `= ANY`
 * walks each table's (function_id, start) key once per function and visits each heap page once,
 * where a bare time range would scan every function's whole history.
 */
export function rollupRowsSql(kind: keyof typeof ROLLUP_TABLES, spans: RollupSpans, functionIds: Prisma.Sql): Prisma.Sql {
  const { minutes, hours, columns } = ROLLUP_TABLES[kind];
  const parts = spans.minutes.map(
    (span) => Prisma.sql`SELECT ${columns}, minute AS at FROM ${minutes} WHERE function_id = ANY(${functionIds}) AND minute >= ${span.from} AND minute < ${span.until}`,
  );
  for (const span of spans.hours) {
    parts.push(Prisma.sql`SELECT ${columns}, hour AS at FROM ${hours} WHERE function_id = ANY(${functionIds}) AND hour >= ${span.from} AND hour < ${span.until}`);
  }
  return Prisma.sql`(${Prisma.join(parts, ' UNION ALL ')})`;
}
