import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../../lib/errors';
import { decodeFirehoseRequest, type FirehoseDelivery } from '../../../lib/ingest/firehose/decode-firehose-request';

/** Real samples (../shared/lambda-logs/real, SOURCES.md §10–11). */
type Sample = { items: Array<{ from: string; payload?: Record<string, unknown>; text?: string }> };
const realDir = new URL('../../../../shared/lambda-logs/real/', import.meta.url);
const vector = JSON.parse(readFileSync(new URL('vector-cloudwatch-firehose.json', realDir), 'utf8')) as Sample;
const otel = JSON.parse(readFileSync(new URL('otel-collector-contrib-firehose-cwlogs.json', realDir), 'utf8')) as Sample;

function item(sample: Sample, fromEnding: string) {
  const found = sample.items.find((candidate) => candidate.from.includes(fromEnding));
  if (!found) throw new Error(`no sample item from ${fromEnding}`);
  return found;
}
const vectorData = JSON.stringify(item(vector, 'parser_emits_events').payload);
const vectorControl = JSON.stringify(item(vector, 'ignores_control_messages').payload);
const otelControl = item(otel, 'only_control').text ?? '';
const otelExtracted = item(otel, 'extracted_fields_both').text ?? '';
const otelMultiple = item(otel, 'multiple_records').text ?? '';

const gzipped = (text: string) => gzipSync(text).toString('base64');
const plain = (text: string) => Buffer.from(text).toString('base64');
const body = (records: string[], requestId = 'e17265d6-97af-4938-982e-90d5614c4242') =>
  Buffer.from(JSON.stringify({ requestId, timestamp: 1600110760138, records: records.map((data) => ({ data })) }));

describe('real Firehose records decode into their subscription documents', () => {
  test('vector: a DATA_MESSAGE of a non-Lambda group, ids kept as strings', () => {
    const delivery = decodeFirehoseRequest(body([gzipped(vectorData)]));
    expect(delivery).toEqual<FirehoseDelivery>({
      requestId: 'e17265d6-97af-4938-982e-90d5614c4242',
      timestamp: 1600110760138,
      controlMessages: 0,
      documents: [JSON.parse(vectorData) as FirehoseDelivery['documents'][number]],
    });
    expect(delivery.documents[0]?.logEvents.map((event) => event.id)).toEqual([
      '35683658089614582423604394983260738922885519999578275840',
      '35683658089659183914001456229543810359430816722590236673',
    ]);
  });

  test('otel: several documents in one record, newline-joined', () => {
    const delivery = decodeFirehoseRequest(body([gzipped(otelMultiple)]));
    expect(delivery.documents.map((document) => document.logEvents.map((event) => [event.id, event.timestamp, event.message]))).toEqual([
      [['38480917865042697267627490045603633139480491071049695232', 1725544035523, 'Hello world, here is our first log message!']],
      [['38480917865042697267627490045603633139480491071049695233', 1725554035523, 'Hello world, here is our second log message!']],
    ]);
  });

  test('otel: extractedFields survive decoding', () => {
    const [document] = decodeFirehoseRequest(body([gzipped(otelExtracted)])).documents;
    expect(document?.logEvents[0]?.extractedFields).toEqual({ '@aws.account': '999888777666', '@aws.region': 'us-west-2' });
  });

  test.each([
    ['vector', vectorControl],
    ['otel', otelControl],
  ])('%s: a CONTROL_MESSAGE is counted and skipped', (_name, control) => {
    const delivery = decodeFirehoseRequest(body([gzipped(control), gzipped(vectorData)]));
    expect(delivery.controlMessages).toBe(1);
    expect(delivery.documents.map((document) => document.logGroup)).toEqual(['/jesse/test']);
  });
});

