import { describe, expect, test } from 'vitest';
import { parseLogEvent, type AppRecord } from '@/lib/lambda-logs';

const id = 'c793869b-ee49-115b-a5b6-4fd21e8dedac';
const ts = '2019-06-07T19:11:20.562Z';
const app = (record: Omit<AppRecord, 'kind'>): AppRecord => ({ kind: 'app', ...record });

describe('Node.js console lines (FORMATS.md §2.1)', () => {
  test.each<[string, string, AppRecord]>([
    ['INFO line', `${ts}\t${id}\tINFO\tENVIRONMENT VARIABLES\n`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'INFO', message: 'ENVIRONMENT VARIABLES' })],
    ['§9.7 request id `undefined` during Init [S8]', `${ts}\tundefined\tINFO\tLoading function\n`, app({ runtime: 'node', format: 'text', timestamp: ts, level: 'INFO', message: 'Loading function' })],
    ['§9.10 multi-line message with \\r [S3]', `${ts}\t${id}\tINFO\tEVENT\r{\r  "key": "value"\r}\n`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'INFO', message: 'EVENT\n{\n  "key": "value"\n}' })],
    ['telemetry-fd message with real \\n', `${ts}\t${id}\tWARN\tline one\nline two\n`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'WARN', message: 'line one\nline two' })],
    ['nodejs8.10 without a level column [S7]', `2019-06-19T09:45:35.990Z\t${id}\tmessageCount =  0\n`, app({ runtime: 'node', format: 'text', timestamp: '2019-06-19T09:45:35.990Z', requestId: id, message: 'messageCount =  0' })],
    ['a message that holds tabs of its own', `${ts}\t${id}\tINFO\ta\tb\n`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'INFO', message: 'a\tb' })],
    [
      '§9.8 Invoke Error: a space and a tab before the JSON, library prefix [S12]',
      `${ts}\t${id}\tERROR\t[dd.trace_id=1 dd.span_id=2] Invoke Error \t{"errorType":"Error","errorMessage":"Hello","stack":["Error: Hello","    at handle (/var/task/h.js:4:11)"]}\n`,
      app({
        runtime: 'node',
        format: 'text',
        timestamp: ts,
        requestId: id,
        level: 'ERROR',
        message: '[dd.trace_id=1 dd.span_id=2] Invoke Error \t{"errorType":"Error","errorMessage":"Hello","stack":["Error: Hello","    at handle (/var/task/h.js:4:11)"]}',
        errorType: 'Error',
        errorMessage: 'Hello',
        stackTrace: ['Error: Hello', '    at handle (/var/task/h.js:4:11)'],
      }),
    ],
    [
      '§9.8 Uncaught Exception during Init, id undefined [R1]',
      `${ts}\tundefined\tERROR\tUncaught Exception \t{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module 'x'","stack":["Runtime.ImportModuleError: Error: Cannot find module 'x'"]}`,
      app({
        runtime: 'node',
        format: 'text',
        timestamp: ts,
        level: 'ERROR',
        message: `Uncaught Exception \t{"errorType":"Runtime.ImportModuleError","errorMessage":"Error: Cannot find module 'x'","stack":["Runtime.ImportModuleError: Error: Cannot find module 'x'"]}`,
        errorType: 'Runtime.ImportModuleError',
        errorMessage: "Error: Cannot find module 'x'",
        stackTrace: ["Runtime.ImportModuleError: Error: Cannot find module 'x'"],
      }),
    ],
    [
      '§9.8 Unhandled Promise Rejection',
      `${ts}\t${id}\tERROR\tUnhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"boom"}`,
      app({
        runtime: 'node',
        format: 'text',
        timestamp: ts,
        requestId: id,
        level: 'ERROR',
        message: 'Unhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection","errorMessage":"boom"}',
        errorType: 'Runtime.UnhandledPromiseRejection',
        errorMessage: 'boom',
      }),
    ],
    [
      '§9.8 pasted pretty-printed payload (\\r joins) still yields the error',
      `${ts}\t${id}\tERROR\tInvoke Error \t{\r  "errorType": "TypeError",\r  "errorMessage": "x is undefined"\r}`,
      app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'ERROR', message: 'Invoke Error \t{\n  "errorType": "TypeError",\n  "errorMessage": "x is undefined"\n}', errorType: 'TypeError', errorMessage: 'x is undefined' }),
    ],
    ['an ERROR line whose JSON is cut off keeps its text', `${ts}\t${id}\tERROR\tInvoke Error \t{"errorType":"Err`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'ERROR', message: 'Invoke Error \t{"errorType":"Err' })],
    ['masked timestamp: the level column decides [S12]', 'XXXX-XX-XX XX:XX:XX.XXX\tXXXX-XXXX\tINFO\thello', app({ runtime: 'node', format: 'text', timestamp: 'XXXX-XX-XX XX:XX:XX.XXX', requestId: 'XXXX-XXXX', level: 'INFO', message: 'hello' })],
    ['§9.18 a literal backslash-n is not unescaped', `${ts}\t${id}\tINFO\tpath C:\\new\\table`, app({ runtime: 'node', format: 'text', timestamp: ts, requestId: id, level: 'INFO', message: 'path C:\\new\\table' })],
    ['.NET column labels (unverified)', `${ts}\t${id}\tinfo\tHello from .NET`, app({ runtime: 'dotnet', format: 'text', timestamp: ts, requestId: id, level: 'info', message: 'Hello from .NET' })],
    [
      'V8 heap OOM written beside the console, space-separated [S1]',
      `2020-06-09T15:02:26.150Z ${id} FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory\n\n`,
      app({ runtime: 'node', format: 'text', timestamp: '2020-06-09T15:02:26.150Z', requestId: id, message: 'FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory\n', outOfMemory: true }),
    ],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});

