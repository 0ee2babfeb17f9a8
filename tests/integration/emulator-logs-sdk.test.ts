import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateDescribeLogGroups,
  paginateDescribeLogStreams,
  paginateFilterLogEvents,
  paginateGetLogEvents,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  type FilteredLogEvent,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LogEventInput } from '@/lib/emulator/logs/log-sink';
import { LOG_JOURNAL_FILE, openLogStore, type LogStore } from '@/lib/emulator/logs/log-store';
import { createLogsService } from '@/lib/emulator/logs/logs-service';
import { serveHttp, type RunningServer } from '@/lib/emulator/protocol/serve-http';

type RunningLogs = { store: LogStore; server: RunningServer; client: CloudWatchLogsClient; stop: () => Promise<void> };

async function startLogs(options: { dir?: string | null; throttleRate?: number; random?: () => number } = {}): Promise<RunningLogs> {
  const store = await openLogStore({ dir: options.dir ?? null, region: 'us-east-1', accountId: '123456789012' });
  const service = createLogsService({ store, throttleRate: options.throttleRate ?? 0, random: options.random });
  const server = await serveHttp({ host: '127.0.0.1', port: 0, handler: service.handle, maxBodyBytes: 8 * 1024 * 1024 });
  const client = new CloudWatchLogsClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // Retries would hide the exact answer (throttling in particular) behind back-off.
    maxAttempts: 1,
  });
  const stop = async () => {
    client.destroy();
    await server.close();
    await store.close();
  };
  return { store, server, client, stop };
}

async function failureOf(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail');
}

let counter = 0;
const uniqueName = (label: string) => `/lambdascope-test/${label}-${process.pid}-${Date.now()}-${(counter += 1)}`;

/** Events one second apart ending a minute ago, so PutLogEvents accepts them all. */
function makeEvents(count: number, label: string, end = Date.now() - 60_000): LogEventInput[] {
  return Array.from({ length: count }, (_, i) => ({ timestamp: end - (count - i) * 1000, message: `${label} event ${i}` }));
}

let logs: RunningLogs;
beforeAll(async () => {
  logs = await startLogs();
});
afterAll(async () => {
  await logs.stop();
});

async function createGroupWithStream(label: string) {
  const logGroupName = uniqueName(label);
  const logStreamName = `stream-${label}`;
  await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
  await logs.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  return { logGroupName, logStreamName };
}

describe('log groups', () => {
  test('CreateLogGroup then DescribeLogGroups shows it with AWS fields', async () => {
    const logGroupName = uniqueName('create');
    const before = Date.now();
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    const { logGroups } = await logs.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
    const [{ creationTime, ...described } = {}, ...others] = logGroups ?? [];
    expect(others).toEqual([]);
    expect(creationTime).toBeGreaterThanOrEqual(before);
    expect(described).toEqual({
        logGroupName,
        metricFilterCount: 0,
        arn: `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}:*`,
        logGroupArn: `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}`,
        storedBytes: 0,
        logGroupClass: 'STANDARD',
    });
  });

  test('DescribeLogGroups pages through a prefix in name order', async () => {
    const prefix = uniqueName('paging');
    const names = Array.from({ length: 7 }, (_, i) => `${prefix}/${String.fromCharCode(103 - i)}`);
    for (const logGroupName of names) await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.client.send(new CreateLogGroupCommand({ logGroupName: `${prefix}x-not-under-the-slash` }));

    const pageSizes: number[] = [];
    const seen: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: logs.client, pageSize: 3 }, { logGroupNamePrefix: `${prefix}/` })) {
      pageSizes.push(page.logGroups?.length ?? 0);
      seen.push(...(page.logGroups ?? []).map((group) => group.logGroupName ?? ''));
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual([...names].sort());
  });

  test('DescribeLogGroups with logGroupNamePattern matches substrings', async () => {
    const logGroupName = uniqueName('Pattern');
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    const { logGroups } = await logs.client.send(new DescribeLogGroupsCommand({ logGroupNamePattern: logGroupName.slice(5) }));
    expect(logGroups?.map((group) => group.logGroupName)).toEqual([logGroupName]);
  });

  test('DeleteLogGroup removes the group and its streams', async () => {
    const { logGroupName } = await createGroupWithStream('delete');
    await logs.client.send(new DeleteLogGroupCommand({ logGroupName }));
    const { logGroups } = await logs.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
    expect(logGroups).toEqual([]);
    const error = await failureOf(logs.client.send(new DescribeLogStreamsCommand({ logGroupName })));
    expect(error.name).toBe('ResourceNotFoundException');
  });

  test('PutRetentionPolicy and DeleteRetentionPolicy set and clear retentionInDays', async () => {
    const logGroupName = uniqueName('retention');
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 14 }));
    let described = await logs.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
    expect(described.logGroups?.[0]?.retentionInDays).toBe(14);
    await logs.client.send(new DeleteRetentionPolicyCommand({ logGroupName }));
    described = await logs.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }));
    expect(described.logGroups?.[0]?.retentionInDays).toBeUndefined();
  });

  test('retention hides events older than the policy', async () => {
    const { logGroupName, logStreamName } = await createGroupWithStream('retention-reads');
    const now = Date.now();
    const logEvents = [
      { timestamp: now - 26 * 3_600_000, message: 'a day and two hours old' },
      { timestamp: now - 3 * 3_600_000, message: 'three hours old' },
    ];
    await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
    await logs.client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 1 }));
    const got = await logs.client.send(new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true }));
    expect(got.events?.map((event) => event.message)).toEqual(['three hours old']);
    const filtered = await logs.client.send(new FilterLogEventsCommand({ logGroupName }));
    expect(filtered.events?.map((event) => event.message)).toEqual(['three hours old']);
  });
});

