import { RELATIVE_ACCURACY } from '../../lib/histogram/duration-histogram';
import type { FleetOverview } from '../../lib/metrics/get-fleet-overview';
import type { FunctionSeries } from '../../lib/metrics/get-function-series';
import type { InvocationPage } from '../../lib/metrics/list-function-invocations';

/** How a read model's answer compares with the raw rows': counts exactly, percentiles within the histogram's accuracy. */
export type Agreement = { values: number; worstPercentileError: number; problems: string[] };

/** Durations are stored to 0.01 ms: a percentile may also be off by that rounding. */
const percentileTolerance = (exact: number) => RELATIVE_ACCURACY * Math.abs(exact) + 0.01;

function createAgreement() {
  const agreement: Agreement = { values: 0, worstPercentileError: 0, problems: [] };
  const problem = (text: string) => {
    if (agreement.problems.length < 5) agreement.problems.push(text);
  };
  return {
    agreement,
    exact(where: string, rollups: unknown, raw: unknown) {
      agreement.values += 1;
      const same = typeof rollups === 'number' && typeof raw === 'number' ? Math.abs(rollups - raw) <= 1e-9 * Math.max(1, Math.abs(raw)) : rollups === raw;
      if (!same) problem(`${where}: rollups ${String(rollups)}, raw ${String(raw)}`);
    },
    percentile(where: string, rollups: number | null, raw: number | null) {
      agreement.values += 1;
      if (rollups === null || raw === null) {
        if (rollups !== raw) problem(`${where}: rollups ${String(rollups)}, raw ${String(raw)}`);
        return;
      }
      const error = raw === 0 ? Math.abs(rollups) : Math.abs(rollups - raw) / Math.abs(raw);
      agreement.worstPercentileError = Math.max(agreement.worstPercentileError, error);
      if (Math.abs(rollups - raw) > percentileTolerance(raw)) problem(`${where}: rollups ${rollups}, raw ${raw}`);
    },
  };
}

export function compareSeries(rollups: FunctionSeries, raw: FunctionSeries): Agreement {
  const check = createAgreement();
  check.exact('points', rollups.points.length, raw.points.length);
  rollups.points.forEach((point, index) => {
    const other = raw.points[index];
    if (!other) return;
    const at = point.start;
    check.exact(`${at} start`, point.start, other.start);
    for (const key of ['invocations', 'errors', 'timeouts', 'outOfMemory', 'throttles', 'coldStarts', 'retries', 'maxMemoryUsedMB', 'maxConcurrency', 'costUsd', 'averageInitDurationMs'] as const) {
      check.exact(`${at} ${key}`, point[key], other[key]);
    }
    for (const key of ['p50', 'p95', 'p99'] as const) check.percentile(`${at} ${key}`, point.durationMs[key], other.durationMs[key]);
  });
  return check.agreement;
}

export function compareOverview(rollups: FleetOverview, raw: FleetOverview): Agreement {
  const check = createAgreement();
  check.exact('functions', rollups.functions.length, raw.functions.length);
  rollups.functions.forEach((summary, index) => {
    const other = raw.functions[index];
    if (!other) return;
    const name = summary.function.name;
    check.exact(`#${index + 1}`, name, other.function.name);
    for (const key of ['invocations', 'errors', 'timeouts', 'outOfMemory', 'throttles', 'coldStarts', 'retries', 'maxMemoryUsedMB', 'billedGbSeconds', 'averageInitDurationMs'] as const) {
      check.exact(`${name} ${key}`, summary[key], other[key]);
    }
    check.exact(`${name} cost`, summary.cost.totalUsd, other.cost.totalUsd);
    check.exact(`${name} average duration`, summary.durationMs.average, other.durationMs.average);
    for (const key of ['p50', 'p95', 'p99'] as const) check.percentile(`${name} ${key}`, summary.durationMs[key], other.durationMs[key]);
    check.exact(`${name} sparkline`, summary.sparkline.invocations.join(','), other.sparkline.invocations.join(','));
    check.exact(`${name} sparkline errors`, summary.sparkline.errors.join(','), other.sparkline.errors.join(','));
  });
  return check.agreement;
}

export function compareInvocations(rollups: InvocationPage, raw: InvocationPage): Agreement {
  const check = createAgreement();
  check.exact('items', rollups.items.length, raw.items.length);
  rollups.items.forEach((item, index) => {
    const other = raw.items[index];
    if (!other) return;
    for (const key of ['requestId', 'attemptCount', 'finalStatus', 'outcome', 'durationMs', 'coldStart', 'version', 'errorType', 'errorMessage'] as const) {
      check.exact(`#${index + 1} ${key}`, item[key], other[key]);
    }
    check.exact(`#${index + 1} firstStartAt`, item.firstStartAt.getTime(), other.firstStartAt.getTime());
    check.exact(`#${index + 1} lastEndAt`, item.lastEndAt?.getTime() ?? null, other.lastEndAt?.getTime() ?? null);
  });
  return check.agreement;
}
