import { logGroupNameFromIdentifier } from './log-group-name-from-identifier';
import type { LogGroupView } from './log-store-state';
import type { LogStore } from './log-store';
import { invalidParameter, logGroupNotFound } from './logs-errors';

export type LogGroupReference = { logGroupName?: string | undefined; logGroupIdentifier?: string | undefined };

/**
 * The group an operation names, by `logGroupName` or `logGroupIdentifier` (a name or an ARN,
 * with or without the trailing `:*`). Throws ResourceNotFoundException when it is missing.
 */
export function getLogGroup(store: LogStore, reference: LogGroupReference): LogGroupView {
  const { logGroupName, logGroupIdentifier } = reference;
  if (logGroupName !== undefined && logGroupIdentifier !== undefined) {
    throw invalidParameter('LogGroup name and LogGroup identifier are mutually exclusive parameters.');
  }
  const name =
    logGroupName ?? (logGroupIdentifier === undefined ? undefined : logGroupNameFromIdentifier(logGroupIdentifier));
  if (name === undefined) throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  const group = store.findLogGroup(name);
  if (!group) throw logGroupNotFound();
  return group;
}
