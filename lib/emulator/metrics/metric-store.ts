import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addSample, createHistogram } from '../../histogram/duration-histogram';
import { decodeSnapshot, encodeSnapshot } from './metric-snapshot';
import type { MetricSink, MetricTarget } from './metric-sink';
import { seriesKey, type Dimension, type MetricIdentity, type MetricSeries, type MetricUnit } from './metric-series';
import { writeFileAtomically } from './write-file-atomically';

export type MetricStoreOptions = {
  /** Where `metrics.json` lives; null keeps metrics in memory only. */
  dir: string | null;
  /** The longest a recorded sample waits before it is on disk (default 5 s). */
  flushIntervalMs?: number;
};

/** Read access for the CloudWatch API; series are the store's own objects and must not be changed. */
export type MetricStore = MetricSink & {
  findSeries(metric: MetricIdentity): Readonly<MetricSeries> | null;
  listSeries(): ReadonlyArray<Readonly<MetricSeries>>;
  /** Writes the snapshot now if anything changed since the last write. */
  flush(): Promise<void>;
  /** Stops the flush timer and writes a last snapshot. */
  close(): Promise<void>;
};

const NAMESPACE = 'AWS/Lambda';
const SNAPSHOT_FILE = 'metrics.json';

/**
 * The AWS/Lambda metrics the scheduler reports, kept per minute per dimension set as Lambda
 * publishes them: account-wide (no dimensions), `{FunctionName}` and `{FunctionName, Resource}`.
 */
export async function openMetricStore(options: MetricStoreOptions): Promise<MetricStore> {
  const file = options.dir === null ? null : join(options.dir, SNAPSHOT_FILE);
  const series = new Map<string, MetricSeries>();
  if (options.dir !== null && file !== null) {
    await mkdir(options.dir, { recursive: true });
    for (const one of await readSnapshot(file)) series.set(seriesKey(one), one);
  }

  let dirty = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  // Hot path: one string concatenation finds a series; the canonical key is built once per series.
  const byScope = new Map<string, MetricSeries>();
  const seriesFor = (metricName: string, unit: MetricUnit, scope: Scope, target: MetricTarget): MetricSeries => {
    const functionName = scope === 'account' ? '' : target.functionName;
    const scopeKey = `${metricName}\u0000${functionName}\u0000${scope === 'resource' ? target.resource : ''}`;
    let one = byScope.get(scopeKey);
    if (one) return one;
    const identity = { namespace: NAMESPACE, metricName, dimensions: scopeDimensions(scope, target) };
    const key = seriesKey(identity);
    one = series.get(key) ?? { ...identity, unit, minutes: new Map() };
    series.set(key, one);
    byScope.set(scopeKey, one);
    return one;
  };

  const add = (metricName: string, unit: MetricUnit, scope: Scope, target: MetricTarget, value: number) => {
    // Durations and timestamps come from the scheduler's clock; a NaN would poison a whole minute.
    if (!Number.isFinite(target.timestamp) || !Number.isFinite(value)) return;
    const minutes = seriesFor(metricName, unit, scope, target).minutes;
    const minute = Math.floor(target.timestamp / 60_000) * 60;
    let samples = minutes.get(minute);
    if (!samples) {
      samples = createHistogram();
      minutes.set(minute, samples);
    }
    addSample(samples, value);
    markDirty();
  };

  const markDirty = () => {
    if (dirty) return;
    dirty = true;
    if (file === null || closed) return;
    timer = setTimeout(() => void flush().catch(() => undefined), options.flushIntervalMs ?? 5_000);
    timer.unref();
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (file === null || !dirty) return writing;
    // Serialise now (the state at this instant) and queue the write behind any write in flight.
    dirty = false;
    const contents = encodeSnapshot(series.values());
    writing = writing
      .catch(() => undefined)
      .then(() => writeFileAtomically(file, contents))
      .catch((error: unknown) => {
        markDirty(); // retried by the next timer, flush() or close()
        throw error;
      });
    return writing;
  };

  return {
    recordInvocation(sample) {
      for (const scope of scopesOf(sample)) {
        add('Invocations', 'Count', scope, sample, 1);
        // Lambda publishes Errors for every invocation (0 or 1), so Average is the error rate.
        add('Errors', 'Count', scope, sample, sample.error ? 1 : 0);
        add('Duration', 'Milliseconds', scope, sample, Math.max(0, sample.durationMs));
      }
    },
    recordThrottle(sample) {
      for (const scope of scopesOf(sample)) add('Throttles', 'Count', scope, sample, 1);
    },
    recordConcurrency(sample) {
      // `concurrent` counts the whole function, so it cannot stand for one alias's Resource series.
      add('ConcurrentExecutions', 'Count', 'function', sample, sample.concurrent);
      add('ConcurrentExecutions', 'Count', 'account', sample, sample.accountConcurrent);
    },
    findSeries: (metric) => series.get(seriesKey(metric)) ?? null,
    listSeries: () => [...series.values()],
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}

/** The dimension sets Lambda publishes a sample under: account-wide, per function, per alias/version. */
type Scope = 'account' | 'function' | 'resource';
const WITHOUT_RESOURCE: Scope[] = ['account', 'function'];
const WITH_RESOURCE: Scope[] = ['account', 'function', 'resource'];

function scopesOf(target: MetricTarget): Scope[] {
  return target.resource ? WITH_RESOURCE : WITHOUT_RESOURCE;
}

function scopeDimensions(scope: Scope, target: MetricTarget): Dimension[] {
  if (scope === 'account') return [];
  const byFunction = [{ Name: 'FunctionName', Value: target.functionName }];
  // Sorted by name, as seriesKey and the API answers expect.
  return scope === 'function' ? byFunction : [...byFunction, { Name: 'Resource', Value: target.resource ?? '' }];
}

async function readSnapshot(file: string): Promise<MetricSeries[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    return decodeSnapshot(text);
  } catch (error) {
    // Refuse rather than start empty and overwrite the file with nothing at the next flush.
    throw new Error(`Cannot load metrics from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
