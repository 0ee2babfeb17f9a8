import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

const id = '459921b5-681c-4a96-beb0-81e0aa586026';
const tracing = '"tracing":{"spanId":"24cd7d670fa455f0","type":"X-Amzn-Trace-Id","value":"Root=1-6352a70e-1e2c502e358361800241fd45;Parent=35465b3a9e2f7c6a;Sampled=1"}';
const envelope = (type: string, record: string) => `{"time":"2026-10-08T07:30:28.235Z","type":"${type}","record":${record}}`;

describe('JSON-format platform records map to the kinds of their Text twins (FORMATS.md §4.1, §5)', () => {
  test.each<[string, string, LogRecord]>([
    ['platform.start with tracing [S4]', envelope('platform.start', `{"requestId":"${id}","version":"$LATEST",${tracing}}`), { kind: 'start', requestId: id, version: '$LATEST', format: 'json', xrayTraceId: '1-6352a70e-1e2c502e358361800241fd45' }],
    ['platform.start of the Logs API, no version', envelope('platform.start', '{"requestId":"6f7f0961f83442118a7af6fe80b88d56"}'), { kind: 'start', requestId: '6f7f0961f83442118a7af6fe80b88d56', format: 'json' }],
    [
      'platform.report, cold start, tracing [S4]',
      envelope('platform.report', `{"requestId":"${id}","metrics":{"durationMs":2599.4,"billedDurationMs":2600,"memorySizeMB":128,"maxMemoryUsedMB":94,"initDurationMs":549.04},${tracing},"status":"success"}`),
      {
        kind: 'report',
        format: 'json',
        requestId: id,
        durationMs: 2599.4,
        billedDurationMs: 2600,
        memorySizeMB: 128,
        maxMemoryUsedMB: 94,
        initDurationMs: 549.04,
        status: 'success',
        xrayTraceId: '1-6352a70e-1e2c502e358361800241fd45',
        xraySegmentId: '24cd7d670fa455f0',
        xraySampled: true,
      },
    ],
    [
      'platform.report timeout, Python json.dumps spacing [S1]',
      '{"time": "2024-10-18T19:38:39.661Z", "type": "platform.report", "record": {"requestId": "b441820a-ebe5-4d5f-93bc-f945707b0225", "metrics": {"durationMs": 30000.0, "billedDurationMs": 30000, "memorySizeMB": 128, "maxMemoryUsedMB": 74, "initDurationMs": 985.413}, "status": "timeout"}}',
      { kind: 'report', format: 'json', requestId: 'b441820a-ebe5-4d5f-93bc-f945707b0225', durationMs: 30000, billedDurationMs: 30000, memorySizeMB: 128, maxMemoryUsedMB: 74, initDurationMs: 985.413, status: 'timeout' },
    ],
    [
      '§9.12 Managed Instances: only durationMs plus spans [S5]',
      envelope('platform.report', '{"requestId":"13d1305b-a2f5-440c-bfbe-686ccff3d3e0","status":"success","metrics":{"durationMs":1.148},"spans":[{"name":"responseLatency","start":"2025-09-19T19:36:50.880Z","durationMs":0.847}]}'),
      { kind: 'report', format: 'json', requestId: '13d1305b-a2f5-440c-bfbe-686ccff3d3e0', durationMs: 1.148, status: 'success' },
    ],
    [
      '§9.12 floats for the integer metrics, OOM error type',
      envelope('platform.report', `{"requestId":"${id}","metrics":{"durationMs":10.5,"billedDurationMs":11.0,"memorySizeMB":128.0,"maxMemoryUsedMB":128.0},"status":"error","errorType":"Runtime.OutOfMemory"}`),
      { kind: 'report', format: 'json', requestId: id, durationMs: 10.5, billedDurationMs: 11, memorySizeMB: 128, maxMemoryUsedMB: 128, status: 'error', errorType: 'Runtime.OutOfMemory' },
    ],
    [
      'platform.report with SnapStart restore metrics',
      envelope('platform.report', `{"requestId":"${id}","metrics":{"durationMs":2338.66,"billedDurationMs":2521,"memorySizeMB":3009,"maxMemoryUsedMB":173,"restoreDurationMs":398.97,"billedRestoreDurationMs":182},"status":"success"}`),
      { kind: 'report', format: 'json', requestId: id, durationMs: 2338.66, billedDurationMs: 2521, memorySizeMB: 3009, maxMemoryUsedMB: 173, restoreDurationMs: 398.97, billedRestoreDurationMs: 182, status: 'success' },
    ],
    ['platform.end (Logs API)', envelope('platform.end', `{"requestId":"${id}"}`), { kind: 'end', requestId: id }],
    ['platform.runtimeDone: the runtime finished, as END says', envelope('platform.runtimeDone', `{"requestId":"${id}","status":"timeout"}`), { kind: 'end', requestId: id }],
    [
      'platform.initStart, 2024 capture [S5]',
      envelope('platform.initStart', '{"initializationType":"on-demand","phase":"init","runtimeVersion":"nodejs:20.v22","runtimeVersionArn":"arn:aws:lambda:us-east-1::runtime:da57","functionName":"hello-world","functionVersion":"$LATEST"}'),
      { kind: 'init-start', format: 'json', initializationType: 'on-demand', phase: 'init', runtimeVersion: 'nodejs:20.v22', runtimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:da57', functionName: 'hello-world', functionVersion: '$LATEST' },
    ],
    ['platform.initStart in the invoke phase (suppressed init)', envelope('platform.initStart', '{"initializationType":"on-demand","phase":"invoke"}'), { kind: 'init-start', format: 'json', initializationType: 'on-demand', phase: 'invoke' }],
    [
      'platform.initReport error',
      envelope('platform.initReport', '{"initializationType":"on-demand","phase":"init","status":"error","errorType":"Runtime.ImportModuleError","metrics":{"durationMs":812.3}}'),
      { kind: 'init-report', format: 'json', initializationType: 'on-demand', phase: 'init', status: 'error', errorType: 'Runtime.ImportModuleError', durationMs: 812.3 },
    ],
    ['platform.restoreStart, empty record [S5]', envelope('platform.restoreStart', '{}'), { kind: 'restore-start' }],
    ['platform.restoreReport failure [S5]', envelope('platform.restoreReport', '{"status":"failure","errorType":"RestoreError"}'), { kind: 'restore-report', status: 'failure', errorType: 'RestoreError' }],
    ['platform.extension [S4]', envelope('platform.extension', '{"name":"my-extension","state":"Ready","events":["SHUTDOWN","INVOKE"]}'), { kind: 'extension', name: 'my-extension', state: 'Ready', events: ['SHUTDOWN', 'INVOKE'] }],
    ['platform.telemetrySubscription [S4]', envelope('platform.telemetrySubscription', '{"name":"my-extension","state":"Subscribed","types":["platform","function"]}'), { kind: 'subscription', api: 'telemetry', name: 'my-extension', state: 'Subscribed', types: ['platform', 'function'] }],
    ['platform.logsSubscription [S4]', envelope('platform.logsSubscription', '{"name":"test","state":"active","types":["test"]}'), { kind: 'subscription', api: 'logs', name: 'test', state: 'active', types: ['test'] }],
    [
      'platform.fault carries the runtime-exit text [S3]',
      envelope('platform.fault', '"RequestId: d783b35e-a91d-4251-af17-035953428a2c Process exited before completing request"'),
      { kind: 'runtime-exit', requestId: 'd783b35e-a91d-4251-af17-035953428a2c', reason: 'Process exited before completing request', errorType: 'Runtime.ExitError', outOfMemory: false },
    ],
    [
      'Telemetry function record: the text inside is parsed [S3]',
      envelope('function', '"[INFO] Hello world, I am a function!"'),
      { kind: 'app', runtime: 'python', format: 'text', level: 'INFO', message: 'Hello world, I am a function!', timestamp: '2026-10-08T07:30:28.235Z' },
    ],
    ['Telemetry function record with unprefixed text [S4]', envelope('function', '"hello world"'), { kind: 'app', runtime: 'unknown', format: 'text', message: 'hello world', timestamp: '2026-10-08T07:30:28.235Z' }],
    ['Telemetry function record holding an object [S5]', envelope('function', '{"hello":"world"}'), { kind: 'app', runtime: 'unknown', format: 'json', message: '{"hello":"world"}', timestamp: '2026-10-08T07:30:28.235Z' }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });

  test.each<[string, string]>([
    ['platform.logsDropped has no Text twin', envelope('platform.logsDropped', '{"reason":"BufferFull","droppedRecords":1,"droppedBytes":1024}')],
    ['platform.initRuntimeDone has no Text twin', envelope('platform.initRuntimeDone', '{"initializationType":"on-demand","status":"success"}')],
    ['an extension record (extension stdout)', envelope('extension', '"hello world"')],
    ['§9.20 library JSON without the runtime prefix (Datadog metric) [S1]', '{"e":1583425836.114,"m":"aws.lambda.enhanced.invocations","t":["cold_start:false"],"v":1}'],
    ['§9.17 the CONTROL_MESSAGE health check [S10]', 'CWL CONTROL MESSAGE: Checking health of destination Firehose.'],
    ['docs JSON with a missing colon [S3]', '{"time": "2020-08-20T12:31:32.123Z", "type": "platform.logsDropped", "record": {"droppedBytes" 12345}}'],
  ])('%s stays plain, whole', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });
});
