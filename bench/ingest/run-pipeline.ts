import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { assembleAttempts } from '../../lib/ingest/assemble-attempts';
import { parseLogEvent } from '../../lib/lambda-logs';
import type { StoredEventInput } from '../../lib/store/store-types';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import type { FunctionProfile } from './function-profiles';
import { generateLogEvents, type CloudWatchEvent } from './generate-log-events';
import type { MemorySampler } from './memory-sampler';

export type Checkpoint = {
  events: number;
  /** Parse + store seconds so far (generation excluded). */
  pipelineSeconds: number;
  /** Parse + store seconds of the events since the previous checkpoint. */
  stretchSeconds: number;
  stretchEvents: number;
  rss: number;
  peakRss: number;
  heapUsed: number;
};

export type PipelineResult = {
  events: number;
  batches: number;
  generateSeconds: number;
  parseSeconds: number;
  storeSeconds: number;
  /** assembleAttempts alone on the same batches, timed apart (writeLogBatch runs it again inside storeSeconds). */
  assembleSeconds: number;
  wallSeconds: number;
  checkpoints: Checkpoint[];
};

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Feeds `events` generated events through parse → writeLogBatch (assemble + store) as the poller
 * does: one batch per FilterLogEvents page of one log group (`batchSize` events), the log groups
 * taken in turn. Memory is sampled after every batch; a checkpoint is taken at each quarter.
 */
export async function runPipeline(
  prisma: PrismaClient,
  options: {
    sourceId: number;
    functions: ReadonlyArray<{ profile: FunctionProfile; functionId: number; logGroupStateId: number }>;
    events: number;
    batchSize: number;
    seed: number;
    startMs: number;
    memory: MemorySampler;
    onProgress?: (checkpoint: Checkpoint) => void;
  },
): Promise<PipelineResult> {
  let sequence = 0;
  // CloudWatch's event ids are 56 decimal digits; ours lead with the timestamp, as theirs do.
  const nextEventId = (timestamp: number) => `3${String(timestamp).padStart(15, '0')}${String((sequence += 1)).padStart(40, '0')}`;
  const groups = options.functions.map((fn, index) => ({
    ...fn,
    logGroupName: `/aws/lambda/${fn.profile.name}`,
    source: generateLogEvents(fn.profile, { seed: options.seed * 1_000 + index, startMs: options.startMs, nextEventId }),
  }));
  const result: PipelineResult = { events: 0, batches: 0, generateSeconds: 0, parseSeconds: 0, storeSeconds: 0, assembleSeconds: 0, wallSeconds: 0, checkpoints: [] };
  const quarters = [1, 2, 3, 4].map((quarter) => Math.round((options.events * quarter) / 4));
  let previous = { events: 0, pipelineSeconds: 0 };
  const wall = process.hrtime.bigint();
  for (let turn = 0; result.events < options.events; turn += 1) {
    const group = groups[turn % groups.length] as (typeof groups)[number];
    const size = Math.min(options.batchSize, options.events - result.events);

    let started = process.hrtime.bigint();
    const page: CloudWatchEvent[] = new Array<CloudWatchEvent>(size);
    for (let index = 0; index < size; index += 1) page[index] = group.source.next().value;
    result.generateSeconds += seconds(started);

    started = process.hrtime.bigint();
    const events: StoredEventInput[] = page.map((event) => ({
      eventId: event.eventId,
      timestamp: event.timestamp,
      logStreamName: event.logStreamName,
      message: event.message,
      record: parseLogEvent({ message: event.message, timestamp: event.timestamp }),
      functionId: group.functionId,
    }));
    result.parseSeconds += seconds(started);

    started = process.hrtime.bigint();
    assembleAttempts(events);
    result.assembleSeconds += seconds(started);

    started = process.hrtime.bigint();
    await writeLogBatch(prisma, {
      sourceId: options.sourceId,
      logGroupName: group.logGroupName,
      logGroupStateId: group.logGroupStateId,
      events,
      checkpointMs: (page[page.length - 1] as CloudWatchEvent).timestamp,
    });
    result.storeSeconds += seconds(started);
    result.events += size;
    result.batches += 1;
    options.memory.sample();

    while (result.events >= (quarters[result.checkpoints.length] ?? Infinity)) {
      const pipelineSeconds = result.parseSeconds + result.storeSeconds;
      const checkpoint: Checkpoint = {
        events: result.events,
        pipelineSeconds,
        stretchSeconds: pipelineSeconds - previous.pipelineSeconds,
        stretchEvents: result.events - previous.events,
        rss: options.memory.sample(),
        peakRss: options.memory.peak(),
        heapUsed: process.memoryUsage().heapUsed,
      };
      previous = checkpoint;
      result.checkpoints.push(checkpoint);
      options.onProgress?.(checkpoint);
    }
  }
  result.wallSeconds = seconds(wall);
  return result;
}
