import type { DeleteLogGroupCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { logGroupNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { logGroupNotFound } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

const deleteLogGroupInputSchema = z.object({ logGroupName: logGroupNameSchema });

export function deleteLogGroup(store: LogStore, input: unknown): Omit<DeleteLogGroupCommandOutput, '$metadata'> {
  const { logGroupName } = parseLogsInput(deleteLogGroupInputSchema, input);
  if (!store.deleteLogGroup(logGroupName)) throw logGroupNotFound();
  return {};
}
