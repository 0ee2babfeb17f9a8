import { createSeededRandom } from '../ingest/seeded-random';

type RuntimeFamily = 'node' | 'python' | 'java' | 'go';

/** One function of the seeded fleet: its configuration, its share of traffic, and how its attempts behave. */
export type FleetFunction = {
  /** 1-based: the position SQL's width_bucket() returns for this function's slice of traffic. */
  k: number;
  name: string;
  family: RuntimeFamily;
  runtime: string;
  architecture: 'x86_64' | 'arm64';
  memorySizeMB: number;
  timeoutSeconds: number;
  /** Invoked asynchronously: a failed attempt may be retried under the same request id. */
  async: boolean;
  version: string;
  /** Share of all attempts (the weights sum to 1). */
  weight: number;
  medianDurationMs: number;
  /** Spread of the duration's logarithm: durations are log-normal. */
  sigma: number;
  rates: { error: number; timeout: number; outOfMemory: number; crash: number; initError: number; coldStart: number };
  initMedianMs: number;
  /** Execution environments alive at once: distinct log streams per day. */
  environments: number;
  tracing: boolean;
  /** Polled for CloudWatch metrics (throttles, concurrency): has function_metric_minutes. */
  cloudWatchMetrics: boolean;
  reservedConcurrency: number | null;
  memoryBaseMB: number;
  memorySpreadMB: number;
};

const runtimes: ReadonlyArray<{ family: RuntimeFamily; runtime: string; initMedianMs: number }> = [
  { family: 'node', runtime: 'nodejs20.x', initMedianMs: 180 },
  { family: 'node', runtime: 'nodejs22.x', initMedianMs: 160 },
  { family: 'python', runtime: 'python3.12', initMedianMs: 240 },
  { family: 'python', runtime: 'python3.13', initMedianMs: 220 },
  { family: 'java', runtime: 'java21', initMedianMs: 1_900 },
  { family: 'go', runtime: 'provided.al2023', initMedianMs: 60 },
];
const memorySizes = [128, 256, 512, 1024, 1536, 2048, 3008, 10240] as const;
const timeouts = [3, 6, 10, 15, 30, 60, 300, 900] as const;
const medians = [4, 12, 35, 90, 250, 800, 2_500] as const;

/**
 * `count` functions, deterministic for a seed. Traffic follows Zipf's law (the function of rank r
 * gets a share ∝ 1/r, ranks shuffled so busy functions are spread over ids), as in most fleets: a
 * few functions carry most requests, a long tail is nearly idle. One in three is invoked
 * asynchronously, one in seven is flaky (four times the failures), one in four is polled for
 * CloudWatch metrics; 40 % run on arm64.
 */
export function buildFleetProfiles(count: number, seed: number): FleetFunction[] {
  const random = createSeededRandom(seed);
  const ranks = Array.from({ length: count }, (_, index) => index + 1);
  for (let index = ranks.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [ranks[index], ranks[other]] = [ranks[other] as number, ranks[index] as number];
  }
  const harmonic = ranks.reduce((sum, rank) => sum + 1 / rank, 0);
  return ranks.map((rank, index) => {
    const { family, runtime, initMedianMs } = random.pick(runtimes);
    const medianDurationMs = random.pick(medians);
    // Room for the slow tail: the timeout is well above the median.
    const timeoutSeconds = random.pick(timeouts.filter((seconds) => seconds * 1000 >= medianDurationMs * 12));
    const memorySizeMB = family === 'java' ? random.pick([1024, 1536, 2048, 3008]) : random.pick(memorySizes);
    const flaky = index % 7 === 2 ? 4 : 1;
    const weight = 1 / rank / harmonic;
    const memoryBaseMB = Math.min(Math.round(memorySizeMB * 0.55), (family === 'java' ? 160 : 60) + random.int(0, 60));
    return {
      k: index + 1,
      name: `fleet-${family}-${String(index).padStart(3, '0')}`,
      family,
      runtime,
      architecture: random.chance(0.4) ? 'arm64' : 'x86_64',
      memorySizeMB,
      timeoutSeconds,
      async: index % 3 === 0,
      version: random.chance(0.3) ? String(random.int(2, 60)) : '$LATEST',
      weight,
      medianDurationMs,
      sigma: 0.35 + random.next() * 0.55,
      rates: {
        error: (0.005 + random.next() * 0.025) * flaky,
        timeout: 0.004 * flaky,
        outOfMemory: 0.002 * flaky,
        crash: 0.0015 * flaky,
        initError: 0.001 * flaky,
        coldStart: 0.01 + random.next() * 0.02,
      },
      initMedianMs,
      environments: Math.max(1, Math.min(60, Math.round(weight * count * 3 * (0.5 + random.next())))),
      tracing: random.chance(0.2),
      cloudWatchMetrics: index % 4 === 1,
      reservedConcurrency: random.chance(0.15) ? random.pick([5, 10, 25, 50, 100]) : null,
      memoryBaseMB,
      memorySpreadMB: Math.max(1, Math.min(memorySizeMB - memoryBaseMB - 1, Math.round(memorySizeMB * (0.1 + random.next() * 0.3)))),
    };
  });
}