describe('log streams', () => {
  test('CreateLogStream then DescribeLogStreams reports times, arn and event bounds', async () => {
    const { logGroupName, logStreamName } = await createGroupWithStream('streams');
    let { logStreams } = await logs.client.send(new DescribeLogStreamsCommand({ logGroupName }));
    const [{ creationTime, ...described } = {}, ...others] = logStreams ?? [];
    expect(others).toEqual([]);
    expect(creationTime).toBeTypeOf('number');
    expect(described).toEqual({
      logStreamName,
      arn: `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}:log-stream:${logStreamName}`,
      storedBytes: 0,
    });
    const logEvents = makeEvents(3, 'bounds');
    await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
    const logGroupIdentifier = `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}`;
    ({ logStreams } = await logs.client.send(new DescribeLogStreamsCommand({ logGroupIdentifier })));
    expect(logStreams?.[0]).toMatchObject({
      firstEventTimestamp: logEvents[0]?.timestamp,
      lastEventTimestamp: logEvents[2]?.timestamp,
    });
    expect(logStreams?.[0]?.lastIngestionTime).toBeTypeOf('number');
    expect(logStreams?.[0]?.uploadSequenceToken).toMatch(/^\d{56}$/);
  });

  test('DescribeLogStreams pages by name with a prefix, both directions', async () => {
    const logGroupName = uniqueName('stream-paging');
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    const names = ['app/1', 'app/2', 'app/3', 'app/4', 'app/5', 'other/1'];
    for (const logStreamName of names) await logs.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));

    const collect = async (descending: boolean) => {
      const pages: string[][] = [];
      const paginator = paginateDescribeLogStreams(
        { client: logs.client, pageSize: 2 },
        { logGroupName, logStreamNamePrefix: 'app/', descending },
      );
      for await (const page of paginator) pages.push((page.logStreams ?? []).map((stream) => stream.logStreamName ?? ''));
      return pages;
    };
    expect(await collect(false)).toEqual([['app/1', 'app/2'], ['app/3', 'app/4'], ['app/5']]);
    expect(await collect(true)).toEqual([['app/5', 'app/4'], ['app/3', 'app/2'], ['app/1']]);
  });

  test('DescribeLogStreams orders by LastEventTime, newest first when descending', async () => {
    const logGroupName = uniqueName('last-event');
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    const end = Date.now() - 60_000;
    const order = ['middle', 'newest', 'oldest'];
    const offsets: Record<string, number> = { oldest: 3000, middle: 2000, newest: 1000 };
    for (const logStreamName of order) {
      await logs.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
      const logEvents = [{ timestamp: end - (offsets[logStreamName] ?? 0), message: logStreamName }];
      await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
    }
    const pages: string[][] = [];
    const paginator = paginateDescribeLogStreams(
      { client: logs.client, pageSize: 2 },
      { logGroupName, orderBy: 'LastEventTime', descending: true },
    );
    for await (const page of paginator) pages.push((page.logStreams ?? []).map((stream) => stream.logStreamName ?? ''));
    expect(pages).toEqual([['newest', 'middle'], ['oldest']]);
  });

  test('DeleteLogStream removes one stream', async () => {
    const { logGroupName, logStreamName } = await createGroupWithStream('delete-stream');
    await logs.client.send(new DeleteLogStreamCommand({ logGroupName, logStreamName }));
    const { logStreams } = await logs.client.send(new DescribeLogStreamsCommand({ logGroupName }));
    expect(logStreams).toEqual([]);
  });
});

