import type { ProvisionedConcurrencyConfigListItem } from '@aws-sdk/client-lambda';
import type { FunctionRecord, ProvisionedConcurrency } from '../state/function-records';
import { functionArn } from './function-names';
import type { LambdaContext } from './lambda-context';

/** A provisioned-concurrency config with what the scheduler has actually started for it. */
export function toProvisionedConcurrencyConfig(
  context: LambdaContext,
  record: FunctionRecord,
  qualifier: string,
  provisioned: ProvisionedConcurrency,
): ProvisionedConcurrencyConfigListItem {
  const allocated = context.scheduler.provisionedAllocation(record.name, qualifier);
  return {
    FunctionArn: functionArn(context.settings, record.name, qualifier),
    RequestedProvisionedConcurrentExecutions: provisioned.requested,
    // Every started environment is initialised and idle between invokes, so all of them are available.
    AllocatedProvisionedConcurrentExecutions: allocated,
    AvailableProvisionedConcurrentExecutions: allocated,
    Status: allocated >= provisioned.requested ? 'READY' : 'IN_PROGRESS',
    LastModified: provisioned.lastModified,
  };
}
