const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * The region of the delivery stream named by `X-Amz-Firehose-Source-Arn`
 * (`arn:aws:firehose:<region>:<account>:deliverystream/<name>`), or us-east-1 when absent or odd.
 */
export function readSourceRegion(sourceArn: string | null | undefined): string {
  const region = sourceArn?.split(':')[3];
  return region && regionPattern.test(region) ? region : 'us-east-1';
}
