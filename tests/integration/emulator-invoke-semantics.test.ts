import {
  CreateAliasCommand,
  InvokeCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  PutFunctionEventInvokeConfigCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StoredDestinationRecord } from '../../lib/emulator/scheduler/destination-store';
import { startEmulator, type RunningEmulator } from '../../lib/emulator/start-emulator';
import { deployFunction, invokeSync, readGroupEvents, readLogEvents } from '../support/deploy-function';
import { uniqueName } from '../support/function-zip';
import { isRunning } from '../support/processes';
import { sdkClients } from '../support/sdk-clients';

/** A JSON-format log event: a platform record (`type`, `record`) or an application line. */
type JsonLogRecord = {
  type?: string;
  level?: string;
  message?: unknown;
  record?: { status?: string; metrics?: Record<string, number> };
};

let emulator: RunningEmulator;
let lambda: LambdaClient;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  process.env.LAMBDASCOPE_TEST_SECRET = 'must-not-leak';
  // 0.01: AWS's 1- and 2-minute async retry delays take 0.6 s and 1.2 s.
  emulator = await startEmulator({ port: 0, timeScale: 0.01 });
  ({ lambda, logs } = sdkClients(emulator.url));
});

afterAll(async () => {
  await emulator.close();
});

const sleepHandler = (ms: number) => `export const handler = async () => { await new Promise((r) => setTimeout(r, ${ms})); return 'slept'; };`;

describe('cold and warm starts', () => {
  test('Init Duration appears only on an environment’s first invocation', async () => {
    const name = uniqueName('cold-warm');
    await deployFunction(lambda, name, { 'index.mjs': `export const handler = async (e) => ({ got: e });` });
    const first = await invokeSync(lambda, name, { n: 1 });
    const second = await invokeSync(lambda, name, { n: 2 });
    expect(first.body).toEqual({ got: { n: 1 } });
    expect(first.log).toMatch(/\tInit Duration: \d+\.\d{2} ms\t/);
    expect(second.log).toMatch(/^START RequestId: \S+ Version: \$LATEST\n/);
    expect(second.log).not.toContain('Init Duration');
    const events = await readLogEvents(logs, name);
    expect(events.filter((event) => event.message?.startsWith('INIT_START')).length).toBe(1);
  });

  test('an environment idle past the idle timeout is shut down: the next invoke is cold', async () => {
    const brief = await startEmulator({ port: 0, idleTimeoutMs: 300 });
    try {
      const client = sdkClients(brief.url).lambda;
      const name = uniqueName('idle');
      await deployFunction(client, name, { 'index.mjs': 'export const handler = async () => 1;' });
      expect((await invokeSync(client, name)).log).toContain('Init Duration');
      expect((await invokeSync(client, name)).log).not.toContain('Init Duration');
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await invokeSync(client, name)).log).toContain('Init Duration');
    } finally {
      await brief.close();
    }
  });

  test('invocations of one function run at once, each in its own environment', async () => {
    const name = uniqueName('parallel');
    await deployFunction(lambda, name, { 'index.mjs': sleepHandler(600) });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 5 }, () => invokeSync(lambda, name)));
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(results.every((result) => result.body === 'slept')).toBe(true);
    const streams = new Set((await readLogEvents(logs, name)).map((event) => event.logStreamName));
    expect(streams.size).toBe(5);
    for (const stream of streams) expect(stream).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});

