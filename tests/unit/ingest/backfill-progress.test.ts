import { describe, expect, test } from 'vitest';
import { describeBackfill, summariseBackfill, type BackfillState } from '../../../lib/ingest/backfill-progress';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 22, 12, 0, 0);
const state = (overrides: Partial<BackfillState>): BackfillState => ({
  backfillStartMs: BigInt(now - 24 * HOUR),
  backfillEndMs: null,
  backfillStartedAt: null,
  backfillDone: false,
  checkpointMs: BigInt(now - 24 * HOUR),
  eventsIngested: 0n,
  ...overrides,
});

describe('summariseBackfill', () => {
  test('is waiting before the first poll', () => {
    expect(summariseBackfill([state({})], now)).toEqual({ status: 'waiting', shareDone: 0, events: 0, logGroups: 1, logGroupsDone: 0, etaMs: null });
  });

  test('gives the share of the window read and extrapolates the pace', () => {
    // A quarter of a 24 h window read in one minute: three more minutes to go.
    const progress = summariseBackfill(
      [state({ backfillEndMs: BigInt(now - 60_000), backfillStartedAt: new Date(now - 60_000), checkpointMs: BigInt(now - 24 * HOUR + 6 * HOUR - 15_000), eventsIngested: 5000n })],
      now,
    );
    expect(progress.status).toBe('running');
    expect(progress.shareDone).toBeCloseTo(0.25, 2);
    expect(progress.etaMs).toBeGreaterThan(170_000);
    expect(progress.etaMs).toBeLessThan(190_000);
    expect(describeBackfill(progress)).toMatch(/^backfill 2[45] %, 5,000 events, ETA 3 m/);
  });

  test('pools groups: done ones count in full, waiting ones as an average window', () => {
    const started = new Date(now - 120_000);
    const window = { backfillEndMs: BigInt(now - 120_000), backfillStartedAt: started };
    const progress = summariseBackfill(
      [
        state({ ...window, backfillDone: true, checkpointMs: BigInt(now), eventsIngested: 100n }),
        state({ ...window, checkpointMs: BigInt(now - 24 * HOUR) }),
        state({}),
      ],
      now,
    );
    expect(progress.status).toBe('running');
    expect(progress.shareDone).toBeCloseTo(1 / 3, 2);
    expect(progress.logGroupsDone).toBe(1);
    expect(progress.events).toBe(100);
    expect(describeBackfill(progress)).toContain('(1 of 3 log groups done)');
  });

  test('is done when every group is, pushed-only groups included', () => {
    const progress = summariseBackfill([state({ backfillDone: true, eventsIngested: 7n })], now);
    expect(progress).toMatchObject({ status: 'done', shareDone: 1, etaMs: 0 });
    expect(describeBackfill(progress)).toBe('backfill done, 7 events');
  });
});
