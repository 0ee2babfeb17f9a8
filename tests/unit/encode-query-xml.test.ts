import { describe, expect, test } from 'vitest';
import { encodeQueryError, encodeQueryResponse, escapeXml } from '@/lib/emulator/metrics/encode-query-xml';

const NS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('escapeXml', () => {
  test.each([
    ['plain', 'plain'],
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
    ['&amp; stays literal', '&amp;amp; stays literal'],
    ['line\r\nbreak', 'line&#13;\nbreak'],
    ['bell\u0007 and nul\u0000', 'bell\uFFFD and nul\uFFFD'],
    ['tab\tkept', 'tab\tkept'],
    ['emoji 😀 kept, lone \uD800 replaced', 'emoji 😀 kept, lone \uFFFD replaced'],
  ])('%j', (text, expected) => {
    expect(escapeXml(text)).toBe(expected);
  });
});

describe('encodeQueryResponse', () => {
  test.each([
    {
      name: 'lists become member elements, dates ISO-8601',
      result: { Label: 'Duration', Timestamps: [new Date(Date.UTC(2024, 0, 1, 0, 5))], Values: [1.5, 2] },
      expected: '<Label>Duration</Label><Timestamps><member>2024-01-01T00:05:00Z</member></Timestamps><Values><member>1.5</member><member>2</member></Values>',
    },
    {
      name: 'nested structures, escaped text, undefined left out, empty list kept',
      result: { Metrics: [{ Namespace: 'AWS/Lambda', Dimensions: [{ Name: 'Resource', Value: 'f:<a&b>' }] }], NextToken: undefined, Messages: [] },
      expected:
        '<Metrics><member><Namespace>AWS/Lambda</Namespace><Dimensions><member><Name>Resource</Name><Value>f:&lt;a&amp;b&gt;</Value></member></Dimensions></member></Metrics><Messages></Messages>',
    },
    {
      name: 'map members become entry/key/value',
      result: { Datapoints: [{ Sum: 3, ExtendedStatistics: { p99: 9.5, 'p99.9': 10 } }] },
      expected:
        '<Datapoints><member><Sum>3</Sum><ExtendedStatistics><entry><key>p99</key><value>9.5</value></entry><entry><key>p99.9</key><value>10</value></entry></ExtendedStatistics></member></Datapoints>',
    },
    { name: 'booleans', result: { ReturnData: false }, expected: '<ReturnData>false</ReturnData>' },
  ])('$name', ({ result, expected }) => {
    const xml = encodeQueryResponse({ action: 'GetMetricData', result, requestId: 'r-1', xmlNamespace: NS, mapMembers: new Set(['ExtendedStatistics']) });
    expect(xml).toBe(
      `${HEAD}<GetMetricDataResponse xmlns="${NS}"><GetMetricDataResult>${expected}</GetMetricDataResult>` +
        '<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetMetricDataResponse>',
    );
  });
});

describe('encodeQueryError', () => {
  test('the ErrorResponse shape botocore parses, message escaped', () => {
    expect(encodeQueryError({ code: 'InvalidParameterValue', message: 'Value <x> & "y"', type: 'Sender', requestId: 'r-2', xmlNamespace: NS })).toBe(
      `${HEAD}<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code>` +
        '<Message>Value &lt;x&gt; &amp; &quot;y&quot;</Message></Error><RequestId>r-2</RequestId></ErrorResponse>',
    );
  });
});
