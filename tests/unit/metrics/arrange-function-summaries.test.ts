import { expect, test } from 'vitest';
import { arrangeFunctionSummaries, type OverviewSort } from '../../../lib/metrics/arrange-function-summaries';
import type { FunctionSummary } from '../../../lib/metrics/list-function-summaries';

const summary = (name: string, values: { invocations: number; errorRate: number | null; p95: number | null; cost: number }): FunctionSummary => ({
  function: { id: name.length, name, arn: `arn:${name}`, runtime: 'nodejs20.x', architecture: 'x86_64', memorySizeMB: 128, deleted: false },
  source: { id: 1, name: name.startsWith('api') ? 'prod' : 'staging', region: 'us-east-1' },
  invocations: values.invocations,
  errors: 0,
  errorRate: values.errorRate,
  timeouts: 0,
  outOfMemory: 0,
  throttles: 0,
  coldStarts: 0,
  coldStartRate: null,
  retries: 0,
  durationMs: { average: null, p50: null, p95: values.p95, p99: null },
  averageInitDurationMs: null,
  maxMemoryUsedMB: null,
  billedGbSeconds: 0,
  cost: { currency: 'USD', requestsUsd: 0, computeUsd: 0, totalUsd: values.cost, pricedRegion: 'us-east-1', pricedArchitecture: 'x86_64' },
});

const all = [
  summary('api-orders', { invocations: 50, errorRate: 2, p95: 120, cost: 0.5 }),
  summary('billing', { invocations: 900, errorRate: null, p95: null, cost: 0.1 }),
  summary('api-users', { invocations: 50, errorRate: 10, p95: 80, cost: 2 }),
];

test.each<[OverviewSort, 'asc' | 'desc', string, string[]]>([
  ['name', 'asc', '', ['api-orders', 'api-users', 'billing']],
  ['invocations', 'desc', '', ['billing', 'api-orders', 'api-users']],
  ['errorRate', 'desc', '', ['api-users', 'api-orders', 'billing']],
  ['p95', 'asc', '', ['billing', 'api-users', 'api-orders']],
  ['cost', 'desc', '', ['api-users', 'api-orders', 'billing']],
  ['name', 'asc', 'API', ['api-orders', 'api-users']],
  ['name', 'asc', 'staging', ['billing']],
])('sort %s %s, filter %j', (sort, direction, filter, expected) => {
  expect(arrangeFunctionSummaries(all, { sort, direction, filter }).map((entry) => entry.function.name)).toEqual(expected);
});
