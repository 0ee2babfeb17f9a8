import type { FunctionSeries } from '@/lib/metrics/get-function-series';
import { formatCount, formatDuration, formatUsd } from '../../../components/format';
import { TimeSeriesChart } from '../../../components/time-series-chart';

/** The function page's charts, each with a one-sentence summary of what it shows. */
export function FunctionCharts({ series }: { series: FunctionSeries }) {
  const { points } = series;
  const times = points.map((point) => point.start);
  const pick = (value: (point: (typeof points)[number]) => number | null) => points.map(value);
  const sum = (value: (point: (typeof points)[number]) => number) => points.reduce((total, point) => total + value(point), 0);
  const peak = (values: ReadonlyArray<number | null>) => values.reduce<number | null>((max, value) => (value === null ? max : Math.max(max ?? value, value)), null);
  const bucket = `${series.bucketMs / 60_000}-minute`;
  const invocations = sum((point) => point.invocations);
  const p95 = pick((point) => point.durationMs.p95);
  const memory = pick((point) => point.maxMemoryUsedMB);
  const concurrency = pick((point) => point.maxConcurrency);
  const init = pick((point) => point.averageInitDurationMs);
  const limit = series.function.reservedConcurrency;
  return (
    <div className="grid">
      <TimeSeriesChart
        title="Invocations, errors and throttles"
        times={times}
        unit="per bucket"
        series={[
          { label: 'Invocations', values: pick((point) => point.invocations), color: 'accent' },
          { label: 'Errors', values: pick((point) => point.errors), color: 'bad' },
          { label: 'Throttles', values: pick((point) => point.throttles), color: 'warn' },
        ]}
        summary={`${formatCount(invocations)} invocations, ${formatCount(sum((point) => point.errors))} errors and ${formatCount(sum((point) => point.throttles))} throttles in ${bucket} buckets.`}
      />
      <TimeSeriesChart
        title="Duration"
        times={times}
        unit="ms"
        series={[
          { label: 'p50', values: pick((point) => point.durationMs.p50), color: 'ok' },
          { label: 'p95', values: p95, color: 'warn' },
          { label: 'p99', values: pick((point) => point.durationMs.p99), color: 'bad' },
        ]}
        summary={invocations === 0 ? 'No invocations in this range.' : `p95 peaked at ${formatDuration(peak(p95))} (timeout ${series.function.timeoutSeconds} s).`}
      />
      <TimeSeriesChart
        title="Cold starts"
        times={times}
        unit="per bucket"
        series={[{ label: 'Cold starts', values: pick((point) => point.coldStarts), color: 'info', kind: 'bar' }]}
        summary={`${formatCount(sum((point) => point.coldStarts))} cold starts of ${formatCount(invocations)} invocations.`}
      />
      <TimeSeriesChart
        title="Init duration (cold starts)"
        times={times}
        unit="ms"
        series={[{ label: 'Average init duration', values: init, color: 'info' }]}
        summary={peak(init) === null ? 'No cold start in this range.' : `Average init duration peaked at ${formatDuration(peak(init))}.`}
      />
      <TimeSeriesChart
        title="Memory"
        times={times}
        unit="MB"
        series={[
          { label: 'Max memory used', values: memory, color: 'accent' },
          { label: 'Configured', values: points.map(() => series.function.memorySizeMB), color: 'muted', dashed: true },
        ]}
        summary={peak(memory) === null ? `No REPORT in this range; ${series.function.memorySizeMB} MB configured.` : `At most ${peak(memory)} MB used of ${series.function.memorySizeMB} MB configured.`}
      />
      <TimeSeriesChart
        title="Concurrency"
        times={times}
        unit="executions"
        series={[
          { label: 'Max concurrent executions', values: concurrency, color: 'accent' },
          ...(limit === null ? [] : [{ label: 'Reserved concurrency', values: points.map(() => limit), color: 'muted' as const, dashed: true }]),
        ]}
        summary={peak(concurrency) === null ? 'No concurrency metrics in this range.' : `At most ${peak(concurrency)} concurrent executions${limit === null ? '' : ` of ${limit} reserved`}.`}
      />
      <TimeSeriesChart
        title="Retries"
        times={times}
        unit="per bucket"
        series={[{ label: 'Retries', values: pick((point) => point.retries), color: 'warn', kind: 'bar' }]}
        summary={`${formatCount(sum((point) => point.retries))} retried attempts (asynchronous events Lambda ran again).`}
      />
      <TimeSeriesChart
        title="Estimated cost"
        times={times}
        unit="USD"
        series={[{ label: 'Cost', values: pick((point) => point.costUsd), color: 'ok', kind: 'bar' }]}
        summary={`About ${formatUsd(sum((point) => point.costUsd))} in this range (requests and GB-seconds at on-demand prices).`}
      />
    </div>
  );
}
