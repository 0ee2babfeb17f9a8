import { expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { parseTimeRange } from '../../../lib/metrics/parse-time-range';

const now = new Date('2026-11-22T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

test.each([
  { since: undefined, expected: ago(3_600_000) },
  { since: '15m', expected: ago(15 * 60_000) },
  { since: '1h', expected: ago(3_600_000) },
  { since: '6h', expected: ago(6 * 3_600_000) },
  { since: '24h', expected: ago(24 * 3_600_000) },
  { since: '7d', expected: ago(7 * 86_400_000) },
  { since: ' 90m ', expected: ago(90 * 60_000) },
  { since: '2026-11-22T10:30:00Z', expected: '2026-11-22T10:30:00.000Z' },
  { since: '2026-11-22T10:30:00.250+01:00', expected: '2026-11-22T09:30:00.250Z' },
  { since: '2026-11-21', expected: '2026-11-21T00:00:00.000Z' },
])('since $since → $expected', ({ since, expected }) => {
  const range = parseTimeRange({ since }, now);
  expect(range.since.toISOString()).toBe(expected);
  expect(range.until).toEqual(now);
});

test('until takes the same forms', () => {
  expect(parseTimeRange({ since: '2h', until: '1h' }, now)).toEqual({ since: new Date(ago(7_200_000)), until: new Date(ago(3_600_000)) });
});

test.each([
  { input: { since: '' }, field: 'since', message: /since: must be a duration like 15m/ },
  { input: { since: '1w' }, field: 'since', message: /since: must be a duration like 15m.*got '1w'/ },
  { input: { since: '-1h' }, field: 'since', message: /since: must be/ },
  { input: { since: '0m' }, field: 'since', message: /since: must be between 1m and/ },
  { input: { since: '100000d' }, field: 'since', message: /since: must be between 1m and/ },
  { input: { since: 'yesterday' }, field: 'since', message: /since: must be/ },
  { input: { since: '2026-13-01T00:00:00Z' }, field: 'since', message: /since: must be/ },
  { input: { since: '2026-11-22T13:00:00Z' }, field: 'since', message: /since: must be before until/ },
  { input: { since: '1h', until: '2h' }, field: 'since', message: /since: must be before until/ },
  { input: { since: '1h', until: 'soon' }, field: 'until', message: /until: must be/ },
])('$input is refused, naming $field', ({ input, field, message }) => {
  let caught: unknown;
  try {
    parseTimeRange(input, now);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(caught).toMatchObject({ code: 'validation', field, status: 400 });
  expect((caught as AppError).message).toMatch(message);
});
