import { expect, test } from 'vitest';
import { splitRollupSpans } from '../../../lib/metrics/rollup-rows';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 22, 0, 0, 0);
const at = (ms: number) => new Date(T + ms);
const span = (from: number, until: number) => ({ from: at(from), until: at(until) });

test.each([
  { name: 'whole hours only', since: 2 * HOUR, until: 5 * HOUR, minutes: [], hours: [span(2 * HOUR, 5 * HOUR)] },
  {
    name: 'ragged at both ends: minutes up to the first whole hour and from the last',
    since: 17 * MINUTE + 30_000, until: 3 * HOUR + 42 * MINUTE + 10_000,
    minutes: [span(17 * MINUTE, HOUR), span(3 * HOUR, 3 * HOUR + 43 * MINUTE)], hours: [span(HOUR, 3 * HOUR)],
  },
  // The minute holding `until` counts (the range overlaps it), so the hour it ends is whole.
  { name: 'until inside the last minute of an hour', since: 0, until: HOUR - 30_000, minutes: [], hours: [span(0, HOUR)] },
  { name: 'no whole hour inside: minutes only', since: 10 * MINUTE, until: HOUR + 5 * MINUTE, minutes: [span(10 * MINUTE, HOUR + 5 * MINUTE)], hours: [] },
])('$name', ({ since, until, minutes, hours }) => {
  expect(splitRollupSpans(at(since), at(until))).toEqual({ minutes, hours });
});

test('slots narrower than an hour: minutes only, merged into one span', () => {
  expect(splitRollupSpans(at(0), at(6 * HOUR), { originMs: 0, slotMs: 5 * MINUTE })).toEqual({ minutes: [span(0, 6 * HOUR)], hours: [] });
});

test('an hour straddling a slot boundary is read as minutes, so each row falls in one slot', () => {
  // Slots of 3 h from 00:30: boundaries at 03:30 and 06:30.
  const spans = splitRollupSpans(at(30 * MINUTE), at(9 * HOUR + 30 * MINUTE), { originMs: T + 30 * MINUTE, slotMs: 3 * HOUR });
  expect(spans).toEqual({
    minutes: [span(30 * MINUTE, HOUR), span(3 * HOUR, 4 * HOUR), span(6 * HOUR, 7 * HOUR), span(9 * HOUR, 9 * HOUR + 30 * MINUTE)],
    hours: [span(HOUR, 3 * HOUR), span(4 * HOUR, 6 * HOUR), span(7 * HOUR, 9 * HOUR)],
  });
});

test('a boundary inside a minute: that minute starts before it, so it belongs to the earlier slot', () => {
  const spans = splitRollupSpans(at(0), at(2 * HOUR), { originMs: T + HOUR + 30_000, slotMs: 2 * HOUR });
  expect(spans).toEqual({ minutes: [span(HOUR, 2 * HOUR)], hours: [span(0, HOUR)] });
});

test('hour-wide buckets on the epoch grid: whole hours, ragged edges as minutes', () => {
  const spans = splitRollupSpans(at(10 * MINUTE), at(5 * HOUR + 20 * MINUTE), { originMs: 0, slotMs: HOUR });
  expect(spans).toEqual({ minutes: [span(10 * MINUTE, HOUR), span(5 * HOUR, 5 * HOUR + 20 * MINUTE)], hours: [span(HOUR, 5 * HOUR)] });
});
