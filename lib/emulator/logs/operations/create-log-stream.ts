import type { CreateLogStreamCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { getLogGroup } from '../get-log-group';
import { logGroupNameSchema, logStreamNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { logStreamAlreadyExists } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

const createLogStreamInputSchema = z.object({ logGroupName: logGroupNameSchema, logStreamName: logStreamNameSchema });

export function createLogStream(store: LogStore, input: unknown): Omit<CreateLogStreamCommandOutput, '$metadata'> {
  const { logGroupName, logStreamName } = parseLogsInput(createLogStreamInputSchema, input);
  getLogGroup(store, { logGroupName });
  if (!store.createLogStream(logGroupName, logStreamName)) throw logStreamAlreadyExists();
  return {};
}
