import type { DeleteRetentionPolicyCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { logGroupNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { logGroupNotFound } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

const deleteRetentionPolicyInputSchema = z.object({ logGroupName: logGroupNameSchema });

export function deleteRetentionPolicy(
  store: LogStore,
  input: unknown,
): Omit<DeleteRetentionPolicyCommandOutput, '$metadata'> {
  const { logGroupName } = parseLogsInput(deleteRetentionPolicyInputSchema, input);
  if (!store.setRetention(logGroupName, null)) throw logGroupNotFound();
  return {};
}
