/**
 * AWS Lambda on-demand prices in USD (https://aws.amazon.com/lambda/pricing/), first tier:
 * the first 6 billion GB-seconds a month. The free tier and the cheaper tiers beyond it are
 * account-wide, so a per-function estimate leaves them out. Regions not listed here are priced
 * as us-east-1 (estimateCost says so).
 */
export type Architecture = 'x86_64' | 'arm64';

export type RegionPrices = {
  perMillionRequests: number;
  perGbSecond: Record<Architecture, number>;
};

const standard: RegionPrices = {
  perMillionRequests: 0.2,
  perGbSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
};

export const DEFAULT_PRICE_REGION = 'us-east-1';

export const lambdaPrices: Readonly<Record<string, RegionPrices>> = {
  'us-east-1': standard,
  'us-east-2': standard,
  'us-west-2': standard,
  'eu-west-1': standard,
  'eu-central-1': standard,
  'ap-southeast-1': standard,
  'ap-northeast-1': standard,
};
