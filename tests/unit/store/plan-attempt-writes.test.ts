import { describe, expect, test } from 'vitest';
import type { AttemptFragment } from '../../../lib/ingest/attempt-fragment';
import { planAttemptWrites, type StoredAttempt } from '../../../lib/store/plan-attempt-writes';

const T = Date.UTC(2026, 10, 22, 10, 0, 0);
const MINUTE = 60_000;

const fragment = (overrides: Partial<AttemptFragment> & { requestId: string }): AttemptFragment => ({
  logStreamName: 's1',
  status: 'running',
  firstSeenAt: overrides.startedAt ?? overrides.endedAt ?? T,
  ...overrides,
});

const finished = (requestId: string, startedAt: number, extra: Partial<AttemptFragment> = {}): AttemptFragment =>
  fragment({ requestId, startedAt, endedAt: startedAt + 100, status: 'success', durationMs: 100, billedDurationMs: 100, memorySizeMB: 1024, maxMemoryUsedMB: 70, ...extra });

let nextId = 100;
const stored = (overrides: Partial<StoredAttempt> & { requestId: string; startedAt: Date }): StoredAttempt => ({
  id: (nextId += 1),
  logStreamName: 's1',
  status: 'running',
  startedAtEstimated: false,
  endedAt: null,
  version: null,
  durationMs: null,
  billedDurationMs: null,
  memorySizeMB: null,
  maxMemoryUsedMB: null,
  initDurationMs: null,
  restoreDurationMs: null,
  coldStart: false,
  initType: null,
  xrayTraceId: null,
  errorType: null,
  errorMessage: null,
  errorStack: null,
  ...overrides,
});

/** What a plan does, in a form a table can state. */
function summary(fragments: AttemptFragment[], rows: StoredAttempt[]) {
  const plan = planAttemptWrites(fragments, rows);
  return {
    inserts: plan.inserts.map((a) => `${a.logStreamName}/${a.requestId}@${a.startedAt.getTime() - T}${a.startedAtEstimated ? '~' : ''}:${a.status}`),
    updates: plan.updates.map((a) => `#${a.id}@${a.startedAt.getTime() - T}${a.startedAtEstimated ? '~' : ''}:${a.status}`),
    deltas: plan.deltas.map((d) => `${(d.minute.getTime() - T) / MINUTE}m inv${d.invocations} err${d.errors} to${d.timeouts} retry${d.retries}`),
    requestIds: plan.requestIds,
  };
}

