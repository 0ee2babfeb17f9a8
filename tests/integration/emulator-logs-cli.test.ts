import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openLogStore, type LogStore } from '@/lib/emulator/logs/log-store';
import { createLogsService } from '@/lib/emulator/logs/logs-service';
import { serveHttp, type RunningServer } from '@/lib/emulator/protocol/serve-http';

/** The real AWS CLI v2; `aws` on PATH may be a v1 shim. CI installs it, so its absence is a failure. */
const AWS_CLI = '/usr/bin/aws';

type CliResult = { code: number; stdout: string; stderr: string };

let store: LogStore;
let server: RunningServer;
let home: string;

beforeAll(async () => {
  await access(AWS_CLI, constants.X_OK).catch(() => {
    throw new Error(`${AWS_CLI} (AWS CLI v2) is required for these tests but is missing or not executable; install AWS CLI v2 there.`);
  });
  home = await mkdtemp(join(tmpdir(), 'lambdascope-cli-home-'));
  store = await openLogStore({ dir: null, region: 'us-east-1', accountId: '123456789012' });
  const service = createLogsService({ store, throttleRate: 0 });
  server = await serveHttp({ host: '127.0.0.1', port: 0, handler: service.handle, maxBodyBytes: 8 * 1024 * 1024 });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

/** Runs `aws logs …` against the emulator with a clean environment: no profile, pager or real credentials leak in. */
function awsLogs(args: string[]): Promise<CliResult> {
  const env: Partial<NodeJS.ProcessEnv> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  };
  const fullArgs = ['logs', ...args, '--endpoint-url', server.url, '--region', 'us-east-1', '--output', 'json', '--no-cli-pager'];
  return new Promise((resolve) => {
    // Next's types make NODE_ENV a required member of ProcessEnv; the CLI needs none of it.
    execFile(AWS_CLI, fullArgs, { env: env as NodeJS.ProcessEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function awsLogsJson<T>(args: string[]): Promise<T> {
  const result = await awsLogs(args);
  if (result.code !== 0) throw new Error(`aws logs ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return (result.stdout.trim() === '' ? {} : JSON.parse(result.stdout)) as T;
}

let counter = 0;
const uniqueName = (label: string) => `/lambdascope-cli/${label}-${process.pid}-${Date.now()}-${(counter += 1)}`;

type Described<K extends string, T> = Record<K, T[]>;
type LogGroupOut = { logGroupName: string; retentionInDays?: number; arn: string };
type LogStreamOut = { logStreamName: string; lastEventTimestamp?: number };
type EventOut = { timestamp: number; message: string; logStreamName?: string; eventId?: string };

describe('aws logs (CLI v2) against the emulator', () => {
  test('create-log-group, describe-log-groups, put-retention-policy, delete-log-group', async () => {
    const logGroupName = uniqueName('groups');
    await awsLogsJson(['create-log-group', '--log-group-name', logGroupName]);
    await awsLogsJson(['put-retention-policy', '--log-group-name', logGroupName, '--retention-in-days', '7']);
    const described = await awsLogsJson<Described<'logGroups', LogGroupOut>>([
      'describe-log-groups',
      '--log-group-name-prefix',
      logGroupName,
    ]);
    expect(described.logGroups).toEqual([
      expect.objectContaining({
        logGroupName,
        retentionInDays: 7,
        arn: `arn:aws:logs:us-east-1:123456789012:log-group:${logGroupName}:*`,
      }),
    ]);
    await awsLogsJson(['delete-log-group', '--log-group-name', logGroupName]);
    const after = await awsLogsJson<Described<'logGroups', LogGroupOut>>(['describe-log-groups', '--log-group-name-prefix', logGroupName]);
    expect(after.logGroups).toEqual([]);
  });

  test('describe-log-groups follows nextToken across pages', async () => {
    const prefix = uniqueName('paged');
    for (const suffix of ['a', 'b', 'c', 'd', 'e']) await awsLogsJson(['create-log-group', '--log-group-name', `${prefix}/${suffix}`]);
    const described = await awsLogsJson<Described<'logGroups', LogGroupOut>>([
      'describe-log-groups',
      '--log-group-name-prefix',
      `${prefix}/`,
      '--page-size',
      '2',
    ]);
    expect(described.logGroups.map((group) => group.logGroupName)).toEqual(['a', 'b', 'c', 'd', 'e'].map((s) => `${prefix}/${s}`));
  });

  test('streams, put-log-events, get-log-events and filter-log-events', async () => {
    const logGroupName = uniqueName('events');
    await awsLogsJson(['create-log-group', '--log-group-name', logGroupName]);
    for (const logStreamName of ['worker-1', 'worker-2']) {
      await awsLogsJson(['create-log-stream', '--log-group-name', logGroupName, '--log-stream-name', logStreamName]);
    }
    const end = Date.now() - 60_000;
    const put = await awsLogsJson<{ nextSequenceToken?: string }>([
      'put-log-events',
      '--log-group-name',
      logGroupName,
      '--log-stream-name',
      'worker-1',
      '--log-events',
      JSON.stringify([
        { timestamp: end - 3000, message: 'INFO starting' },
        { timestamp: end - 1000, message: 'ERROR disk full' },
      ]),
    ]);
    expect(put.nextSequenceToken).toMatch(/^\d{56}$/);
    await awsLogsJson([
      'put-log-events',
      '--log-group-name',
      logGroupName,
      '--log-stream-name',
      'worker-2',
      '--log-events',
      JSON.stringify([{ timestamp: end - 2000, message: 'ERROR timeout' }]),
    ]);

    const streams = await awsLogsJson<Described<'logStreams', LogStreamOut>>([
      'describe-log-streams',
      '--log-group-name',
      logGroupName,
      '--order-by',
      'LastEventTime',
      '--descending',
    ]);
    expect(streams.logStreams.map((stream) => stream.logStreamName)).toEqual(['worker-1', 'worker-2']);

    const got = await awsLogsJson<{ events: EventOut[]; nextForwardToken: string; nextBackwardToken: string }>([
      'get-log-events',
      '--log-group-name',
      logGroupName,
      '--log-stream-name',
      'worker-1',
      '--start-from-head',
    ]);
    expect(got.events.map((event) => event.message)).toEqual(['INFO starting', 'ERROR disk full']);
    expect(got.nextForwardToken).toMatch(/^f\//);
    expect(got.nextBackwardToken).toMatch(/^b\//);

    const filtered = await awsLogsJson<{ events: EventOut[] }>([
      'filter-log-events',
      '--log-group-name',
      logGroupName,
      '--filter-pattern',
      'ERROR',
    ]);
    expect(filtered.events.map((event) => [event.logStreamName, event.message])).toEqual([
      ['worker-2', 'ERROR timeout'],
      ['worker-1', 'ERROR disk full'],
    ]);
    expect(filtered.events.every((event) => /^\d{56}$/.test(event.eventId ?? ''))).toBe(true);
  });

  test('filter-log-events pages through more events than one page holds', async () => {
    const logGroupName = uniqueName('many');
    const logStreamName = 'bulk';
    const end = Date.now() - 60_000;
    store.appendEvents(
      logGroupName,
      logStreamName,
      Array.from({ length: 2500 }, (_, i) => ({ timestamp: end - 2500 + i, message: `line ${i}` })),
    );
    const filtered = await awsLogsJson<{ events: EventOut[] }>([
      'filter-log-events',
      '--log-group-name',
      logGroupName,
      '--page-size',
      '1000',
    ]);
    expect(filtered.events).toHaveLength(2500);
    expect(filtered.events.at(-1)?.message).toBe('line 2499');
  });

  test('a missing log group exits non-zero and names ResourceNotFoundException', async () => {
    const result = await awsLogs(['describe-log-streams', '--log-group-name', uniqueName('missing')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ResourceNotFoundException');
    expect(result.stderr).toContain('The specified log group does not exist.');
  });
});