describe('PutLogEvents', () => {
  test('stores events and returns a sequence token', async () => {
    const { logGroupName, logStreamName } = await createGroupWithStream('put');
    const result = await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: makeEvents(3, 'put') }));
    expect(result.nextSequenceToken).toMatch(/^\d{56}$/);
    expect(result.rejectedLogEventsInfo).toBeUndefined();
    const second = await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: makeEvents(1, 'again') }));
    expect(second.nextSequenceToken).not.toBe(result.nextSequenceToken);
  });

  test('reports events too old, expired and too new, storing the rest', async () => {
    const { logGroupName, logStreamName } = await createGroupWithStream('rejected');
    const now = Date.now();
    const day = 86_400_000;
    const old = await logs.client.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: [
          { timestamp: now - 14 * day - 3_600_000, message: 'too old' },
          { timestamp: now - 14 * day + 3_600_000, message: 'old but fine' },
        ],
      }),
    );
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    const future = await logs.client.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: [
          { timestamp: now, message: 'now' },
          { timestamp: now + 3 * 3_600_000, message: 'too new' },
        ],
      }),
    );
    expect(future.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    await logs.client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 1 }));
    const expired = await logs.client.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: [
          { timestamp: now - 25 * 3_600_000, message: 'expired' },
          { timestamp: now - 2 * 3_600_000, message: 'kept' },
        ],
      }),
    );
    expect(expired.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 1 });
    const { events } = await logs.client.send(new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true }));
    expect(events?.map((event) => event.message)).toEqual(['kept', 'now']);
  });
});

describe('GetLogEvents', () => {
  const count = 25;
  let stream: { logGroupName: string; logStreamName: string };
  let written: LogEventInput[];
  beforeAll(async () => {
    stream = await createGroupWithStream('get');
    written = makeEvents(count, 'get');
    await logs.client.send(new PutLogEventsCommand({ ...stream, logEvents: written }));
  });
  const messages = (events: OutputLogEvent[] | undefined) => (events ?? []).map((event) => event.message ?? '');

  test('pages forward from the head and returns the same token at the end', async () => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    for (;;) {
      const page = await logs.client.send(new GetLogEventsCommand({ ...stream, startFromHead: true, limit: 10, nextToken }));
      expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
      expect(page.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
      pages.push(messages(page.events));
      if (page.nextForwardToken === nextToken) break;
      nextToken = page.nextForwardToken;
    }
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5, 0]);
    expect(pages.flat()).toEqual(written.map((event) => event.message));
  });

  test('starts at the tail by default and pages backward to the head', async () => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    for (;;) {
      const page = await logs.client.send(new GetLogEventsCommand({ ...stream, limit: 10, nextToken }));
      pages.push(messages(page.events));
      if (page.nextBackwardToken === nextToken) break;
      nextToken = page.nextBackwardToken;
    }
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5, 0]);
    expect(pages.reverse().flat()).toEqual(written.map((event) => event.message));
  });

  test('a backward page hands out a forward token that resumes after it', async () => {
    const tail = await logs.client.send(new GetLogEventsCommand({ ...stream, limit: 5 }));
    const before = await logs.client.send(new GetLogEventsCommand({ ...stream, limit: 5, nextToken: tail.nextBackwardToken }));
    const again = await logs.client.send(new GetLogEventsCommand({ ...stream, limit: 5, nextToken: before.nextForwardToken }));
    expect(messages(again.events)).toEqual(messages(tail.events));
  });

  test('the SDK paginator stops on the repeated forward token', async () => {
    const all: string[] = [];
    // GetLogEvents never stops handing out tokens; AWS's own paginator needs stopOnSameToken.
    const paginator = paginateGetLogEvents(
      { client: logs.client, pageSize: 7, stopOnSameToken: true },
      { ...stream, startFromHead: true },
    );
    for await (const page of paginator) all.push(...messages(page.events));
    expect(all).toEqual(written.map((event) => event.message));
  });

  test('startTime is inclusive and endTime exclusive', async () => {
    const startTime = written[5]?.timestamp;
    const endTime = written[8]?.timestamp;
    const page = await logs.client.send(new GetLogEventsCommand({ ...stream, startTime, endTime, startFromHead: true }));
    expect(messages(page.events)).toEqual(['get event 5', 'get event 6', 'get event 7']);
  });

  test('events carry timestamp and ingestion time', async () => {
    const page = await logs.client.send(new GetLogEventsCommand({ ...stream, limit: 1, startFromHead: true }));
    expect(page.events?.map(({ ingestionTime, ...event }) => [event, typeof ingestionTime])).toEqual([
      [{ timestamp: written[0]?.timestamp, message: 'get event 0' }, 'number'],
    ]);
  });
});

