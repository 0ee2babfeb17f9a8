import type { StoredEventInput, Transaction } from './store-types';

/**
 * Inserts a batch of raw events in one statement; returns the ids of those not stored before.
 * Keyed by CloudWatch's event id, so re-reading an overlap window or a Firehose redelivery costs nothing.
 * The batch travels as one JSON parameter: half the client CPU of one array parameter per column.
 */
export async function insertRawEvents(
  tx: Transaction,
  options: { sourceId: number; logGroupName: string; events: readonly StoredEventInput[] },
): Promise<Set<string>> {
  const { events } = options;
  if (events.length === 0) return new Set();
  const records = JSON.stringify(
    events.map((event) => ({
      event_id: event.eventId,
      log_stream_name: event.logStreamName,
      function_id: event.functionId,
      epoch_ms: event.timestamp,
      kind: event.record.kind,
      request_id: requestIdOf(event),
      message: event.message,
    })),
  );
  const rows = await tx.$queryRaw<Array<{ event_id: string }>>`
    INSERT INTO raw_events (source_id, event_id, log_group_name, log_stream_name, function_id, "timestamp", kind, request_id, message)
    SELECT ${options.sourceId}, e.event_id, ${options.logGroupName}, e.log_stream_name, e.function_id,
           to_timestamp(e.epoch_ms / 1000.0), e.kind, e.request_id, e.message
      FROM json_to_recordset(${records}::json)
        AS e(event_id text, log_stream_name text, function_id int, epoch_ms float8, kind text, request_id text, message text)
    ON CONFLICT DO NOTHING
    RETURNING event_id`;
  return new Set(rows.map((row) => row.event_id));
}

function requestIdOf(event: StoredEventInput): string | null {
  const record = event.record;
  return 'requestId' in record && typeof record.requestId === 'string' ? record.requestId : null;
}
