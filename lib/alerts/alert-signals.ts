import { histogramPercentile } from '../histogram/duration-histogram';
import { estimateCost } from '../metrics/estimate-cost';
import type { RollupTotals } from '../metrics/rollup-totals';

/** Every Lambda signal a rule can watch. */
export const alertSignals = [
  'error_rate',
  'error_count',
  'timeouts',
  'out_of_memory',
  'throttles',
  'p95_duration',
  'p99_duration',
  'cold_start_rate',
  'init_duration_p95',
  'retries',
  'exhausted_retries',
  'concurrency_used',
  'cost_per_hour',
  'no_invocations',
] as const;

export type AlertSignal = (typeof alertSignals)[number];

/** How a signal reads to a person: its label and its unit. */
export const signalInfo: Record<AlertSignal, { label: string; unit: '%' | 'ms' | 'USD/h' | 'count' }> = {
  error_rate: { label: 'error rate', unit: '%' },
  error_count: { label: 'errors', unit: 'count' },
  timeouts: { label: 'timeouts', unit: 'count' },
  out_of_memory: { label: 'out-of-memory kills', unit: 'count' },
  throttles: { label: 'throttles', unit: 'count' },
  p95_duration: { label: 'p95 duration', unit: 'ms' },
  p99_duration: { label: 'p99 duration', unit: 'ms' },
  cold_start_rate: { label: 'cold start rate', unit: '%' },
  init_duration_p95: { label: 'init duration p95', unit: 'ms' },
  retries: { label: 'retries', unit: 'count' },
  exhausted_retries: { label: 'events that exhausted their retries', unit: 'count' },
  concurrency_used: { label: 'concurrency used of its limit', unit: '%' },
  cost_per_hour: { label: 'estimated cost', unit: 'USD/h' },
  no_invocations: { label: 'invocations', unit: 'count' },
};

/** Everything a window of one function says, read from rollups (and, for two signals, from attempts and invocations). */
export type WindowFacts = {
  totals: RollupTotals;
  throttles: number;
  /** The window's peak, from CloudWatch; null when not polled. */
  maxConcurrency: number | null;
  /** Only read when a rule watches it. */
  initDurationP95: number | null;
  exhaustedRetries: number;
};

export type FunctionFacts = { architecture: string; region: string; reservedConcurrency: number | null };

/** Lambda's default concurrency quota per account and region. */
const ACCOUNT_CONCURRENCY = 1_000;

/**
 * A signal's value over one window, or null when the window cannot say (a rate or a percentile
 * with no invocations): a null value never breaches, so a quiet function does not fire an error
 * rate rule. Pure.
 */
export function signalValue(signal: AlertSignal, facts: WindowFacts, fn: FunctionFacts, windowMinutes: number): number | null {
  const { totals } = facts;
  const rate = (count: number) => (totals.invocations === 0 ? null : (100 * count) / totals.invocations);
  switch (signal) {
    case 'error_rate':
      return rate(totals.errors);
    case 'error_count':
      return totals.errors;
    case 'timeouts':
      return totals.timeouts;
    case 'out_of_memory':
      return totals.outOfMemory;
    case 'throttles':
      return facts.throttles;
    case 'p95_duration':
      return histogramPercentile(totals.histogram, 95) ?? null;
    case 'p99_duration':
      return histogramPercentile(totals.histogram, 99) ?? null;
    case 'cold_start_rate':
      return rate(totals.coldStarts);
    case 'init_duration_p95':
      return facts.initDurationP95;
    case 'retries':
      return totals.retries;
    case 'exhausted_retries':
      return facts.exhaustedRetries;
    case 'concurrency_used':
      return facts.maxConcurrency === null ? null : (100 * facts.maxConcurrency) / (fn.reservedConcurrency ?? ACCOUNT_CONCURRENCY);
    case 'cost_per_hour': {
      const cost = estimateCost({ requests: totals.invocations, gbSeconds: totals.billedGbSeconds, architecture: fn.architecture, region: fn.region });
      return (cost.totalUsd * 60) / windowMinutes;
    }
    case 'no_invocations':
      return totals.invocations;
  }
}

export const comparisons = ['>', '>=', '<', '<='] as const;
export type Comparison = (typeof comparisons)[number];

/** Whether a value breaches the rule's threshold; a window without a value never does. Pure. */
export function breaches(value: number | null, comparison: Comparison, threshold: number): boolean {
  if (value === null) return false;
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}

/** A signal's value as a message shows it: "12.5 %", "1,234 ms", "$0.42/h", "17". Pure. */
export function formatSignalValue(signal: AlertSignal, value: number | null): string {
  if (value === null) return 'no data';
  const number = (digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
  switch (signalInfo[signal].unit) {
    case '%':
      return `${number(1)} %`;
    case 'ms':
      return `${number(0)} ms`;
    case 'USD/h':
      return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}/h`;
    case 'count':
      return number(2);
  }
}

/** Failures worth a sample request to investigate. */
export const failureSignals: ReadonlySet<AlertSignal> = new Set(['error_rate', 'error_count', 'timeouts', 'out_of_memory', 'retries', 'exhausted_retries']);