describe('failures end the environment as AWS does', () => {
  test('a timeout kills the environment, logs the timeout, and the next invocation is cold', async () => {
    const name = uniqueName('timeout');
    await deployFunction(lambda, name, { 'index.mjs': sleepHandler(5_000) }, { timeout: 1 });
    const result = await invokeSync(lambda, name);
    expect(result.functionError).toBe('Unhandled');
    expect(result.body).toMatchObject({ errorType: 'Sandbox.Timedout' });
    expect(result.log).toMatch(/\tStatus: timeout\t/);
    const events = await readLogEvents(logs, name);
    expect(events.some((event) => /^\S+Z \S+ Task timed out after 1\.00 seconds/.test(event.message ?? ''))).toBe(true);
    const again = await invokeSync(lambda, name);
    expect(again.log).toContain('Init Duration');
  });

  test('exceeding MemorySize kills the process: Runtime.OutOfMemory, measured Max Memory Used', async () => {
    const name = uniqueName('oom');
    await deployFunction(
      lambda,
      name,
      {
        'index.mjs': `export const handler = async () => { const held = []; for (;;) { held.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setImmediate(r)); } };`,
      },
      { memorySize: 128 },
    );
    const result = await invokeSync(lambda, name);
    expect(result.functionError).toBe('Unhandled');
    expect(result.body).toMatchObject({ errorType: 'Runtime.OutOfMemory' });
    expect(result.log).toContain('Error: Runtime exited with error: signal: killed\nRuntime.ExitError');
    const maxUsed = Number(/Max Memory Used: (\d+) MB/.exec(result.log)?.[1]);
    expect(maxUsed).toBeGreaterThanOrEqual(128);
    expect(result.log).toMatch(/\tStatus: error\tError Type: Runtime\.OutOfMemory\t/);
  });

  test.each([
    ['a missing handler export', { 'index.mjs': 'export const other = () => 1;' }, 'Runtime.HandlerNotFound'],
    ['a missing module', { 'other.mjs': 'export const handler = () => 1;' }, 'Runtime.ImportModuleError'],
    ['a throw at module load', { 'index.mjs': 'throw new Error("no config");\nexport const handler = () => 1;' }, 'Error'],
    ['a syntax error', { 'index.mjs': 'export const handler = () => {;' }, 'Runtime.UserCodeSyntaxError'],
  ])('an init error from %s is reported as AWS reports it', async (_case, files, errorType) => {
    const name = uniqueName('init-error');
    await deployFunction(lambda, name, files);
    const result = await invokeSync(lambda, name);
    expect(result.functionError).toBe('Unhandled');
    expect(result.body).toMatchObject({ errorType });
    const events = await readLogEvents(logs, name);
    const initReport = events.find((event) => event.message?.startsWith('INIT_REPORT'));
    expect(initReport?.message).toMatch(
      new RegExp(`^INIT_REPORT Init Duration: \\d+\\.\\d{2} ms\\tPhase: init\\tStatus: error\\tError Type: ${errorType.replace('.', '\\.')}\\t\\n$`),
    );
  });

  test('a function error is returned with X-Amz-Function-Error and logged as Invoke Error', async () => {
    const name = uniqueName('throws');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => { throw new TypeError("bad input"); };' });
    const result = await invokeSync(lambda, name);
    expect(result.statusCode).toBe(200);
    expect(result.functionError).toBe('Unhandled');
    expect(result.body).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad input' });
    expect(result.log).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad input","stack":\[/);
  });

  test('a crashing, looping or memory-eating handler never takes the emulator down', async () => {
    const crash = uniqueName('crash');
    const loop = uniqueName('loop');
    const healthy = uniqueName('healthy');
    await deployFunction(lambda, crash, { 'index.mjs': 'export const handler = async () => { process.exit(3); };' });
    await deployFunction(lambda, loop, { 'index.mjs': 'export const handler = async () => { for (;;) {} };' }, { timeout: 1 });
    await deployFunction(lambda, healthy, { 'index.mjs': 'export const handler = async () => "fine";' });
    const [crashed, looped, fine] = await Promise.all([
      invokeSync(lambda, crash),
      invokeSync(lambda, loop),
      invokeSync(lambda, healthy),
    ]);
    expect(crashed.body).toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(crashed.log).toContain('Runtime exited with error: exit status 3');
    expect(looped.body).toMatchObject({ errorType: 'Sandbox.Timedout' });
    expect(fine.body).toBe('fine');
    expect((await invokeSync(lambda, healthy)).body).toBe('fine');
  });
});

