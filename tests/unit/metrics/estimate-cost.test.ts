import { expect, test } from 'vitest';
import { estimateCost } from '../../../lib/metrics/estimate-cost';

// Prices from https://aws.amazon.com/lambda/pricing/ (first tier): $0.20 per 1M requests,
// $0.0000166667 per GB-second on x86_64, $0.0000133334 on arm64.
test.each([
  { name: 'nothing costs nothing', input: { requests: 0, gbSeconds: 0, architecture: 'x86_64', region: 'us-east-1' }, requestsUsd: 0, computeUsd: 0 },
  { name: 'one million requests', input: { requests: 1_000_000, gbSeconds: 0, architecture: 'x86_64', region: 'us-east-1' }, requestsUsd: 0.2, computeUsd: 0 },
  { name: 'x86_64 compute', input: { requests: 0, gbSeconds: 1_000_000, architecture: 'x86_64', region: 'us-east-1' }, requestsUsd: 0, computeUsd: 16.6667 },
  { name: 'arm64 is cheaper per GB-second', input: { requests: 0, gbSeconds: 1_000_000, architecture: 'arm64', region: 'eu-west-1' }, requestsUsd: 0, computeUsd: 13.3334 },
  // AWS's own example: 3M requests of 120 ms at 1536 MB → 540,000 GB-s → $9.00 + $0.60.
  { name: 'requests and compute add up', input: { requests: 3_000_000, gbSeconds: 540_000, architecture: 'x86_64', region: 'us-east-1' }, requestsUsd: 0.6, computeUsd: 9.000018 },
])('$name', ({ input, requestsUsd, computeUsd }) => {
  const cost = estimateCost(input);
  expect(cost.requestsUsd).toBeCloseTo(requestsUsd, 9);
  expect(cost.computeUsd).toBeCloseTo(computeUsd, 6);
  expect(cost.totalUsd).toBeCloseTo(requestsUsd + computeUsd, 6);
  expect(cost).toMatchObject({ currency: 'USD', pricedRegion: input.region });
  expect(cost.note).toBeUndefined();
});

test.each([
  { name: 'an unknown region is priced as us-east-1 and says so', region: 'xx-nowhere-9', architecture: 'arm64', pricedRegion: 'us-east-1', pricedArchitecture: 'arm64', note: /no prices for region xx-nowhere-9: priced as us-east-1/ },
  { name: 'an unknown architecture is priced as x86_64 and says so', region: 'us-west-2', architecture: 'riscv', pricedRegion: 'us-west-2', pricedArchitecture: 'x86_64', note: /unknown architecture riscv/ },
])('$name', ({ region, architecture, pricedRegion, pricedArchitecture, note }) => {
  const cost = estimateCost({ requests: 1_000_000, gbSeconds: 100, architecture, region });
  expect(cost).toMatchObject({ pricedRegion, pricedArchitecture });
  expect(cost.note).toMatch(note);
  expect(cost.requestsUsd).toBeCloseTo(0.2, 9);
});
