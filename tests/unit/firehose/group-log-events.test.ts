import { expect, test } from 'vitest';
import { groupLogEvents, type LogGroupEvents } from '../../../lib/ingest/firehose/group-log-events';
import type { DataMessage } from '../../../lib/ingest/firehose/subscription-message-schema';

const doc = (owner: string, logGroup: string, logStream: string, events: Array<[id: string, timestamp: number, extra?: Record<string, unknown>]>): DataMessage => ({
  messageType: 'DATA_MESSAGE',
  owner,
  logGroup,
  logStream,
  subscriptionFilters: ['f'],
  logEvents: events.map(([id, timestamp, extractedFields]) => ({ id, timestamp, message: `m${id}`, ...(extractedFields ? { extractedFields } : {}) })),
});
const event = (eventId: string, timestamp: number, logStreamName: string) => ({ eventId, timestamp, logStreamName, message: `m${eventId}` });

const cases: Array<[string, DataMessage[], LogGroupEvents[]]> = [
  ['nothing', [], []],
  [
    'two streams of one group become one batch, by time then id',
    [doc('111', '/aws/lambda/fn', 'b', [['3', 30], ['2', 10]]), doc('111', '/aws/lambda/fn', 'a', [['1', 10]])],
    [{ account: '111', logGroupName: '/aws/lambda/fn', events: [event('1', 10, 'a'), event('2', 10, 'b'), event('3', 30, 'b')] }],
  ],
  [
    'accounts and groups apart, in a stable order',
    [doc('222', 'z', 's', [['1', 1]]), doc('111', 'z', 's', [['2', 1]]), doc('111', 'a', 's', [['3', 1]])],
    [
      { account: '111', logGroupName: 'a', events: [event('3', 1, 's')] },
      { account: '111', logGroupName: 'z', events: [event('2', 1, 's')] },
      { account: '222', logGroupName: 'z', events: [event('1', 1, 's')] },
    ],
  ],
  [
    'an event delivered twice in one delivery is kept once',
    [doc('111', 'g', 's', [['1', 1], ['2', 2]]), doc('111', 'g', 's', [['2', 2]])],
    [{ account: '111', logGroupName: 'g', events: [event('1', 1, 's'), event('2', 2, 's')] }],
  ],
  [
    'centralised delivery: the event names its account and region',
    [doc('123', 'test', 'test', [['1', 5, { '@aws.account': '999888777666', '@aws.region': 'us-west-2' }], ['2', 6]])],
    [
      { account: '123', logGroupName: 'test', events: [event('2', 6, 'test')] },
      { account: '999888777666', region: 'us-west-2', logGroupName: 'test', events: [event('1', 5, 'test')] },
    ],
  ],
];

test.each(cases)('%s', (_name, documents, expected) => {
  expect(groupLogEvents(documents)).toEqual(expected);
});
