import type { PrismaClient } from '../../lib/db/create-prisma-client';
import { assembleAttempts } from '../../lib/ingest/assemble-attempts';
import { understandEvent } from '../../lib/ingest/understand-event';
import type { StoredEventInput } from '../../lib/store/store-types';
import { writeLogBatch } from '../../lib/store/write-log-batch';
import type { FunctionProfile } from './function-profiles';
import { generateLogEvents, type CloudWatchEvent } from './generate-log-events';
import type { MemorySampler } from './memory-sampler';

export type Checkpoint = {
  events: number;
  /** Wall seconds so far, generation excluded. */
  pipelineSeconds: number;
  /** The same, for the events since the previous checkpoint. */
  stretchSeconds: number;
  stretchEvents: number;
  rss: number;
  peakRss: number;
  heapUsed: number;
};

export type PipelineResult = {
  events: number;
  batches: number;
  lanes: number;
  generateSeconds: number;
  /** Time spent parsing (synchronous: never overlaps other JavaScript). */
  parseSeconds: number;
  /** Time batches spent in writeLogBatch, summed over the lanes (they overlap). */
  storeSeconds: number;
  /** assembleAttempts alone on the same batches, timed apart (writeLogBatch runs it again inside storeSeconds). */
  assembleSeconds: number;
  wallSeconds: number;
  /** Wall time minus generation and the separate assemble timing: what the rate is computed from. */
  pipelineSeconds: number;
  checkpoints: Checkpoint[];
};

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Feeds `events` generated events through parse → writeLogBatch (assemble + store) as the worker
 * does: one batch per FilterLogEvents page of one log group (`batchSize` events), `lanes` log
 * groups at a time (the worker's parallelism), each lane taking the next group in turn. Generation
 * stands in for reading pages and runs synchronously on the same thread, so its time is taken off
 * the wall clock. Memory is sampled after every batch; a checkpoint is taken at each quarter.
 */
export async function runPipeline(
  prisma: PrismaClient,
  options: {
    sourceId: number;
    functions: ReadonlyArray<{ profile: FunctionProfile; functionId: number; logGroupStateId: number }>;
    events: number;
    batchSize: number;
    lanes: number;
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
  const result: PipelineResult = {
    events: 0,
    batches: 0,
    lanes: options.lanes,
    generateSeconds: 0,
    parseSeconds: 0,
    storeSeconds: 0,
    assembleSeconds: 0,
    wallSeconds: 0,
    pipelineSeconds: 0,
    checkpoints: [],
  };
  const quarters = [1, 2, 3, 4].map((quarter) => Math.round((options.events * quarter) / 4));
  let previous = { events: 0, pipelineSeconds: 0 };
  const wall = process.hrtime.bigint();
  // The separate assemble timing is a measurement, not pipeline work: it comes off the wall too.
  const elapsed = () => seconds(wall) - result.generateSeconds - result.assembleSeconds;
  let claimed = 0;
  let turn = 0;
  const groupsBusy = new Set<number>();

  const lane = async () => {
    while (claimed < options.events) {
      // The next group no other lane holds, as leases guarantee in the worker.
      let group = groups[turn % groups.length] as (typeof groups)[number];
      while (groupsBusy.has(group.functionId)) group = groups[(turn += 1) % groups.length] as (typeof groups)[number];
      turn += 1;
      groupsBusy.add(group.functionId);
      const size = Math.min(options.batchSize, options.events - claimed);
      claimed += size;

      let started = process.hrtime.bigint();
      const page: CloudWatchEvent[] = new Array<CloudWatchEvent>(size);
      for (let index = 0; index < size; index += 1) page[index] = group.source.next().value;
      result.generateSeconds += seconds(started);

      started = process.hrtime.bigint();
      const events: StoredEventInput[] = page.map((event) => ({ ...understandEvent(event), functionId: group.functionId }));
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
      groupsBusy.delete(group.functionId);
      result.events += size;
      result.batches += 1;
      options.memory.sample();

      while (result.events >= (quarters[result.checkpoints.length] ?? Infinity)) {
        const pipelineSeconds = elapsed();
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
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
  result.wallSeconds = seconds(wall);
  result.pipelineSeconds = elapsed();
  return result;
}