describe('the environment a handler sees', () => {
  test('AWS variables and the context object, and nothing of the emulator’s own environment', async () => {
    const name = uniqueName('env');
    await deployFunction(
      lambda,
      name,
      {
        'index.mjs': `export const handler = async (event, context) => ({
          env: process.env,
          context: { awsRequestId: context.awsRequestId, invokedFunctionArn: context.invokedFunctionArn, functionName: context.functionName,
            memoryLimitInMB: context.memoryLimitInMB, logGroupName: context.logGroupName, logStreamName: context.logStreamName,
            remaining: context.getRemainingTimeInMillis() },
        });`,
      },
      { memorySize: 256, timeout: 7, variables: { GREETING: 'hello' } },
    );
    const { body } = await invokeSync(lambda, name);
    const { env, context } = body as { env: Record<string, string>; context: Record<string, unknown> };
    expect(env).toMatchObject({
      GREETING: 'hello',
      AWS_LAMBDA_FUNCTION_NAME: name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
      AWS_REGION: 'us-east-1',
      _HANDLER: 'index.handler',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env.LAMBDASCOPE_TEST_SECRET).toBeUndefined();
    expect(Object.keys(env).filter((key) => key.startsWith('VITEST') || key === 'DATABASE_URL')).toEqual([]);
    expect(context).toMatchObject({
      functionName: name,
      memoryLimitInMB: '256',
      invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    });
    expect(context.remaining).toBeGreaterThan(6_000);
  });

  test('killing an environment kills its whole process group', async () => {
    const name = uniqueName('group');
    await deployFunction(
      lambda,
      name,
      {
        'index.mjs': `import { spawn } from 'node:child_process';
          export const handler = async () => { const child = spawn('sleep', ['300'], { stdio: 'ignore' }); console.log('child', child.pid); await new Promise(() => {}); };`,
      },
      { timeout: 1 },
    );
    const result = await invokeSync(lambda, name);
    const childPid = Number(/child (\d+)/.exec(result.log)?.[1]);
    expect(childPid).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(childPid)).toBe(false);
  });

  test('each line is readable through the Logs API while the invocation still runs', async () => {
    const name = uniqueName('live-logs');
    await deployFunction(lambda, name, {
      'index.mjs': `export const handler = async () => { console.log('step one done'); await new Promise((r) => setTimeout(r, 1500)); return 'ok'; };`,
    });
    const running = invokeSync(lambda, name);
    await new Promise((resolve) => setTimeout(resolve, 900));
    const midway = await readLogEvents(logs, name);
    expect(midway.some((event) => event.message?.endsWith('\tINFO\tstep one done\n'))).toBe(true);
    expect(midway.some((event) => event.message?.startsWith('REPORT'))).toBe(false);
    expect((await running).body).toBe('ok');
  });
});

describe('concurrency and throttling', () => {
  test('reserved concurrency 2 with 10 parallel sync invokes: exactly 8 throttles and 2 successes', async () => {
    const name = uniqueName('reserved');
    await deployFunction(lambda, name, { 'index.mjs': sleepHandler(1_500) });
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 2 }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        lambda.send(new InvokeCommand({ FunctionName: name, Payload: new TextEncoder().encode('{}') })),
      ),
    );
    const throttled = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBe(2);
    expect(throttled.length).toBe(8);
    for (const outcome of throttled) {
      const error = (outcome as PromiseRejectedResult).reason as { name: string; Reason: string; $metadata: { httpStatusCode: number } };
      expect(error.name).toBe('TooManyRequestsException');
      expect(error.Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
      expect(error.$metadata.httpStatusCode).toBe(429);
    }
  });

  test('over the account limit, unreserved functions get ConcurrentInvocationLimitExceeded', async () => {
    const small = await startEmulator({ port: 0, accountConcurrencyLimit: 3 });
    try {
      const client = sdkClients(small.url).lambda;
      const name = uniqueName('account-limit');
      await deployFunction(client, name, { 'index.mjs': sleepHandler(1_000) });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () => client.send(new InvokeCommand({ FunctionName: name }))),
      );
      const reasons = outcomes
        .filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')
        .map((outcome) => (outcome.reason as { Reason: string }).Reason);
      expect(reasons).toEqual(['ConcurrentInvocationLimitExceeded', 'ConcurrentInvocationLimitExceeded']);
    } finally {
      await small.close();
    }
  });
});

