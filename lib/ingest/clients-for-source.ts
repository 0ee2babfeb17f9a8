import { createClients, emulatorCredentials } from '../aws/create-clients';

export type SourceConnection = { kind: string; region: string; endpoint: string | null };

/** SDK clients for a source: the emulator is just another endpoint; AWS uses the default credential chain. */
export function clientsForSource(source: SourceConnection) {
  return createClients({
    region: source.region,
    ...(source.endpoint ? { endpoint: source.endpoint } : {}),
    ...(source.kind === 'emulator' ? { credentials: emulatorCredentials } : {}),
  });
}