describe('Python lines (FORMATS.md §2.2)', () => {
  test.each<[string, string, AppRecord]>([
    ['logging INFO [I5]', `[INFO]\t2024-09-10T13:32:01.979Z\t${id}\tCollecting in us-east-1\n`, app({ runtime: 'python', format: 'text', level: 'INFO', timestamp: '2024-09-10T13:32:01.979Z', requestId: id, message: 'Collecting in us-east-1' })],
    [
      '§9.7 empty request id during Init, LAMBDA_WARNING [R2]',
      '[WARNING]\t2024-09-10T13:32:01.979Z\t\tLAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.\n',
      app({ runtime: 'python', format: 'text', level: 'WARNING', timestamp: '2024-09-10T13:32:01.979Z', message: 'LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code.' }),
    ],
    [
      '§9.4 a viewer timestamp before the line [I5]',
      `2024-09-10T13:32:01.979Z [INFO]\t2024-09-10T13:32:01.979Z\t${id}\tCollecting in us-east-1`,
      app({ runtime: 'python', format: 'text', level: 'INFO', timestamp: '2024-09-10T13:32:01.979Z', requestId: id, message: 'Collecting in us-east-1' }),
    ],
    ['2019 unpadded milliseconds', `[DEBUG]\t2019-05-01T10:00:58.5Z\t${id}\tx`, app({ runtime: 'python', format: 'text', level: 'DEBUG', timestamp: '2019-05-01T10:00:58.5Z', requestId: id, message: 'x' })],
    [
      '§9.4 docs copy with tabs expanded to spaces [S3]',
      '[INFO]  2020-01-31T22:12:58.534Z    1c8df7d3-xmpl-46da-9778-518e6eca8125    ## ENVIRONMENT VARIABLES',
      app({ runtime: 'python', format: 'text', level: 'INFO', timestamp: '2020-01-31T22:12:58.534Z', requestId: '1c8df7d3-xmpl-46da-9778-518e6eca8125', message: '## ENVIRONMENT VARIABLES' }),
    ],
    [
      '§9.9 unhandled exception: U+00A0 indentation, \\r joins, no ts nor id [R2]',
      "[ERROR] KeyError: 'Details'\rTraceback (most recent call last):\r\u00a0\u00a0File \"/var/task/index.py\", line 6, in lambda_handler\r\u00a0\u00a0\u00a0\u00a0name = event['Details']\n",
      app({
        runtime: 'python',
        format: 'text',
        level: 'ERROR',
        message: "KeyError: 'Details'\nTraceback (most recent call last):\n\u00a0\u00a0File \"/var/task/index.py\", line 6, in lambda_handler\n\u00a0\u00a0\u00a0\u00a0name = event['Details']",
        errorType: 'KeyError',
        errorMessage: "'Details'",
        stackTrace: ['  File "/var/task/index.py", line 6, in lambda_handler', "    name = event['Details']"],
      }),
    ],
    [
      'init failure, dotted error type',
      "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'requests'",
      app({ runtime: 'python', format: 'text', level: 'ERROR', message: "Runtime.ImportModuleError: Unable to import module 'app': No module named 'requests'", errorType: 'Runtime.ImportModuleError', errorMessage: "Unable to import module 'app': No module named 'requests'" }),
    ],
    ['exception with an empty message: `[ERROR] <Type>`', '[ERROR] MemoryError', app({ runtime: 'python', format: 'text', level: 'ERROR', message: 'MemoryError', errorType: 'MemoryError', errorMessage: '', outOfMemory: true })],
    ['an [ERROR] line that is plain text, not an exception [S2]', '[ERROR] First test message', app({ runtime: 'python', format: 'text', level: 'ERROR', message: 'First test message' })],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});

describe('Java, Go, Ruby lines (FORMATS.md §2.3)', () => {
  test.each<[string, string, AppRecord]>([
    ['Java: request id first, AWS log4j2 pattern [S6]', '8c360c87-d4b7-4423-b5f3-af02be3c1763 DEBUG ChatGPTLambda:56 - Intent: FallbackIntent', app({ runtime: 'java', format: 'text', requestId: '8c360c87-d4b7-4423-b5f3-af02be3c1763', level: 'DEBUG', message: 'ChatGPTLambda:56 - Intent: FallbackIntent' })],
    [
      'Java after a sam logs prefix [S6]',
      '2023/06/02/[72]88ab219a63d343d294d0a9947e8ab36a 2023-06-02T11:27:22.975000 8c360c87-d4b7-4423-b5f3-af02be3c1763 DEBUG ChatGPTLambda:71 - Java Locale is en_US',
      app({ runtime: 'java', format: 'text', requestId: '8c360c87-d4b7-4423-b5f3-af02be3c1763', level: 'DEBUG', message: 'ChatGPTLambda:71 - Java Locale is en_US' }),
    ],
    ['Java: with the date column', `2020-01-31 22:12:58 ${id} INFO  Handler - done`, app({ runtime: 'java', format: 'text', timestamp: '2020-01-31 22:12:58', requestId: id, level: 'INFO', message: 'Handler - done' })],
    ['Java: OutOfMemoryError', `${id} ERROR Handler - java.lang.OutOfMemoryError: Java heap space`, app({ runtime: 'java', format: 'text', requestId: id, level: 'ERROR', message: 'Handler - java.lang.OutOfMemoryError: Java heap space', outOfMemory: true })],
    ['Go: standard log prefix [S3]', '2020/03/27 03:40:05 AWS_LAMBDA_FUNCTION_NAME=blank-go-function', app({ runtime: 'go', format: 'text', timestamp: '2020/03/27 03:40:05', message: 'AWS_LAMBDA_FUNCTION_NAME=blank-go-function' })],
    [
      'Ruby Logger with a request id (observed)',
      'I, [2026-03-10T22:30:46.745494 #16]  INFO 3244ba10-b213-4742-9cbc-fcc611f42625 -- : processing order',
      app({ runtime: 'ruby', format: 'text', timestamp: '2026-03-10T22:30:46.745494', level: 'INFO', requestId: '3244ba10-b213-4742-9cbc-fcc611f42625', message: 'processing order' }),
    ],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});

describe('language out-of-memory markers (FORMATS.md §1.9, [R4])', () => {
  test.each<[string, string, AppRecord['runtime']]>([
    ['Node', 'FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory', 'node'],
    ['Java', 'Requested array size exceeds VM limit: java.lang.OutOfMemoryError', 'java'],
    ['Go', 'fatal error: runtime: out of memory', 'go'],
    ['Ruby', 'failed to allocate memory (NoMemoryError)', 'ruby'],
    ['.NET', 'Unhandled exception. System.OutOfMemoryException: Array dimensions exceeded supported range.', 'dotnet'],
    ['Python', 'Traceback: MemoryError', 'python'],
  ])('%s marker alone on a line', (_name, message, runtime) => {
    expect(parseLogEvent({ message })).toStrictEqual(app({ runtime, format: 'text', message, outOfMemory: true }));
  });
});

describe('JSON log format application records (FORMATS.md §4.2, §9.11)', () => {
  test.each<[string, string, AppRecord]>([
    [
      'Node: message as a string',
      '{"timestamp":"2025-11-21T20:15:00.408Z","level":"INFO","requestId":"643eb4b1-7e0b-4956-90be-4aa8956cc5f1","message":"hello"}',
      app({ runtime: 'node', format: 'json', timestamp: '2025-11-21T20:15:00.408Z', level: 'INFO', requestId: '643eb4b1-7e0b-4956-90be-4aa8956cc5f1', message: 'hello' }),
    ],
    [
      'Node: message is an object, kept as JSON text [I4]',
      '{\n  "timestamp": "2025-11-21T20:15:00.408Z",\n  "level": "INFO",\n  "requestId": "643eb4b1-7e0b-4956-90be-4aa8956cc5f1",\n  "message": {\n    "statusCode": 200,\n    "body": "\\"Hello from Lambda!\\""\n  }\n}\n',
      app({ runtime: 'node', format: 'json', timestamp: '2025-11-21T20:15:00.408Z', level: 'INFO', requestId: '643eb4b1-7e0b-4956-90be-4aa8956cc5f1', message: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}' }),
    ],
    [
      'Node: double-encoded console.log(JSON.stringify(x)) stays a string',
      '{"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","requestId":"r-1-2-3-4","message":"{\\"level\\":\\"ERROR\\",\\"a\\":1}"}',
      app({ runtime: 'node', format: 'json', timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', requestId: 'r-1-2-3-4', message: '{"level":"ERROR","a":1}' }),
    ],
    [
      'Node: an Error logged, init record without request id',
      '{"timestamp":"2026-01-01T00:00:00.000Z","level":"ERROR","message":"boom","errorType":"TypeError","errorMessage":"boom","stackTrace":["TypeError: boom","    at x (/var/task/i.mjs:1:1)"]}',
      app({ runtime: 'unknown', format: 'json', timestamp: '2026-01-01T00:00:00.000Z', level: 'ERROR', message: 'boom', errorType: 'TypeError', errorMessage: 'boom', stackTrace: ['TypeError: boom', '    at x (/var/task/i.mjs:1:1)'] }),
    ],
    [
      'Python logging record with logger and extra keys',
      '{"timestamp":"2026-01-01T00:00:00Z","level":"WARNING","message":"slow","logger":"root","requestId":"abc-123-def","order":42}',
      app({ runtime: 'python', format: 'json', timestamp: '2026-01-01T00:00:00Z', level: 'WARNING', requestId: 'abc-123-def', message: 'slow' }),
    ],
    [
      'Python unhandled error uses log_level [R2]',
      '{"timestamp":"2026-01-01T00:00:00Z","log_level":"ERROR","errorMessage":"division by zero","errorType":"ZeroDivisionError","requestId":"abc-123-def","stackTrace":["  File \\"/var/task/app.py\\", line 2, in handler\\n    1/0\\n"]}',
      app({
        runtime: 'python',
        format: 'json',
        timestamp: '2026-01-01T00:00:00Z',
        level: 'ERROR',
        requestId: 'abc-123-def',
        message: 'division by zero',
        errorType: 'ZeroDivisionError',
        errorMessage: 'division by zero',
        stackTrace: ['  File "/var/task/app.py", line 2, in handler\n    1/0\n'],
      }),
    ],
    [
      'Python MemoryError in JSON mode sets outOfMemory',
      '{"timestamp":"2026-01-01T00:00:00Z","log_level":"ERROR","errorMessage":"","errorType":"MemoryError","requestId":"abc-123-def","stackTrace":[]}',
      app({ runtime: 'python', format: 'json', timestamp: '2026-01-01T00:00:00Z', level: 'ERROR', requestId: 'abc-123-def', message: '', errorType: 'MemoryError', errorMessage: '', stackTrace: [], outOfMemory: true }),
    ],
    [
      'Java JSON record names the id AWSRequestId',
      '{"timestamp":"2026-01-01T00:00:00.000Z","level":"INFO","message":"ok","logger":"example.Handler","AWSRequestId":"abc-123-def"}',
      app({ runtime: 'java', format: 'json', timestamp: '2026-01-01T00:00:00.000Z', level: 'INFO', requestId: 'abc-123-def', message: 'ok' }),
    ],
  ])('%s', (_name, message, expected) => {
    expect(parseLogEvent({ message })).toStrictEqual(expected);
  });
});
