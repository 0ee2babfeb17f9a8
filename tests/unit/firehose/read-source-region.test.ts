import { expect, test } from 'vitest';
import { readSourceRegion } from '../../../lib/ingest/firehose/read-source-region';

test.each([
  ['arn:aws:firehose:eu-west-1:111111111111:deliverystream/test', 'eu-west-1'],
  ['arn:aws-us-gov:firehose:us-gov-west-1:111111111111:deliverystream/test', 'us-gov-west-1'],
  ['arn:aws:firehose:ap-southeast-2:1:deliverystream/x', 'ap-southeast-2'],
  [null, 'us-east-1'],
  ['', 'us-east-1'],
  ['not an arn', 'us-east-1'],
  ['arn:aws:firehose::111111111111:deliverystream/test', 'us-east-1'],
])('%s → %s', (arn, region) => {
  expect(readSourceRegion(arn)).toBe(region);
});
