import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The record Lambda sends to an asynchronous invocation's destination. */
export type DestinationRecord = {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload: unknown;
};

/** A delivered record and where it went; `destination` is null when none was configured (AWS drops it). */
export type StoredDestinationRecord = { destination: string | null; functionName: string; record: DestinationRecord };

/** What reached on-success / on-failure destinations, kept (and persisted) so it can be listed. */
export class DestinationStore {
  private readonly records: StoredDestinationRecord[] = [];
  private readonly file: string | null;

  constructor(dataDir: string | null) {
    this.file = dataDir === null ? null : path.join(dataDir, 'destinations.ndjson');
    if (!this.file) return;
    mkdirSync(dataDir as string, { recursive: true });
    try {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (line) this.records.push(JSON.parse(line) as StoredDestinationRecord);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  add(stored: StoredDestinationRecord): void {
    this.records.push(stored);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(stored)}\n`);
  }

  list(filter: { functionName?: string; destination?: string } = {}): StoredDestinationRecord[] {
    return this.records.filter(
      (stored) =>
        (filter.functionName === undefined || stored.functionName === filter.functionName) &&
        (filter.destination === undefined || stored.destination === filter.destination),
    );
  }
}
