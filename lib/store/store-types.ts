import type { Prisma } from '../db/generated/client';
import type { IngestEvent } from '../ingest/attempt-fragment';

/** A Prisma client inside a transaction: functions that must commit together take one. */
export type Transaction = Prisma.TransactionClient;

/** An event to store: the CloudWatch event, understood, and the function it belongs to (if known). */
export type StoredEventInput = IngestEvent & { message: string; functionId: number | null };
