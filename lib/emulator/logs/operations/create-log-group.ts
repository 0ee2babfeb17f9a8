import type { CreateLogGroupCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { logGroupNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { logGroupAlreadyExists } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

const createLogGroupInputSchema = z.object({ logGroupName: logGroupNameSchema });

export function createLogGroup(store: LogStore, input: unknown): Omit<CreateLogGroupCommandOutput, '$metadata'> {
  const { logGroupName } = parseLogsInput(createLogGroupInputSchema, input);
  if (!store.createLogGroup(logGroupName)) throw logGroupAlreadyExists();
  return {};
}
