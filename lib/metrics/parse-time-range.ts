import { z } from 'zod';
import { AppError } from '../errors';

/** An instant range, `since` inclusive, `until` exclusive. */
export type TimeRange = { since: Date; until: Date };

export type TimeRangeInput = {
  /** `15m`, `1h`, `6h`, `24h`, `7d` (any whole number of minutes, hours or days back), or an ISO time. Default 1h. */
  since?: string | undefined;
  /** Same forms; default now. */
  until?: string | undefined;
};

const DEFAULT_SINCE = '1h';
const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** Longer than CloudWatch keeps one-minute data; a typo like 90000d is caught rather than scanned. */
const MAX_LOOKBACK_MS = 455 * unitMs.d;
const relativePattern = /^(\d{1,7})([mhd])$/;
const isoSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const FORMS = 'a duration like 15m, 1h, 24h or 7d, or an ISO time like 2026-01-31T12:00:00Z';

function instantSchema(now: Date) {
  return z
    .string()
    .trim()
    .transform((value, context) => {
      const relative = relativePattern.exec(value);
      if (relative) {
        const ms = Number(relative[1]) * unitMs[relative[2] as keyof typeof unitMs];
        if (ms === 0 || ms > MAX_LOOKBACK_MS) {
          context.addIssue({ code: 'custom', message: `must be between 1m and ${MAX_LOOKBACK_MS / unitMs.d}d back` });
          return z.NEVER;
        }
        return new Date(now.getTime() - ms);
      }
      if (isoSchema.safeParse(value).success) return new Date(value);
      context.addIssue({ code: 'custom', message: `must be ${FORMS} (got '${value}')` });
      return z.NEVER;
    });
}

/**
 * The range a `--since` / `--until` pair names, relative forms counted back from `now`. Pure; bad
 * input is an AppError('validation') naming the field.
 */
export function parseTimeRange(input: TimeRangeInput, now: Date = new Date()): TimeRange {
  const instant = instantSchema(now);
  const since = parseField(instant, 'since', input.since ?? DEFAULT_SINCE);
  const until = input.until === undefined ? now : parseField(instant, 'until', input.until);
  if (since.getTime() >= until.getTime()) {
    throw new AppError('validation', `since: must be before until (${until.toISOString()})`, 'since');
  }
  return { since, until };
}

function parseField(schema: ReturnType<typeof instantSchema>, field: 'since' | 'until', value: string): Date {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('validation', `${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, field);
}
