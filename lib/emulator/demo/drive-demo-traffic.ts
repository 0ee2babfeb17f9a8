import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** One round of demo traffic; each call shows one or more signals. Errors are the point, so none throw. */
export async function driveDemoRound(lambda: LambdaClient, round: number): Promise<void> {
  const invoke = (functionName: string, payload: unknown, extra: { qualifier?: string; async?: boolean } = {}) =>
    lambda
      .send(
        new InvokeCommand({
          FunctionName: functionName,
          Payload: encode(payload),
          ...(extra.qualifier ? { Qualifier: extra.qualifier } : {}),
          ...(extra.async ? { InvocationType: 'Event' } : {}),
        }),
      )
      .catch(() => undefined);

  await Promise.all([
    // Warm and cold starts: a burst needs several environments at once.
    ...Array.from({ length: 4 }, (_, i) => invoke('demo-api', { path: `/orders/${round}-${i}`, heavy: i === 0 })),
    // The weighted alias: about one in ten of these runs version 2.
    ...Array.from({ length: 3 }, () => invoke('demo-api', { path: '/live' }, { qualifier: 'live' })),
    // Throttling: reserved concurrency 1 under a burst of three.
    ...Array.from({ length: 3 }, () => invoke('demo-throttled', {})),
    invoke('demo-flaky', { orderId: `o-${round}`, fail: round % 5 === 0 }, { async: true }),
    invoke('demo-slow', { slow: round % 4 === 0 }),
    invoke('demo-memory-hog', { megabytes: round % 6 === 0 ? 400 : 16 }),
    invoke('demo-json-logs', { userId: `user-${round % 7}` }),
    invoke('demo-python', { key: `photo-${round}.png`, fail: round % 8 === 0 }),
  ]);
}
