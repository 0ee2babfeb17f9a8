/**
 * The CloudWatch Logs API (awsJson1.1, `X-Amz-Target: Logs_20140328.<Operation>`) over a LogStore.
 *
 *   const service = createLogsService({ store, throttleRate: 0 });
 *   await serveHttp({ host: '127.0.0.1', port: 0, handler: service.handle, maxBodyBytes });
 *
 * `throttleRate` is fault injection: that share of calls is answered ThrottlingException
 * ("Rate exceeded", HTTP 400) before the operation runs; `random` makes it deterministic in tests.
 */
import { createAwsJsonService, type AwsJsonOperation } from '../protocol/aws-json-service';
import type { LogStore } from './log-store';
import { rateExceeded } from './logs-errors';
import { createLogGroup } from './operations/create-log-group';
import { createLogStream } from './operations/create-log-stream';
import { deleteLogGroup } from './operations/delete-log-group';
import { deleteLogStream } from './operations/delete-log-stream';
import { deleteRetentionPolicy } from './operations/delete-retention-policy';
import { describeLogGroups } from './operations/describe-log-groups';
import { describeLogStreams } from './operations/describe-log-streams';
import { filterLogEvents } from './operations/filter-log-events';
import { getLogEvents } from './operations/get-log-events';
import { putLogEvents } from './operations/put-log-events';
import { putRetentionPolicy } from './operations/put-retention-policy';

export type LogsServiceOptions = {
  store: LogStore;
  /** Share of calls (0–1) answered ThrottlingException. */
  throttleRate: number;
  /** Uniform [0, 1) source for the throttling draw; Math.random by default. */
  random?: () => number;
};

export type LogsService = ReturnType<typeof createAwsJsonService>;

export function createLogsService({ store, throttleRate, random = Math.random }: LogsServiceOptions): LogsService {
  const operations: Record<string, AwsJsonOperation> = {
    CreateLogGroup: (input) => createLogGroup(store, input),
    DescribeLogGroups: (input) => describeLogGroups(store, input),
    DeleteLogGroup: (input) => deleteLogGroup(store, input),
    PutRetentionPolicy: (input) => putRetentionPolicy(store, input),
    DeleteRetentionPolicy: (input) => deleteRetentionPolicy(store, input),
    CreateLogStream: (input) => createLogStream(store, input),
    DescribeLogStreams: (input) => describeLogStreams(store, input),
    DeleteLogStream: (input) => deleteLogStream(store, input),
    PutLogEvents: (input) => putLogEvents(store, input),
    GetLogEvents: (input) => getLogEvents(store, input),
    FilterLogEvents: (input) => filterLogEvents(store, input),
  };
  return createAwsJsonService({
    targetPrefix: 'Logs_20140328',
    contentType: 'application/x-amz-json-1.1',
    operations,
    beforeOperation: () => {
      if (throttleRate > 0 && random() < throttleRate) throw rateExceeded();
    },
  });
}
