import type { DeleteLogStreamCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { getLogGroup } from '../get-log-group';
import { logGroupNameSchema, logStreamNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { logStreamNotFound } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

const deleteLogStreamInputSchema = z.object({ logGroupName: logGroupNameSchema, logStreamName: logStreamNameSchema });

export function deleteLogStream(store: LogStore, input: unknown): Omit<DeleteLogStreamCommandOutput, '$metadata'> {
  const { logGroupName, logStreamName } = parseLogsInput(deleteLogStreamInputSchema, input);
  getLogGroup(store, { logGroupName });
  if (!store.deleteLogStream(logGroupName, logStreamName)) throw logStreamNotFound();
  return {};
}
