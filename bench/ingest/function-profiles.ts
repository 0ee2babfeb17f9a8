import type { LogFormat } from '../../lib/emulator/runtime/platform-lines';
import { createSeededRandom } from './seeded-random';

export type BenchRuntime = 'node' | 'python';

/** One simulated function: how it logs, how busy it is, and how often it fails (and how). */
export type FunctionProfile = {
  name: string;
  runtime: BenchRuntime;
  runtimeVersion: string;
  logFormat: LogFormat;
  memorySizeMB: number;
  timeoutSeconds: number;
  /** Invoked asynchronously: a failed attempt is retried twice under the same request id. */
  async: boolean;
  /** Execution environments alive at once: log streams written concurrently. */
  concurrency: number;
  medianDurationMs: number;
  appLines: { min: number; max: number };
  rates: { error: number; timeout: number; outOfMemory: number; crash: number; initError: number };
};

const memorySizes = [128, 256, 512, 1024, 1769, 3008] as const;
const timeouts = [3, 6, 10, 15, 30] as const;

/**
 * `count` functions, deterministic for a seed. Consecutive functions differ in runtime and log
 * format, so a short run (a few batches, one function each) still sees the whole mix: 60 % Node,
 * 40 % Python; one in four logs in JSON format; one in three is invoked asynchronously.
 */
export function buildFunctionProfiles(count: number, seed: number): FunctionProfile[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const runtime: BenchRuntime = index % 5 === 1 || index % 5 === 3 ? 'python' : 'node';
    // Some functions fail noticeably more than the rest, as in any real account.
    const flaky = index % 7 === 2 ? 4 : 1;
    return {
      name: `bench-${runtime}-${String(index).padStart(2, '0')}`,
      runtime,
      runtimeVersion: runtime === 'node' ? 'nodejs:20.v48' : 'python:3.12.v62',
      logFormat: index % 4 === 3 ? 'JSON' : 'Text',
      memorySizeMB: random.pick(memorySizes),
      timeoutSeconds: random.pick(timeouts),
      async: index % 3 === 0,
      concurrency: random.int(1, 12),
      medianDurationMs: random.pick([3, 12, 45, 120, 400]),
      appLines: random.pick([
        { min: 0, max: 1 },
        { min: 1, max: 3 },
        { min: 2, max: 6 },
        { min: 4, max: 12 },
      ]),
      rates: {
        error: 0.03 * flaky,
        timeout: 0.005 * flaky,
        outOfMemory: 0.003 * flaky,
        crash: 0.002 * flaky,
        initError: 0.01,
      },
    };
  });
}