describe('FilterLogEvents', () => {
  let logGroupName: string;
  const streams = ['alpha', 'beta', 'gamma'];
  const perStream = 1500;
  const end = Date.now() - 60_000;
  beforeAll(async () => {
    logGroupName = uniqueName('filter');
    await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
    for (const [offset, logStreamName] of streams.entries()) {
      await logs.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
      // Streams interleave: alpha at 0, 3, 6 … ms, beta at 1, 4, 7 …, gamma at 2, 5, 8 ….
      const logEvents = Array.from({ length: perStream }, (_, i) => ({
        timestamp: end - 3 * perStream + 3 * i + offset,
        message: `${i % 10 === 0 ? 'ERROR' : 'INFO'} ${logStreamName} #${i}`,
      }));
      await logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
    }
  });

  test('interleaves streams in timestamp order across pages', async () => {
    const events: FilteredLogEvent[] = [];
    let pages = 0;
    for await (const page of paginateFilterLogEvents({ client: logs.client, pageSize: 1000 }, { logGroupName })) {
      pages += 1;
      events.push(...(page.events ?? []));
    }
    expect(pages).toBe(5);
    expect(events).toHaveLength(streams.length * perStream);
    expect(events.slice(0, 4).map((event) => event.logStreamName)).toEqual(['alpha', 'beta', 'gamma', 'alpha']);
    const timestamps = events.map((event) => event.timestamp ?? 0);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);
    const { ingestionTime, eventId, ...first } = events[0] ?? {};
    expect(first).toEqual({ logStreamName: 'alpha', timestamp: end - 3 * perStream, message: 'ERROR alpha #0' });
    expect(ingestionTime).toBeTypeOf('number');
    expect(eventId).toMatch(/^\d{56}$/);
  });

  test('applies a filter pattern while paging', async () => {
    const matched: FilteredLogEvent[] = [];
    const paginator = paginateFilterLogEvents({ client: logs.client, pageSize: 100 }, { logGroupName, filterPattern: 'ERROR -beta' });
    for await (const page of paginator) matched.push(...(page.events ?? []));
    expect(matched).toHaveLength(2 * (perStream / 10));
    expect(matched.every((event) => event.message?.startsWith('ERROR') && event.logStreamName !== 'beta')).toBe(true);
  });

  test('selects streams by name or prefix and a time range (both ends inclusive)', async () => {
    const startTime = end - 3 * perStream;
    const byNames = await logs.client.send(
      new FilterLogEventsCommand({ logGroupName, logStreamNames: ['gamma', 'missing'], startTime, endTime: startTime + 5 }),
    );
    expect(byNames.events?.map((event) => event.message)).toEqual(['ERROR gamma #0', 'INFO gamma #1']);
    const byPrefix = await logs.client.send(
      new FilterLogEventsCommand({ logGroupName, logStreamNamePrefix: 'be', startTime, endTime: startTime + 3 }),
    );
    expect(byPrefix.events?.map((event) => event.message)).toEqual(['ERROR beta #0']);
  });

  test('?term ?term matches any of them', async () => {
    const { events } = await logs.client.send(
      new FilterLogEventsCommand({ logGroupName, filterPattern: '?"alpha #7" ?"gamma #7"', limit: 2 }),
    );
    expect(events?.map((event) => event.message)).toEqual(['INFO alpha #7', 'INFO gamma #7']);
  });

  test('newest first with startFromHead false', async () => {
    const { events } = await logs.client.send(new FilterLogEventsCommand({ logGroupName, startFromHead: false, limit: 2 }));
    expect(events?.map((event) => event.message)).toEqual([`INFO gamma #${perStream - 1}`, `INFO beta #${perStream - 1}`]);
  });
});

