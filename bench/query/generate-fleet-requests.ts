import type { AttemptStatus } from '../../lib/ingest/attempt-fragment';
import { createSeededRandom, type SeededRandom } from '../ingest/seeded-random';
import type { FleetFunction } from './fleet-profiles';

/** One attempt as the store would hold it (the columns the read models use, and a few more). */
export type FleetAttempt = {
  startedMs: number;
  endedMs: number;
  status: AttemptStatus;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  initDurationMs: number | null;
  coldStart: boolean;
  logStreamName: string;
  xrayTraceId: string | null;
};

/** One request id: its attempts in start order (more than one only for an asynchronous retry). */
export type FleetRequest = { fn: FleetFunction; requestId: string; attempts: FleetAttempt[] };

export type FleetTimeline = { attempts: number; startMs: number; endMs: number; seed: number };

/** Share of requests retried once, and twice (asynchronous functions only). */
const P_RETRIED_ONCE = 0.01;
const P_RETRIED_TWICE = 0.004;
/** Peak traffic is (1 + WARP) / (1 − WARP) times the trough, once a day. */
const WARP = 0.35;
const DAY_MS = 86_400_000;

/**
 * Requests of the fleet in start order, `attempts` attempts in all, deterministic for a seed.
 * Attempt slot s (0 … attempts − 1) falls at `start + warp((s + jitter) / attempts) · span` — evenly
 * spread with a daily cycle — and a request takes the slot of its first attempt plus one per
 * retry, so the total is exact. A function is drawn by its share of traffic; a retried request
 * (asynchronous functions only) fails, then is retried a minute after its timeout could have ended,
 * once or twice, as Lambda does (same request id). Outcomes follow the function's rates: about
 * 94 % success, then errors, timeouts, out-of-memory kills, crashes and failed INITs; 1–3 % cold.
 */
export function* generateFleetRequests(fleet: readonly FleetFunction[], timeline: FleetTimeline): Generator<FleetRequest, void> {
  const random = createSeededRandom(timeline.seed);
  const spanMs = timeline.endMs - timeline.startMs;
  const days = spanMs / DAY_MS;
  const pickAny = weightedPicker(fleet, random);
  const asyncFleet = fleet.filter((fn) => fn.async);
  const pickAsync = asyncFleet.length > 0 ? weightedPicker(asyncFleet, random) : null;
  // A retried request's last attempt must start before the data ends.
  const retryGuardMs = 2 * (Math.max(...fleet.map((fn) => fn.timeoutSeconds * 1000)) + 70_000);
  const streams = new Map<number, string>();
  const streamOf = (fn: FleetFunction, environment: number, startedMs: number) => {
    const day = Math.floor(startedMs / DAY_MS);
    const key = (fn.k * 64 + environment) * 100_000 + day;
    let name = streams.get(key);
    if (name === undefined) {
      name = `${new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '/')}/[${fn.version}]${random.hex(32)}`;
      streams.set(key, name);
    }
    return name;
  };

  for (let slot = 0; slot < timeline.attempts; ) {
    const fraction = (slot + random.next()) / timeline.attempts;
    const startMs = timeline.startMs + spanMs * (fraction - (WARP * Math.sin(2 * Math.PI * days * fraction)) / (2 * Math.PI * days));
    const draw = random.next();
    let length = draw < P_RETRIED_TWICE ? 3 : draw < P_RETRIED_TWICE + P_RETRIED_ONCE ? 2 : 1;
    if (pickAsync === null || startMs > timeline.endMs - retryGuardMs) length = 1;
    length = Math.min(length, timeline.attempts - slot);
    const fn = length > 1 ? (pickAsync as () => FleetFunction)() : pickAny();
    const requestId = uuidOf(random);
    const environment = Math.floor(random.next() * fn.environments);
    const attempts: FleetAttempt[] = [];
    let startedMs = Math.round(startMs);
    for (let attempt = 1; attempt <= length; attempt += 1) {
      if (attempt > 1) startedMs = Math.round(startMs + (attempt - 1) * (fn.timeoutSeconds * 1000 + 60_000) + random.next() * 10_000);
      const status = length === 1 ? singleOutcome(fn, random.next()) : retriedOutcome(attempt, length, random.next());
      attempts.push(attemptOf(fn, random, { startedMs, status, logStreamName: streamOf(fn, environment, startedMs), requestId }));
    }
    yield { fn, requestId, attempts };
    slot += length;
  }
}

