import { DEFAULT_PRICE_REGION, lambdaPrices, type Architecture, type RegionPrices } from './lambda-prices';

export type CostInput = {
  /** Billed requests: every attempt, retries included. */
  requests: number;
  /** Billed duration × configured memory, in GB-seconds. */
  gbSeconds: number;
  /** As the function reports it; anything but arm64 is priced as x86_64. */
  architecture: string;
  region: string;
};

export type CostEstimate = {
  currency: 'USD';
  requestsUsd: number;
  computeUsd: number;
  totalUsd: number;
  /** The region whose prices were used: the function's, or us-east-1 when its prices are not known. */
  pricedRegion: string;
  pricedArchitecture: Architecture;
  /** Set when the estimate had to assume something. */
  note?: string;
};

/** What requests and compute cost at on-demand prices (lambda-prices.ts). Pure. */
export function estimateCost(input: CostInput): CostEstimate {
  const known = lambdaPrices[input.region];
  const prices: RegionPrices = known ?? (lambdaPrices[DEFAULT_PRICE_REGION] as RegionPrices);
  const pricedRegion = known ? input.region : DEFAULT_PRICE_REGION;
  const pricedArchitecture: Architecture = input.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const requestsUsd = (Math.max(0, input.requests) / 1_000_000) * prices.perMillionRequests;
  const computeUsd = Math.max(0, input.gbSeconds) * prices.perGbSecond[pricedArchitecture];
  const notes = [
    ...(known ? [] : [`no prices for region ${input.region}: priced as ${DEFAULT_PRICE_REGION}`]),
    ...(input.architecture === 'arm64' || input.architecture === 'x86_64' ? [] : [`unknown architecture ${input.architecture}: priced as x86_64`]),
  ];
  return {
    currency: 'USD',
    requestsUsd,
    computeUsd,
    totalUsd: requestsUsd + computeUsd,
    pricedRegion,
    pricedArchitecture,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}
