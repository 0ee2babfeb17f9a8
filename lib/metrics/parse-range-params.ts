import { AppError } from '../errors';
import { parseTimeRange, type TimeRange } from './parse-time-range';

export type RangeParams = { range?: string | undefined; from?: string | undefined; to?: string | undefined };

/** A range as the web UI and /api/v1 name it, with the preset it came from ('custom' for from/to). */
export type NamedRange = TimeRange & { preset: string };

const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/**
 * `?range=1h` (any duration parseTimeRange knows) or `?from=…&to=…` (ISO; a time without a zone, as
 * a browser's datetime-local input sends it, is UTC — the UI labels it so). Default: the last hour.
 * Errors name the query parameter at fault.
 */
export function parseRangeParams(params: RangeParams, now: Date = new Date()): NamedRange {
  if (params.from !== undefined && params.from !== '') {
    const asUtc = (value: string) => (WITHOUT_ZONE.test(value) ? `${value.length === 16 ? `${value}:00` : value}Z` : value);
    try {
      const range = parseTimeRange({ since: asUtc(params.from), until: params.to ? asUtc(params.to) : undefined }, now);
      return { ...range, preset: 'custom' };
    } catch (error) {
      if (error instanceof AppError && error.field) throw new AppError(error.code, error.message.replace(/^since/, 'from').replace(/^until/, 'to'), error.field === 'since' ? 'from' : 'to');
      throw error;
    }
  }
  const preset = params.range && params.range !== '' ? params.range : '1h';
  try {
    return { ...parseTimeRange({ since: preset }, now), preset };
  } catch (error) {
    if (error instanceof AppError) throw new AppError('validation', error.message.replace(/^since/, 'range'), 'range');
    throw error;
  }
}

/** The same, from a URL's query (`range`, `from`, `to`). */
export function parseRangeQuery(query: URLSearchParams, now: Date = new Date()): NamedRange {
  return parseRangeParams({ range: query.get('range') ?? undefined, from: query.get('from') ?? undefined, to: query.get('to') ?? undefined }, now);
}
