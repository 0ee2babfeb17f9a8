/**
 * What the scheduler reports to the CloudWatch metrics store. `resource` is the AWS/Lambda
 * `Resource` dimension (`name:alias` or `name:version`) when the invoke named a qualifier.
 */
export type MetricTarget = { functionName: string; resource?: string; timestamp: number };

export type MetricSink = {
  recordInvocation(sample: MetricTarget & { durationMs: number; error: boolean }): void;
  recordThrottle(sample: MetricTarget): void;
  /** Called whenever a function's in-flight count changes; the store keeps each minute's maximum. */
  recordConcurrency(sample: MetricTarget & { concurrent: number; accountConcurrent: number }): void;
};