describe('planAttemptWrites', () => {
  const running = stored({ id: 1, requestId: 'late', startedAt: new Date(T + 1) });
  const finishedRow = stored({ id: 2, requestId: 'done', startedAt: new Date(T + 1), status: 'success', durationMs: 100 });
  const provisional = stored({ id: 3, requestId: 'early-report', startedAt: new Date(T + 400), startedAtEstimated: true, status: 'success', durationMs: 100 });
  const retryLater = stored({ id: 4, requestId: 'ordered', logStreamName: 'a-env', startedAt: new Date(T + 2 * MINUTE + 5_000), status: 'success', durationMs: 100 });
  const runningFirst = stored({ id: 5, requestId: 'ordered', logStreamName: 'a-env', startedAt: new Date(T + 2 * MINUTE + 5_000) });

  test.each<[string, AttemptFragment[], StoredAttempt[], ReturnType<typeof summary>]>([
    ['a new finished attempt is inserted and counted', [finished('ok', T + 5)], [], { inserts: ['s1/ok@5:success'], updates: [], deltas: ['0m inv1 err0 to0 retry0'], requestIds: ['ok'] }],
    ['a running attempt is inserted, not counted', [fragment({ requestId: 'r', startedAt: T + 5 })], [], { inserts: ['s1/r@5:running'], updates: [], deltas: [], requestIds: ['r'] }],
    [
      'a continuation finishes a stored running attempt',
      [fragment({ requestId: 'late', endedAt: T + 3_000, status: 'success', durationMs: 3_000 })],
      [running],
      { inserts: [], updates: ['#1@1:success'], deltas: ['0m inv1 err0 to0 retry0'], requestIds: ['late'] },
    ],
    [
      'a timeout after the REPORT moves only the outcome counts',
      [fragment({ requestId: 'done', status: 'timeout' })],
      [finishedRow],
      { inserts: [], updates: ['#2@1:timeout'], deltas: ['0m inv0 err1 to1 retry0'], requestIds: ['done'] },
    ],
    [
      'the same batch again: an exact start finds the stored attempt and changes no count',
      [finished('done', T + 1)],
      [finishedRow],
      { inserts: [], updates: ['#2@1:success'], deltas: [], requestIds: ['done'] },
    ],
    [
      'a REPORT without its START makes a provisional attempt at REPORT − duration',
      [fragment({ requestId: 'p', endedAt: T + 500, status: 'success', durationMs: 100 })],
      [],
      { inserts: ['s1/p@400~:success'], updates: [], deltas: ['0m inv1 err0 to0 retry0'], requestIds: ['p'] },
    ],
    [
      'its START adopts the provisional attempt (same minute: the true start)',
      [fragment({ requestId: 'early-report', startedAt: T + 390 })],
      [provisional],
      { inserts: [], updates: ['#3@390:success'], deltas: [], requestIds: ['early-report'] },
    ],
    [
      'a START in another minute than the estimate keeps the estimate’s minute',
      [fragment({ requestId: 'early-report', startedAt: T - 1_000 })],
      [provisional],
      { inserts: [], updates: ['#3@400:success'], deltas: [], requestIds: ['early-report'] },
    ],
    [
      'a retry in a later batch counts as a retry',
      [finished('ordered', T + 3 * MINUTE, { logStreamName: 'b-env' })],
      [stored({ id: 6, requestId: 'ordered', logStreamName: 'z-env', startedAt: new Date(T + 1_000), status: 'error' })],
      { inserts: ['b-env/ordered@180000:success'], updates: [], deltas: ['3m inv1 err0 to0 retry1'], requestIds: ['ordered'] },
    ],
    [
      'an original arriving after its retry displaces it: one retry in the retry’s minute',
      [finished('ordered', T + 1_000, { logStreamName: 'z-env', status: 'error' })],
      [retryLater],
      { inserts: ['z-env/ordered@1000:error'], updates: [], deltas: ['0m inv1 err1 to0 retry0', '2m inv0 err0 to0 retry1'], requestIds: ['ordered'] },
    ],
    [
      'a displaced attempt still running is counted as a retry when it finishes',
      [finished('ordered', T + 1_000, { logStreamName: 'z-env' }), fragment({ requestId: 'ordered', logStreamName: 'a-env', endedAt: T + 3 * MINUTE, status: 'success', durationMs: 5 })],
      [runningFirst],
      { inserts: ['z-env/ordered@1000:success'], updates: ['#5@125000:success'], deltas: ['0m inv1 err0 to0 retry0', '2m inv1 err0 to0 retry1'], requestIds: ['ordered'] },
    ],
    [
      'fragments of one attempt in one batch chain: the second sees the first',
      [fragment({ requestId: 'c', startedAt: T + 10 }), fragment({ requestId: 'c', endedAt: T + 200, status: 'success', durationMs: 190 })],
      [],
      { inserts: ['s1/c@10:success'], updates: [], deltas: ['0m inv1 err0 to0 retry0'], requestIds: ['c'] },
    ],
    [
      'two attempts of one request in one batch: the second is a retry',
      [finished('twice', T + 10, { logStreamName: 'e1', status: 'error' }), finished('twice', T + MINUTE + 10, { logStreamName: 'e2' })],
      [],
      { inserts: ['e1/twice@10:error', 'e2/twice@60010:success'], updates: [], deltas: ['0m inv1 err1 to0 retry0', '1m inv1 err0 to0 retry1'], requestIds: ['twice'] },
    ],
    [
      'a continuation takes the newest attempt of its request in its stream',
      [fragment({ requestId: 'n', endedAt: T + 2 * MINUTE, status: 'success', durationMs: 5 })],
      [stored({ id: 7, requestId: 'n', startedAt: new Date(T + 10), status: 'error', durationMs: 1 }), stored({ id: 8, requestId: 'n', startedAt: new Date(T + MINUTE) })],
      { inserts: [], updates: ['#8@60000:success'], deltas: ['1m inv1 err0 to0 retry1'], requestIds: ['n'] },
    ],
  ])('%s', (_case, fragments, rows, expected) => {
    expect(summary(fragments, rows)).toEqual(expected);
  });

  test('fields and measurements arrive once (the first wins), the status merges by rank', () => {
    const row = stored({ id: 9, requestId: 'f', startedAt: new Date(T), status: 'timeout', version: '1', errorType: 'Sandbox.Timedout', coldStart: true, durationMs: 10 });
    const plan = planAttemptWrites([fragment({ requestId: 'f', status: 'error', version: '2', errorType: 'Error', durationMs: 20, coldStart: false })], [row]);
    expect(plan.updates).toEqual([{ ...row, status: 'timeout', version: '1', errorType: 'Sandbox.Timedout', coldStart: true, durationMs: 10 }]);
  });
});

describe('hostile input found by the fuzz corpus', () => {
  test('a second REPORT for a counted attempt changes neither its measurements nor the rollup', () => {
    const first = planAttemptWrites([finished('r-dup', T, { durationMs: 9.1 })], []);
    const [inserted] = first.inserts;
    const again = planAttemptWrites([fragment({ requestId: 'r-dup', endedAt: T + 500, status: 'success', durationMs: 9.14 })], [{ ...(inserted as StoredAttempt), id: 7 }]);
    expect(again.updates[0]?.durationMs).toBe(9.1);
    expect(again.deltas).toEqual([]);
  });

  test('an attempt seen only through an app line starts at that line, not in 1970', () => {
    const plan = planAttemptWrites([fragment({ requestId: 'r-app', firstSeenAt: T + 42_000, errorType: 'Error' })], []);
    expect(plan.inserts[0]?.startedAt.toISOString()).toBe(new Date(T + 42_000).toISOString());
    expect(plan.inserts[0]?.startedAtEstimated).toBe(true);
  });

  test('fractional values for integer columns are rounded', () => {
    const plan = planAttemptWrites([finished('r-float', T, { billedDurationMs: 1.5, memorySizeMB: 128.2, maxMemoryUsedMB: 64.7 })], []);
    expect(plan.inserts[0]).toMatchObject({ billedDurationMs: 2, memorySizeMB: 128, maxMemoryUsedMB: 65 });
  });
});