function attemptOf(fn: FleetFunction, random: SeededRandom, options: { startedMs: number; status: AttemptStatus; logStreamName: string; requestId: string }): FleetAttempt {
  const { startedMs, status } = options;
  const timeoutMs = fn.timeoutSeconds * 1000;
  // Lambda reports a timed-out attempt's duration as the timeout itself; an OOM kill tends to come late.
  const durationMs =
    status === 'timeout'
      ? timeoutMs
      : Math.round(Math.min(timeoutMs - 1, Math.max(0.5, random.logNormal(fn.medianDurationMs, fn.sigma) * (status === 'out_of_memory' ? 3 : 1))) * 100) / 100;
  const coldStart = status === 'init_error' || random.chance(fn.rates.coldStart);
  return {
    startedMs,
    endedMs: Math.round(startedMs + durationMs),
    status,
    durationMs,
    billedDurationMs: Math.max(1, Math.ceil(durationMs)),
    maxMemoryUsedMB: status === 'out_of_memory' ? fn.memorySizeMB : Math.min(fn.memorySizeMB - 1, fn.memoryBaseMB + Math.floor(random.next() * fn.memorySpreadMB)),
    initDurationMs: coldStart ? Math.round(random.logNormal(fn.initMedianMs, 0.35) * 100) / 100 : null,
    coldStart,
    logStreamName: options.logStreamName,
    xrayTraceId: fn.tracing ? `1-${Math.floor(startedMs / 1000).toString(16).padStart(8, '0')}-${options.requestId.replaceAll('-', '').slice(0, 24)}` : null,
  };
}

function singleOutcome(fn: FleetFunction, draw: number): AttemptStatus {
  let bound = fn.rates.error;
  if (draw < bound) return 'error';
  if (draw < (bound += fn.rates.timeout)) return 'timeout';
  if (draw < (bound += fn.rates.outOfMemory)) return 'out_of_memory';
  if (draw < (bound += fn.rates.crash)) return 'crashed';
  if (draw < (bound += fn.rates.initError)) return 'init_error';
  return 'success';
}

/** Every attempt but the last failed (that is why it was retried); the last of three fails half the time. */
function retriedOutcome(attempt: number, length: number, draw: number): AttemptStatus {
  if (attempt < length) return draw < 0.7 ? 'error' : draw < 0.85 ? 'timeout' : draw < 0.93 ? 'out_of_memory' : 'crashed';
  return length === 3 && draw < 0.5 ? 'error' : 'success';
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex8 = (word: number) => `${HEX[word >>> 24]}${HEX[(word >>> 16) & 255]}${HEX[(word >>> 8) & 255]}${HEX[word & 255]}`;

/** A version-4-shaped request id, as Lambda's are (SeededRandom.uuid's shape, a few times faster: it runs per request). */
function uuidOf(random: SeededRandom): string {
  const a = hex8((random.next() * 4_294_967_296) >>> 0);
  const b = hex8((random.next() * 4_294_967_296) >>> 0);
  const c = hex8((random.next() * 4_294_967_296) >>> 0);
  const d = hex8((random.next() * 4_294_967_296) >>> 0);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Draws a function by its share of traffic (binary search over cumulative weights). */
function weightedPicker(fleet: readonly FleetFunction[], random: SeededRandom): () => FleetFunction {
  const bounds: number[] = [];
  let total = 0;
  for (const fn of fleet) bounds.push((total += fn.weight));
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = bounds.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((bounds[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return fleet[low] as FleetFunction;
  };
}
