import { expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { parseRangeParams } from '../../../lib/metrics/parse-range-params';

const now = new Date('2026-11-22T12:00:00.000Z');

test.each([
  [{}, '2026-11-22T11:00:00.000Z', '2026-11-22T12:00:00.000Z', '1h'],
  [{ range: '15m' }, '2026-11-22T11:45:00.000Z', '2026-11-22T12:00:00.000Z', '15m'],
  [{ range: '7d' }, '2026-11-15T12:00:00.000Z', '2026-11-22T12:00:00.000Z', '7d'],
  [{ from: '2026-11-22T08:00', to: '2026-11-22T09:30' }, '2026-11-22T08:00:00.000Z', '2026-11-22T09:30:00.000Z', 'custom'],
  [{ from: '2026-11-22T08:00:00+01:00' }, '2026-11-22T07:00:00.000Z', '2026-11-22T12:00:00.000Z', 'custom'],
])('%j', (params, since, until, preset) => {
  const range = parseRangeParams(params, now);
  expect({ since: range.since.toISOString(), until: range.until.toISOString(), preset: range.preset }).toEqual({ since, until, preset });
});

test.each([
  [{ range: 'yesterday' }, 'range'],
  [{ from: 'soon' }, 'from'],
  [{ from: '2026-11-22T10:00', to: '2026-11-22T09:00' }, 'from'],
  [{ from: '2026-11-22T10:00', to: 'later' }, 'to'],
])('refuses %j naming %s', (params, field) => {
  try {
    parseRangeParams(params, now);
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe(field);
    expect((error as AppError).message.startsWith(`${field}:`)).toBe(true);
  }
});
