import { describe, expect, test } from 'vitest';
import { parseLogEvent, type LogRecord } from '@/lib/lambda-logs';

describe('EXTENSION, TELEMETRY and LOGS lines (FORMATS.md §1.7, §9.19)', () => {
  test.each<[string, string, LogRecord]>([
    ['EXTENSION, tabs, comma without space', 'EXTENSION\tName: go-example-extension\tState: Ready\tEvents: [INVOKE,SHUTDOWN]\n', { kind: 'extension', name: 'go-example-extension', state: 'Ready', events: ['INVOKE', 'SHUTDOWN'] }],
    ['EXTENSION pasted with spaces [S9]', 'EXTENSION Name: cache-extension-demo State: Ready Events: [INVOKE,SHUTDOWN]        ', { kind: 'extension', name: 'cache-extension-demo', state: 'Ready', events: ['INVOKE', 'SHUTDOWN'] }],
    ['EXTENSION events in the other order, with spaces', 'EXTENSION\tName: AWSAppConfigAgent\tState: Ready\tEvents: [SHUTDOWN, INVOKE]', { kind: 'extension', name: 'AWSAppConfigAgent', state: 'Ready', events: ['SHUTDOWN', 'INVOKE'] }],
    [
      'EXTENSION launch failure with an error type [S9]',
      'EXTENSION Name: csharp-example-extension  State: LaunchError  Events: []  Error Type: PermissionDenied',
      { kind: 'extension', name: 'csharp-example-extension', state: 'LaunchError', events: [], errorType: 'PermissionDenied' },
    ],
    ['EXTENSION with an empty events list that succeeded (web adapter)', 'EXTENSION\tName: lambda-adapter\tState: Ready\tEvents: []', { kind: 'extension', name: 'lambda-adapter', state: 'Ready', events: [] }],
    [
      'TELEMETRY subscription',
      'TELEMETRY\tName: datadog-agent\tState: Subscribed\tTypes: [Platform, Function, Extension]\n',
      { kind: 'subscription', api: 'telemetry', name: 'datadog-agent', state: 'Subscribed', types: ['Platform', 'Function', 'Extension'] },
    ],
    ['LOGS subscription (Logs API)', 'LOGS\tName: logs_api_http_extension.py\tState: Subscribed\tTypes: [platform, function]', { kind: 'subscription', api: 'logs', name: 'logs_api_http_extension.py', state: 'Subscribed', types: ['platform', 'function'] }],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });

  test.each<[string, string]>([
    ["an extension's own stdout has no standard prefix [S9]", '[go-example-extension]  Registering...'],
    ['a Parameters and Secrets extension line', '[AWS Parameters and Secrets Lambda Extension] 2024/06/26 02:34:50 INFO ready to serve traffic'],
    ['EXTENSION without a name', 'EXTENSION\tState: Ready'],
    ['LOGS as a word in a sentence', 'LOGS are shipped every minute'],
  ])('%s stays plain', (_name, message) => {
    expect(parseLogEvent({ message })).toStrictEqual({ kind: 'plain', message });
  });
});
