import type { DataMessage } from './subscription-message-schema';

/** A CloudWatch Logs event as pushed, before parsing. */
export type PushedEvent = { eventId: string; timestamp: number; logStreamName: string; message: string };

/** The events of one log group of one account: what one store transaction writes. */
export type LogGroupEvents = {
  account: string;
  /** From the events' `@aws.region` (centralised delivery), when they say. */
  region?: string;
  logGroupName: string;
  events: PushedEvent[];
};

/**
 * Subscription documents → events per (account, log group), in a stable order (account, group;
 * events by time then id). An event delivered twice in one delivery is kept once: the store
 * would otherwise count it twice. The account is the event's `@aws.account` when a centralised
 * subscription names it, else the document's owner.
 */
export function groupLogEvents(documents: readonly DataMessage[]): LogGroupEvents[] {
  const groups = new Map<string, LogGroupEvents & { seen: Set<string> }>();
  for (const document of documents) {
    for (const event of document.logEvents) {
      const account = readField(event.extractedFields, '@aws.account') ?? document.owner;
      const key = `${account}\u0000${document.logGroup}`;
      let group = groups.get(key);
      if (!group) {
        const region = readField(event.extractedFields, '@aws.region');
        group = { account, ...(region ? { region } : {}), logGroupName: document.logGroup, events: [], seen: new Set() };
        groups.set(key, group);
      }
      if (group.seen.has(event.id)) continue;
      group.seen.add(event.id);
      group.events.push({ eventId: event.id, timestamp: event.timestamp, logStreamName: document.logStream, message: event.message });
    }
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => ({ ...group, events: group.events.sort(byTimeThenId) }))
    .sort((a, b) => compare(a.account, b.account) || compare(a.logGroupName, b.logGroupName));
}

function readField(fields: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = fields?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function byTimeThenId(a: PushedEvent, b: PushedEvent): number {
  return a.timestamp - b.timestamp || compare(a.eventId, b.eventId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