describe('what the stream may do to records and bodies', () => {
  test.each([
    ['gzip, newline-joined', gzipped(otelMultiple)],
    ['uncompressed (stream decompression on), newline-joined', plain(otelMultiple)],
    ['uncompressed, back to back without a delimiter', plain(otelMultiple.replace('\n', ''))],
    ['two gzip members in one record', Buffer.concat([gzipSync(`${otelExtracted}\n`), gzipSync(otelMultiple)]).toString('base64')],
  ])('%s', (_name, data) => {
    const documents = decodeFirehoseRequest(body([data])).documents;
    expect(documents.length).toBeGreaterThanOrEqual(2);
    expect(documents.every((document) => document.logGroup === 'test')).toBe(true);
  });

  test('a gzip-encoded body (Content-Encoding: gzip)', () => {
    const delivery = decodeFirehoseRequest(gzipSync(body([gzipped(vectorData)])), { contentEncoding: 'gzip' });
    expect(delivery.documents).toHaveLength(1);
  });

  test('a delivery of no records', () => {
    expect(decodeFirehoseRequest(body([]))).toMatchObject({ documents: [], controlMessages: 0 });
  });
});

const dataMessage = (events: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ messageType: 'DATA_MESSAGE', owner: '123', logGroup: 'g', logStream: 's', subscriptionFilters: ['f'], logEvents: events, ...extra });
const requestWith = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify({ requestId: 'r', timestamp: 1, records: [], ...fields }));

describe('a malformed delivery is refused with a message naming the problem', () => {
  const cases: Array<[string, Uint8Array, string, string?]> = [
    ['body not JSON', Buffer.from('{"requestId":'), 'body: not valid JSON'],
    ['body not UTF-8', Buffer.from([0xff, 0xfe, 0x00]), 'body: neither gzip nor UTF-8'],
    ['body claims gzip but is not', Buffer.from('{}'), 'body: not valid gzip', 'gzip'],
    ['unsupported Content-Encoding', body([]), 'Content-Encoding "br" is not supported', 'br'],
    ['requestId missing', requestWith({ requestId: undefined }), 'body: requestId: must be a string'],
    ['timestamp as a string', requestWith({ timestamp: '1600110760138' }), 'body: timestamp: must be a number'],
    ['records not an array', requestWith({ records: {} }), 'body: records: must be an array'],
    ['data not base64', requestWith({ records: [{ data: 'not base64!' }] }), 'body: records[0].data: must be base64'],
    ['data missing', requestWith({ records: [{ Data: 'e30=' }] }), 'body: records[0].data: must be base64'],
    ['data gzip magic, then garbage', body([Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64')]), 'records[0].data: not valid gzip'],
    ['data neither gzip nor text', body([gzipped(vectorData), Buffer.from([0xc3, 0x28]).toString('base64')]), 'records[1].data: neither gzip nor UTF-8 text'],
    ['data text, not JSON', body([plain('hello world')]), 'records[0].data: expected a JSON object at offset 0'],
    ['data truncated JSON', body([gzipped(vectorData.slice(0, 100))]), 'records[0].data: the JSON object at offset 0 is not closed'],
    ['document JSON broken inside', body([plain('{"messageType":DATA_MESSAGE}')]), 'records[0].data document 1: not valid JSON'],
    ['unknown messageType', body([plain('{"messageType":"OTHER"}')]), 'records[0].data document 1: messageType: must be DATA_MESSAGE or CONTROL_MESSAGE'],
    ['event id as a number', body([gzipped(dataMessage([{ id: 3568365808961458, timestamp: 1, message: 'm' }]))]), 'records[0].data document 1: logEvents[0].id: must be a string (never a number)'],
    ['event timestamp missing', body([gzipped(dataMessage([{ id: '1', message: 'm' }]))]), 'records[0].data document 1: logEvents[0].timestamp: must be a number'],
    ['logGroup empty', body([gzipped(dataMessage([], { logGroup: '' }))]), 'records[0].data document 1: logGroup: must not be empty'],
    ['second document of a record bad', body([plain(`${otelExtracted}\n{"messageType":"DATA_MESSAGE"}`)]), 'records[0].data document 2: owner: must be a string'],
  ];

  test.each(cases)('%s', (_name, input, message, contentEncoding) => {
    const attempt = () => decodeFirehoseRequest(input, { contentEncoding: contentEncoding ?? null });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).status).toBe(400);
    }
  });

  test('a record that expands past the budget (a gzip bomb) is refused', () => {
    const bomb = gzipSync(Buffer.alloc(4 * 2 ** 20, 0x20)).toString('base64');
    expect(() => decodeFirehoseRequest(body([bomb]), { maxDecodedBytes: 2 ** 20 })).toThrow('records[0].data: expands past 1 MiB when gunzipped');
  });
});
