import type { DescribeLogGroupsCommandOutput, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import { findFirstIndex } from '../find-first-index';
import { logGroupNameFromIdentifier } from '../log-group-name-from-identifier';
import { limitSchema, logGroupIdentifierSchema, logGroupNameSchema, nextTokenSchema } from '../log-input-schemas';
import type { LogGroupView } from '../log-store-state';
import type { LogStore } from '../log-store';
import { invalidParameter } from '../logs-errors';
import { decodePageToken, encodePageToken } from '../page-token';
import { parseLogsInput } from '../parse-logs-input';

const describeLogGroupsInputSchema = z.object({
  logGroupNamePrefix: logGroupNameSchema.optional(),
  logGroupNamePattern: z.string().max(512).optional(),
  logGroupIdentifiers: z.array(logGroupIdentifierSchema).min(1).max(50).optional(),
  nextToken: nextTokenSchema.optional(),
  limit: limitSchema(50).optional(),
});

const groupsTokenSchema = z.object({ after: z.string() });

type DescribeLogGroupsOutput = Omit<DescribeLogGroupsCommandOutput, '$metadata'>;

/** Groups in name order; the token remembers the last name, so each page starts by binary search. */
export function describeLogGroups(store: LogStore, input: unknown): DescribeLogGroupsOutput {
  const request = parseLogsInput(describeLogGroupsInputSchema, input);
  const { logGroupNamePrefix: prefix = '', logGroupNamePattern: pattern, limit = 50 } = request;
  if (request.logGroupNamePrefix !== undefined && pattern !== undefined) {
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const only = request.logGroupIdentifiers && new Set(request.logGroupIdentifiers.map(logGroupNameFromIdentifier));
  const names = store.listLogGroupNames();
  const after = request.nextToken === undefined ? undefined : decodePageToken(groupsTokenSchema, request.nextToken).after;
  let index = findFirstIndex(names.length, (i) => {
    const name = names[i] as string;
    return name < prefix || (after !== undefined && name <= after);
  });
  const logGroups: LogGroup[] = [];
  let hasMore = false;
  for (; index < names.length; index += 1) {
    const name = names[index] as string;
    if (!name.startsWith(prefix)) break;
    if ((pattern !== undefined && !name.includes(pattern)) || (only && !only.has(name))) continue;
    if (logGroups.length === limit) {
      hasMore = true;
      break;
    }
    const group = store.findLogGroup(name);
    if (group) logGroups.push(pattern === undefined ? describeGroup(group) : describeGroupBriefly(group));
  }
  const last = logGroups.at(-1)?.logGroupName;
  return { logGroups, nextToken: hasMore && last !== undefined ? encodePageToken({ after: last }) : undefined };
}

function describeGroup(group: LogGroupView): LogGroup {
  return {
    logGroupName: group.logGroupName,
    creationTime: group.creationTime,
    retentionInDays: group.retentionInDays,
    metricFilterCount: 0,
    arn: group.arn,
    storedBytes: group.storedBytes,
    logGroupClass: 'STANDARD',
    logGroupArn: group.logGroupArn,
  };
}

/** With logGroupNamePattern AWS returns only these three fields. */
function describeGroupBriefly(group: LogGroupView): LogGroup {
  return { logGroupName: group.logGroupName, creationTime: group.creationTime, arn: group.arn };
}
