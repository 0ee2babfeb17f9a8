import type { PrismaClient } from '../db/create-prisma-client';
import { Prisma } from '../db/generated/client';
import { AppError } from '../errors';
import type { TimeRange } from './parse-time-range';
import { rollupRowsSql } from './rollup-rows';
import { withoutJit } from './without-jit';

export type Sparkline = { invocations: number[]; errors: number[] };

export const MAX_SPARKLINE_POINTS = 360;

type Row = { function_id: number; at: Date; invocations: number; errors: number };

/** Where a sparkline's slots lie: `points` slots of `slotMs` from `originMs`, read from rollups in [fromMs, untilMs). */
export type SparklineSlots = { originMs: number; fromMs: number; untilMs: number; slotMs: number; hourly: boolean };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The slots of a range's sparkline. When the range divides into `points` slots of whole hours (the
 * presets 24 h and 7 d), the slots are those hours, ending at the last whole hour (the current hour
 * is not over): each reads whole hour rollups, none straddles an hour, and every slot is full, so
 * the line has no false dip at its end. Otherwise the slots divide the range itself (the minute
 * holding `since` counts in the first), read from minutes. Pure.
 */
export function sparklineSlots(range: TimeRange, points: number): SparklineSlots {
  const sinceMs = range.since.getTime();
  const untilMs = range.until.getTime();
  const slotMs = Math.max(1, Math.ceil((untilMs - sinceMs) / points));
  if (slotMs < HOUR_MS || slotMs % HOUR_MS !== 0) return { originMs: sinceMs, fromMs: Math.floor(sinceMs / MINUTE_MS) * MINUTE_MS, untilMs, slotMs, hourly: false };
  const lastHourEnd = Math.floor(untilMs / HOUR_MS) * HOUR_MS;
  const fromMs = lastHourEnd - points * slotMs;
  return { originMs: fromMs, fromMs, untilMs: lastHourEnd, slotMs, hourly: true };
}

/** The slot a row starting at `startMs` falls in (the minute holding `since` belongs to the first). Pure. */
export function sparklineSlotOf(slots: SparklineSlots, points: number, startMs: number): number {
  return Math.min(points - 1, Math.max(0, Math.floor((startMs - slots.originMs) / slots.slotMs)));
}

/**
 * Every function's invocations and errors in the `points` slots of sparklineSlots, from the
 * rollups in one query: hour rows when slots are whole hours, else minute rows. A function with no
 * rollups there has no entry: its sparkline is flat zero.
 */
export async function listFunctionSparklines(prisma: PrismaClient, options: { range: TimeRange; points: number }): Promise<Map<number, Sparkline>> {
  const { range, points } = options;
  if (!Number.isInteger(points) || points < 1 || points > MAX_SPARKLINE_POINTS) {
    throw new AppError('validation', `points: must be a whole number from 1 to ${MAX_SPARKLINE_POINTS} (got ${points})`, 'points');
  }
  const slots = sparklineSlots(range, points);
  const span = { from: new Date(slots.fromMs), until: new Date(slots.untilMs) };
  const spans = slots.hourly ? { minutes: [], hours: [span] } : { minutes: [span], hours: [] };
  // Grouped by slot in SQL (date_bin: 5x cheaper than width_bucket on an epoch): rows per slot, not per hour.
  const rows = await withoutJit(
    prisma,
    prisma.$queryRaw<Row[]>`
      SELECT function_id, date_bin(${`${slots.slotMs} milliseconds`}::interval, at, ${new Date(slots.originMs)}::timestamptz) AS at,
             sum(invocations)::float8 AS invocations, sum(errors)::float8 AS errors
        FROM ${rollupRowsSql('attempts', spans, Prisma.sql`ARRAY(SELECT id FROM functions)`)} rollups
       GROUP BY 1, 2`,
  );
  const sparklines = new Map<number, Sparkline>();
  for (const row of rows) {
    let sparkline = sparklines.get(row.function_id);
    if (!sparkline) {
      sparkline = { invocations: new Array<number>(points).fill(0), errors: new Array<number>(points).fill(0) };
      sparklines.set(row.function_id, sparkline);
    }
    const slot = sparklineSlotOf(slots, points, row.at.getTime());
    sparkline.invocations[slot] = (sparkline.invocations[slot] ?? 0) + row.invocations;
    sparkline.errors[slot] = (sparkline.errors[slot] ?? 0) + row.errors;
  }
  return sparklines;
}
