import { createAwsJsonService } from '../protocol/aws-json-service';
import { createMetricsOperations, METRICS_ACTIONS } from './create-metrics-operations';
import type { MetricStore } from './metric-store';
import { toJsonWire } from './to-json-wire';

export { createMetricsQueryService } from './metrics-query-service';

export type MetricsServiceOptions = { store: MetricStore };

/**
 * CloudWatch's metrics API as the v3 SDK speaks it: awsJson1.0, `X-Amz-Target:
 * GraniteServiceVersion20100801.<Op>`, errors with `x-amzn-query-error` for query compatibility.
 */
export function createMetricsService({ store }: MetricsServiceOptions) {
  const operations = createMetricsOperations(store);
  return createAwsJsonService({
    targetPrefix: 'GraniteServiceVersion20100801',
    contentType: 'application/x-amz-json-1.0',
    queryCompatible: true,
    operations: Object.fromEntries(
      METRICS_ACTIONS.map((action) => [action, (input: unknown) => toJsonWire(operations[action](input))]),
    ),
  });
}
