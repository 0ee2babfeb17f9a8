import { expect, test } from 'vitest';
import { assignLogLines, type AttemptSpan, type LogLine } from '../../../lib/metrics/assign-log-lines';

const T = Date.UTC(2026, 10, 22, 10, 0, 0);
const span = (logStreamName: string, start: number, end: number | null, cold: Partial<AttemptSpan> = {}): AttemptSpan => ({
  logStreamName, startedAt: new Date(T + start), endedAt: end === null ? null : new Date(T + end), coldStart: false, initDurationMs: null, restoreDurationMs: null, timeoutSeconds: 3, ...cold,
});
const line = (logStreamName: string, at: number, message: string, requestId: string | null = 'r'): LogLine => ({
  logStreamName, timestamp: new Date(T + at), kind: 'plain', requestId, message,
});

const attempts = [
  span('env-1', 0, 100, { coldStart: true, initDurationMs: 200 }),
  span('env-1', 60_000, 60_050),
  span('env-2', 180_000, null),
];

test.each([
  { name: 'a request line goes to the newest attempt of its stream started by then', line: line('env-1', 60_001, 'second'), attempt: 1 },
  { name: 'a line after its REPORT (Task timed out) stays with that attempt', line: line('env-1', 101, 'late'), attempt: 0 },
  { name: 'a line before any start in its stream goes to the stream’s first attempt', line: line('env-2', 179_990, 'early'), attempt: 2 },
  { name: 'INIT_START before a cold start belongs to it', line: line('env-1', -180, 'INIT_START', null), attempt: 0 },
  { name: 'a request-less line while the attempt runs belongs to it', line: line('env-1', 60_020, '[ERROR] bare', null), attempt: 1 },
  { name: 'a running attempt is bounded by the function timeout', line: line('env-2', 182_000, 'extension', null), attempt: 2 },
  { name: 'a request-less line between attempts belongs to neither', line: line('env-1', 30_000, 'idle', null), attempt: undefined },
  { name: 'a request-less line before a warm start belongs to no one', line: line('env-1', 59_990, 'before', null), attempt: undefined },
  { name: 'a request line in a stream of no attempt is unassigned', line: line('env-9', 5, 'lost'), attempt: 'unassigned' as const },
])('$name', ({ line: input, attempt }) => {
  const { perAttempt, unassigned } = assignLogLines(attempts, [input]);
  const found = perAttempt.findIndex((lines) => lines.includes(input));
  if (attempt === 'unassigned') expect(unassigned).toEqual([input]);
  else expect(found === -1 ? undefined : found).toBe(attempt);
});

test('lines come back in time order', () => {
  const { perAttempt } = assignLogLines(attempts, [line('env-1', 100, 'REPORT'), line('env-1', 0, 'START'), line('env-1', -150, 'INIT_START', null)]);
  expect(perAttempt[0]?.map((entry) => entry.message)).toEqual(['INIT_START', 'START', 'REPORT']);
});
