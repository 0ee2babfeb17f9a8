import type { PutRetentionPolicyCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { logGroupNameSchema } from '../log-input-schemas';
import type { LogStore } from '../log-store';
import { invalidParameter, logGroupNotFound } from '../logs-errors';
import { parseLogsInput } from '../parse-logs-input';

/** The only retention periods CloudWatch Logs accepts (PutRetentionPolicy API reference). */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const putRetentionPolicyInputSchema = z.object({
  logGroupName: logGroupNameSchema,
  retentionInDays: z.number({ error: 'Member must not be null' }).int('Member must be an integer'),
});

export function putRetentionPolicy(store: LogStore, input: unknown): Omit<PutRetentionPolicyCommandOutput, '$metadata'> {
  const { logGroupName, retentionInDays } = parseLogsInput(putRetentionPolicyInputSchema, input);
  if (!RETENTION_DAYS.includes(retentionInDays)) {
    throw invalidParameter(
      `1 validation error detected: Value '${retentionInDays}' at 'retentionInDays' failed to satisfy constraint: ` +
        `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  if (!store.setRetention(logGroupName, retentionInDays)) throw logGroupNotFound();
  return {};
}