describe('events written through the LogSink', () => {
  test('are readable through the API as soon as appendEvents returns', async () => {
    const logGroupName = uniqueName('sink');
    const timestamp = Date.now();
    logs.store.appendEvents(logGroupName, '2024/01/01/[$LATEST]abc', [
      { timestamp, message: 'START RequestId: 1' },
      { timestamp: timestamp + 1, message: 'END RequestId: 1' },
    ]);
    const { events } = await logs.client.send(new FilterLogEventsCommand({ logGroupName, filterPattern: 'START' }));
    expect(events?.map((event) => event.message)).toEqual(['START RequestId: 1']);
  });
});

type ErrorCase = { label: string; call: () => Promise<unknown>; name: string; message: RegExp };

// Names and messages as CloudWatch Logs answers them (API reference "Errors" sections and the
// service's own replies); every client error is HTTP 400 in this service.
describe('errors', () => {
  const missingGroup = '/lambdascope-test/does-not-exist';
  const cases: ErrorCase[] = [
    {
      label: 'CreateLogGroup twice',
      call: async () => {
        const logGroupName = uniqueName('twice');
        await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
        return logs.client.send(new CreateLogGroupCommand({ logGroupName }));
      },
      name: 'ResourceAlreadyExistsException',
      message: /^The specified log group already exists$/,
    },
    {
      label: 'CreateLogStream twice',
      call: async () => logs.client.send(new CreateLogStreamCommand(await createGroupWithStream('stream-twice'))),
      name: 'ResourceAlreadyExistsException',
      message: /^The specified log stream already exists$/,
    },
    {
      label: 'DeleteLogGroup of a missing group',
      call: () => logs.client.send(new DeleteLogGroupCommand({ logGroupName: missingGroup })),
      name: 'ResourceNotFoundException',
      message: /^The specified log group does not exist\.$/,
    },
    {
      label: 'CreateLogStream in a missing group',
      call: () => logs.client.send(new CreateLogStreamCommand({ logGroupName: missingGroup, logStreamName: 's' })),
      name: 'ResourceNotFoundException',
      message: /^The specified log group does not exist\.$/,
    },
    {
      label: 'PutRetentionPolicy on a missing group',
      call: () => logs.client.send(new PutRetentionPolicyCommand({ logGroupName: missingGroup, retentionInDays: 1 })),
      name: 'ResourceNotFoundException',
      message: /log group does not exist/,
    },
    {
      label: 'DeleteRetentionPolicy on a missing group',
      call: () => logs.client.send(new DeleteRetentionPolicyCommand({ logGroupName: missingGroup })),
      name: 'ResourceNotFoundException',
      message: /log group does not exist/,
    },
    {
      label: 'GetLogEvents from a missing stream',
      call: async () => {
        const { logGroupName } = await createGroupWithStream('missing-stream');
        return logs.client.send(new GetLogEventsCommand({ logGroupName, logStreamName: 'nope' }));
      },
      name: 'ResourceNotFoundException',
      message: /^The specified log stream does not exist\.$/,
    },
    {
      label: 'PutLogEvents to a missing stream',
      call: async () => {
        const { logGroupName } = await createGroupWithStream('put-missing');
        return logs.client.send(new PutLogEventsCommand({ logGroupName, logStreamName: 'nope', logEvents: makeEvents(1, 'x') }));
      },
      name: 'ResourceNotFoundException',
      message: /log stream does not exist/,
    },
    {
      label: 'FilterLogEvents on a missing group',
      call: () => logs.client.send(new FilterLogEventsCommand({ logGroupName: missingGroup })),
      name: 'ResourceNotFoundException',
      message: /log group does not exist/,
    },
    {
      label: 'PutRetentionPolicy with a value AWS does not offer',
      call: async () => {
        const logGroupName = uniqueName('bad-retention');
        await logs.client.send(new CreateLogGroupCommand({ logGroupName }));
        return logs.client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 2 }));
      },
      name: 'InvalidParameterException',
      message: /Member must satisfy enum value set: \[1, 3, 5, 7, 14/,
    },
    {
      label: 'DescribeLogStreams with a prefix ordered by LastEventTime',
      call: async () => {
        const { logGroupName } = await createGroupWithStream('order-prefix');
        return logs.client.send(new DescribeLogStreamsCommand({ logGroupName, logStreamNamePrefix: 's', orderBy: 'LastEventTime' }));
      },
      name: 'InvalidParameterException',
      message: /^Cannot order by LastEventTime with a logStreamNamePrefix\.$/,
    },
    {
      label: 'PutLogEvents out of chronological order',
      call: async () => {
        const stream = await createGroupWithStream('unordered');
        return logs.client.send(new PutLogEventsCommand({ ...stream, logEvents: makeEvents(2, 'x').reverse() }));
      },
      name: 'InvalidParameterException',
      message: /must be in chronological order/,
    },
    {
      label: 'PutLogEvents with 10,001 events',
      call: async () => {
        const stream = await createGroupWithStream('too-many');
        return logs.client.send(new PutLogEventsCommand({ ...stream, logEvents: makeEvents(10_001, 'x') }));
      },
      name: 'InvalidParameterException',
      message: /less than or equal to 10000/,
    },
    {
      label: 'PutLogEvents over 1,048,576 bytes (messages + 26 bytes per event)',
      call: async () => {
        const stream = await createGroupWithStream('too-large');
        const logEvents = makeEvents(2, 'x').map((event) => ({ ...event, message: 'x'.repeat(524_288) }));
        return logs.client.send(new PutLogEventsCommand({ ...stream, logEvents }));
      },
      name: 'InvalidParameterException',
      message: /Upload too large: 1048628 bytes exceeds limit of 1048576/,
    },
    {
      label: 'PutLogEvents spanning more than 24 hours',
      call: async () => {
        const stream = await createGroupWithStream('span');
        const now = Date.now();
        const logEvents = [
          { timestamp: now - 25 * 3_600_000, message: 'a' },
          { timestamp: now, message: 'b' },
        ];
        return logs.client.send(new PutLogEventsCommand({ ...stream, logEvents }));
      },
      name: 'InvalidParameterException',
      message: /cannot span more than 24 hours/,
    },
    {
      label: 'FilterLogEvents with both logStreamNames and a prefix',
      call: async () => {
        const { logGroupName } = await createGroupWithStream('names-and-prefix');
        return logs.client.send(new FilterLogEventsCommand({ logGroupName, logStreamNames: ['a'], logStreamNamePrefix: 'a' }));
      },
      name: 'InvalidParameterException',
      message: /mutually exclusive/,
    },
    {
      label: 'FilterLogEvents with a JSON pattern',
      call: async () => {
        const { logGroupName } = await createGroupWithStream('json-pattern');
        return logs.client.send(new FilterLogEventsCommand({ logGroupName, filterPattern: '{ $.level = "ERROR" }' }));
      },
      name: 'InvalidParameterException',
      message: /JSON filter patterns/,
    },
    {
      label: 'an invalid log group name',
      call: () => logs.client.send(new CreateLogGroupCommand({ logGroupName: 'has spaces' })),
      name: 'InvalidParameterException',
      message: /Value 'has spaces' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression/,
    },
    {
      label: 'a limit above 50',
      call: () => logs.client.send(new DescribeLogGroupsCommand({ limit: 51 })),
      name: 'InvalidParameterException',
      message: /at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50/,
    },
    {
      label: 'a forged nextToken',
      call: () => logs.client.send(new DescribeLogGroupsCommand({ nextToken: 'not-a-token' })),
      name: 'InvalidParameterException',
      message: /nextToken is invalid/,
    },
  ];

  test.each(cases)('$label', async ({ call, name, message }) => {
    const error = await failureOf(call());
    expect(error.name).toBe(name);
    expect(error.message).toMatch(message);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('wire protocol', () => {
  const post = (target: string, body: string) =>
    fetch(logs.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body,
    });

  test('a malformed JSON body is a SerializationException', async () => {
    const response = await post('Logs_20140328.DescribeLogGroups', '{"limit": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
  });

  test('an unknown target is an UnknownOperationException', async () => {
    const response = await post('Logs_20140328.LaunchRockets', '{}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  test('answers in awsJson1.1', async () => {
    const response = await post('Logs_20140328.DescribeLogGroups', '{"limit": 1}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });
});

describe('throttling injection', () => {
  test('at rate 1 every call is answered ThrottlingException', async () => {
    const throttled = await startLogs({ throttleRate: 1 });
    try {
      const error = await failureOf(throttled.client.send(new DescribeLogGroupsCommand({})));
      expect(error.name).toBe('ThrottlingException');
      expect(error.message).toBe('Rate exceeded');
      expect(error.$metadata?.httpStatusCode).toBe(400);
    } finally {
      await throttled.stop();
    }
  });

  test('throttles exactly the draws below the rate', async () => {
    const draws = [0.2, 0.8, 0.49, 0.5];
    const throttled = await startLogs({ throttleRate: 0.5, random: () => draws.shift() ?? 1 });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const outcome = await throttled.client.send(new DescribeLogGroupsCommand({})).then(
          () => 'ok',
          (error: Error) => error.name,
        );
        outcomes.push(outcome);
      }
      expect(outcomes).toEqual(['ThrottlingException', 'ok', 'ThrottlingException', 'ok']);
    } finally {
      await throttled.stop();
    }
  });
});

describe('persistence', () => {
  test('groups, streams, retention, events and event ids survive a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambdascope-logs-'));
    try {
      const logGroupName = uniqueName('persist');
      const deletedGroup = uniqueName('persist-deleted');
      const first = await startLogs({ dir });
      await first.client.send(new CreateLogGroupCommand({ logGroupName }));
      await first.client.send(new CreateLogGroupCommand({ logGroupName: deletedGroup }));
      await first.client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays: 30 }));
      await first.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 'api' }));
      await first.client.send(new PutLogEventsCommand({ logGroupName, logStreamName: 'api', logEvents: makeEvents(50, 'api') }));
      first.store.appendEvents(logGroupName, 'sink', makeEvents(20, 'sink'));
      await first.client.send(new DeleteLogGroupCommand({ logGroupName: deletedGroup }));
      const readAll = async (running: RunningLogs) => {
        const events: FilteredLogEvent[] = [];
        for await (const page of paginateFilterLogEvents({ client: running.client }, { logGroupName })) {
          events.push(...(page.events ?? []));
        }
        const groups = await running.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/lambdascope-test/persist' }));
        const streams = await running.client.send(new DescribeLogStreamsCommand({ logGroupName }));
        return { events, groups: groups.logGroups, streams: streams.logStreams };
      };
      const before = await readAll(first);
      await first.stop();

      const second = await startLogs({ dir });
      const after = await readAll(second);
      second.store.appendEvents(logGroupName, 'sink', makeEvents(1, 'after restart', Date.now()));
      await second.stop();

      expect(before.events).toHaveLength(70);
      expect(after).toEqual(before);
      expect(after.groups?.find((group) => group.logGroupName === logGroupName)?.retentionInDays).toBe(30);
      expect(after.groups?.some((group) => group.logGroupName === deletedGroup)).toBe(false);

      // The deletion made the second open compact the journal; a third open reads the compacted form.
      const journal = await readFile(join(dir, LOG_JOURNAL_FILE), 'utf8');
      expect(journal).not.toContain(deletedGroup);
      const third = await startLogs({ dir });
      const final = await readAll(third);
      await third.stop();
      expect(final.events.slice(0, 70)).toEqual(before.events);
      expect(final.events.at(-1)?.message).toBe('after restart event 0');
      expect(new Set(final.events.map((event) => event.eventId)).size).toBe(71);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a journal cut off mid-line by a crash still opens and keeps journaling', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambdascope-logs-'));
    try {
      const logGroupName = uniqueName('torn');
      const logStreamName = 'api';
      const messagesIn = async (running: RunningLogs) => {
        const { events } = await running.client.send(new GetLogEventsCommand({ logGroupName, logStreamName, startFromHead: true }));
        return (events ?? []).map((event) => event.message);
      };
      const first = await startLogs({ dir });
      await first.client.send(new CreateLogGroupCommand({ logGroupName }));
      await first.client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
      await first.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: makeEvents(3, 'before') }));
      await first.stop();
      await appendFile(join(dir, LOG_JOURNAL_FILE), '{"op":"events","group":"' + logGroupName + '","str');

      const second = await startLogs({ dir });
      expect(await messagesIn(second)).toEqual(['before event 0', 'before event 1', 'before event 2']);
      const logEvents = makeEvents(1, 'after', Date.now());
      await second.client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
      await second.stop();

      const third = await startLogs({ dir });
      expect(await messagesIn(third)).toEqual(['before event 0', 'before event 1', 'before event 2', 'after event 0']);
      await third.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
