import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import type { TimeRange } from './parse-time-range';

export type Sparkline = { invocations: number[]; errors: number[] };

export const MAX_SPARKLINE_POINTS = 360;

type Row = { function_id: number; slot: number; invocations: number; errors: number };

/**
 * Every function's invocations and errors over the range in `points` equal slots (a minute
 * belongs to the slot its start falls in), from the minute rollups in one query. A function with
 * no rollups in the range has no entry: its sparkline is flat zero.
 */
export async function listFunctionSparklines(prisma: PrismaClient, options: { range: TimeRange; points: number }): Promise<Map<number, Sparkline>> {
  const { range, points } = options;
  if (!Number.isInteger(points) || points < 1 || points > MAX_SPARKLINE_POINTS) {
    throw new AppError('validation', `points: must be a whole number from 1 to ${MAX_SPARKLINE_POINTS} (got ${points})`, 'points');
  }
  const firstMinute = new Date(Math.floor(range.since.getTime() / 60_000) * 60_000);
  // `function_id IN (functions)` lets the planner walk the (function_id, minute) key once per
  // function; a bare minute range would scan every function's whole history.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT m.function_id,
           (GREATEST(width_bucket(extract(epoch FROM m.minute)::float8, ${range.since.getTime() / 1000}::float8,
                                  ${range.until.getTime() / 1000}::float8, ${points}::int), 1) - 1)::int AS slot,
           sum(m.invocations)::float8 AS invocations, sum(m.errors)::float8 AS errors
      FROM function_minutes m
     WHERE m.function_id IN (SELECT id FROM functions)
       AND m.minute >= ${firstMinute} AND m.minute < ${range.until}
     GROUP BY 1, 2`;
  const sparklines = new Map<number, Sparkline>();
  for (const row of rows) {
    let sparkline = sparklines.get(row.function_id);
    if (!sparkline) {
      sparkline = { invocations: new Array<number>(points).fill(0), errors: new Array<number>(points).fill(0) };
      sparklines.set(row.function_id, sparkline);
    }
    sparkline.invocations[row.slot] = row.invocations;
    sparkline.errors[row.slot] = row.errors;
  }
  return sparklines;
}