describe('asynchronous invocation', () => {
  test('an always-failing async invoke runs 3 times under one request ID, then reaches on-failure', async () => {
    const name = uniqueName('async-fail');
    const destination = `arn:aws:sqs:us-east-1:000000000000:${name}-dlq`;
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async (e) => { throw new Error(`cannot process ${e.id}`); };' });
    await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: name,
        DestinationConfig: { OnFailure: { Destination: destination } },
      }),
    );
    const accepted = await lambda.send(
      new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: new TextEncoder().encode('{"id":42}') }),
    );
    expect(accepted.StatusCode).toBe(202);
    const records = await waitFor(async () => {
      const response = await fetch(`${emulator.url}/_lambdascope/destinations?functionName=${name}`);
      const { Records } = (await response.json()) as { Records: StoredDestinationRecord[] };
      return Records.length > 0 ? Records : null;
    }, 15_000);
    const starts = (await readLogEvents(logs, name)).filter((event) => event.message?.startsWith('START'));
    expect(starts.length).toBe(3);
    const requestIds = new Set(starts.map((event) => /RequestId: (\S+)/.exec(event.message ?? '')?.[1]));
    expect(requestIds.size).toBe(1);
    expect(records).toHaveLength(1);
    expect(records[0]?.destination).toBe(destination);
    expect(records[0]?.record).toMatchObject({
      requestContext: { requestId: [...requestIds][0], condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { id: 42 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'cannot process 42' },
    });
    // The gaps follow AWS's ~1 then ~2 minutes, scaled by 0.01.
    const times = starts.map((event) => event.timestamp ?? 0);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(550);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(1_150);
  });

  test('an event older than MaximumEventAgeInSeconds is not retried: EventAgeExceeded', async () => {
    const name = uniqueName('async-age');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => { throw new Error("always"); };' });
    // 60 s scaled by 0.01 is 0.6 s: the first retry (due after 0.6 s) finds the event too old.
    await lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: name,
        MaximumEventAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:000000000000:${name}` } },
      }),
    );
    await lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }));
    const records = await waitFor(async () => {
      const response = await fetch(`${emulator.url}/_lambdascope/destinations?functionName=${name}`);
      const { Records } = (await response.json()) as { Records: StoredDestinationRecord[] };
      return Records.length > 0 ? Records : null;
    }, 10_000);
    expect(records[0]?.record.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 1 });
    const starts = (await readLogEvents(logs, name)).filter((event) => event.message?.startsWith('START'));
    expect(starts).toHaveLength(1);
  });

  test('a throttled async event stays queued and runs once there is room', async () => {
    const name = uniqueName('async-throttle');
    await deployFunction(lambda, name, { 'index.mjs': sleepHandler(300) });
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 1 }));
    await Promise.all(
      Array.from({ length: 4 }, () => lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }))),
    );
    const reports = await waitFor(async () => {
      const found = (await readLogEvents(logs, name)).filter((event) => event.message?.startsWith('REPORT'));
      return found.length === 4 ? found : null;
    }, 15_000);
    expect(reports).toHaveLength(4);
  });

  test('DryRun checks the function and runs nothing', async () => {
    const name = uniqueName('dry-run');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => 1;' });
    const response = await lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'DryRun' }));
    expect(response.StatusCode).toBe(204);
    expect(await readLogEvents(logs, name).catch(() => [])).toEqual([]);
  });
});

describe('versions and aliases', () => {
  test('an alias sends each version its weight of the traffic, within statistical bounds', async () => {
    const name = uniqueName('weighted');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => process.env.AWS_LAMBDA_FUNCTION_VERSION;' });
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'v2' }));
    await lambda.send(new PublishVersionCommand({ FunctionName: name }));
    await lambda.send(
      new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.3 } } }),
    );
    const invocations = 300;
    let onVersion2 = 0;
    for (let i = 0; i < invocations; i += 1) {
      const result = await invokeSync(lambda, name, {}, 'live');
      expect(result.body).toBe(result.executedVersion);
      if (result.executedVersion === '2') onVersion2 += 1;
    }
    // Binomial(300, 0.3): mean 90, sd ≈ 7.9; 5 sd either side fails about once in 3 million runs.
    expect(onVersion2).toBeGreaterThan(90 - 40);
    expect(onVersion2).toBeLessThan(90 + 40);
    const log = (await invokeSync(lambda, name, {}, '1')).log;
    expect(log).toMatch(/^START RequestId: \S+ Version: 1\n/);
  });
});

describe('other runtimes', () => {
  test('a Python function logs as AWS’s Python runtime does', async () => {
    const name = uniqueName('python');
    await deployFunction(
      lambda,
      name,
      {
        'app.py': 'import logging\nlogger = logging.getLogger()\ndef handler(event, context):\n    logger.info("processing %s", event["id"])\n    if event.get("fail"):\n        raise ValueError("bad id")\n    return {"id": event["id"], "request": context.aws_request_id}\n',
      },
      { runtime: 'python3.12', handler: 'app.handler' },
    );
    const ok = await invokeSync(lambda, name, { id: 7 });
    expect(ok.body).toMatchObject({ id: 7 });
    expect(ok.log).toMatch(/\[INFO\]\t\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\t[0-9a-f-]{36}\tprocessing 7\n/);
    const failed = await invokeSync(lambda, name, { id: 8, fail: true });
    expect(failed.body).toMatchObject({ errorType: 'ValueError', errorMessage: 'bad id' });
    expect(failed.log).toContain('[ERROR] ValueError: bad id\rTraceback (most recent call last):\r\u00a0\u00a0File ');
  });

  test('a provided.al2023 function runs its own bootstrap against the Runtime API', async () => {
    const name = uniqueName('custom');
    const bootstrap = [
      '#!/bin/sh',
      'set -eu',
      'API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"',
      'while true; do',
      '  HEADERS="$(mktemp)"',
      '  EVENT="$(curl -sS -D "$HEADERS" "$API/invocation/next")"',
      `  REQUEST_ID="$(grep -i '^lambda-runtime-aws-request-id:' "$HEADERS" | cut -d' ' -f2 | tr -d '\\r')"`,
      '  echo "custom runtime got $EVENT"',
      '  curl -sS -X POST "$API/invocation/$REQUEST_ID/response" -d "{\\"echo\\":$EVENT}" > /dev/null',
      'done',
    ].join('\n');
    await deployFunction(lambda, name, { bootstrap }, { runtime: 'provided.al2023', handler: 'unused' });
    const result = await invokeSync(lambda, name, { x: 1 });
    expect(result.body).toEqual({ echo: { x: 1 } });
    expect(result.log).toContain('custom runtime got {"x":1}');
    expect((await invokeSync(lambda, name, { x: 2 })).log).not.toContain('Init Duration');
  });

  test('JSON log format writes platform records and JSON application logs', async () => {
    const name = uniqueName('json-logs');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => { console.log({ order: 1 }); return 1; };' }, { logFormat: 'JSON' });
    await invokeSync(lambda, name);
    const records = (await readLogEvents(logs, name)).map((event) => JSON.parse(event.message ?? '') as JsonLogRecord);
    expect(records.map((record) => record.type ?? 'app')).toEqual(['platform.initStart', 'platform.start', 'app', 'platform.report']);
    expect(records[2]).toMatchObject({ level: 'INFO', message: { order: 1 } });
    expect(records[3]?.record).toMatchObject({ status: 'success', metrics: { memorySizeMB: 128 } });
    expect(records[3]?.record?.metrics?.initDurationMs).toBeGreaterThan(0);
  });
});

describe('custom log groups', () => {
  test('functions sharing a custom log group write streams named after each function', async () => {
    const group = `/custom/${uniqueName('shared')}`;
    const first = uniqueName('first');
    const second = uniqueName('second');
    const source = { 'index.mjs': 'export const handler = async () => process.env.AWS_LAMBDA_LOG_GROUP_NAME;' };
    await deployFunction(lambda, first, source, { logGroup: group });
    await deployFunction(lambda, second, source, { logGroup: group });
    expect((await invokeSync(lambda, first)).body).toBe(group);
    expect((await invokeSync(lambda, second)).body).toBe(group);
    const streams = new Set((await readGroupEvents(logs, group)).map((event) => event.logStreamName));
    expect([...streams].sort()).toEqual([
      expect.stringMatching(new RegExp(`^\\d{4}/\\d{2}/\\d{2}/${first}\\[\\$LATEST\\][0-9a-f]{32}$`)),
      expect.stringMatching(new RegExp(`^\\d{4}/\\d{2}/\\d{2}/${second}\\[\\$LATEST\\][0-9a-f]{32}$`)),
    ]);
    await expect(readLogEvents(logs, first)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  test('a log group under the reserved aws/ prefix is refused', async () => {
    await expect(
      deployFunction(lambda, uniqueName('reserved-group'), { 'index.mjs': 'export const handler = async () => 1;' }, { logGroup: 'aws/mine' }),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining("cannot start with 'aws/'") });
  });
});

describe('bad input gets AWS-shaped errors', () => {
  test('a payload that is not JSON', async () => {
    const name = uniqueName('bad-json');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => 1;' });
    await expect(lambda.send(new InvokeCommand({ FunctionName: name, Payload: new TextEncoder().encode('{nope') }))).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
    });
  });

  test.each([
    ['RequestResponse', 6 * 1024 * 1024 + 1],
    ['Event', 1024 * 1024 + 1],
  ] as const)('a %s payload over the limit gets RequestTooLargeException', async (type, size) => {
    const name = uniqueName('too-large');
    await deployFunction(lambda, name, { 'index.mjs': 'export const handler = async () => 1;' });
    const payload = new TextEncoder().encode(JSON.stringify('x'.repeat(size)));
    await expect(lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: type, Payload: payload }))).rejects.toMatchObject({
      name: 'RequestTooLargeException',
      $metadata: { httpStatusCode: 413 },
    });
  });

  test('an unknown function, an invalid name, an unknown path and an unknown target', async () => {
    await expect(lambda.send(new InvokeCommand({ FunctionName: uniqueName('missing') }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'bad name!' }))).rejects.toMatchObject({ name: 'ValidationException' });
    const unknownPath = await fetch(`${emulator.url}/2015-03-31/nothing-here`);
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    const unknownTarget = await fetch(emulator.url, { method: 'POST', headers: { 'x-amz-target': 'Nope_2020.DoIt' }, body: '{}' });
    expect(unknownTarget.status).toBe(400);
    const malformed = await fetch(`${emulator.url}/2015-03-31/functions`, { method: 'POST', body: '{not json' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { Type: string }).Type).toBe('User');
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
