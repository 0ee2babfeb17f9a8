import { z } from 'zod';
import type { StoredLogEvent } from './log-store-state';

/**
 * One change to the Logs store. Every mutation is applied as an entry, so the NDJSON journal
 * replays to exactly the state that produced it.
 */
export type JournalEntry =
  | { op: 'header'; nextSeq: number }
  | { op: 'createGroup'; group: string; time: number }
  | { op: 'deleteGroup'; group: string }
  | { op: 'retention'; group: string; days: number | null }
  | { op: 'createStream'; group: string; stream: string; time: number }
  | { op: 'deleteStream'; group: string; stream: string }
  | { op: 'events'; group: string; stream: string; events: readonly StoredLogEvent[] };

/** On disk an event is `[seq, timestamp, ingestionTime, message]`, a third the size of an object. */
export type JournalEventTuple = [number, number, number, string];

const integer = z.number().int();

export const journalLineSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('header'), nextSeq: integer }),
  z.object({ op: z.literal('createGroup'), group: z.string(), time: integer }),
  z.object({ op: z.literal('deleteGroup'), group: z.string() }),
  z.object({ op: z.literal('retention'), group: z.string(), days: integer.nullable() }),
  z.object({ op: z.literal('createStream'), group: z.string(), stream: z.string(), time: integer }),
  z.object({ op: z.literal('deleteStream'), group: z.string(), stream: z.string() }),
  z.object({
    op: z.literal('events'),
    group: z.string(),
    stream: z.string(),
    // A plain loop rather than z.tuple: replay checks millions of these and zod costs ~3x.
    events: z.custom<JournalEventTuple[]>((value) => Array.isArray(value) && value.every(isEventTuple)),
  }),
]);

function isEventTuple(value: unknown): value is JournalEventTuple {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    Number.isSafeInteger(value[0]) &&
    Number.isSafeInteger(value[1]) &&
    Number.isSafeInteger(value[2]) &&
    typeof value[3] === 'string'
  );
}
