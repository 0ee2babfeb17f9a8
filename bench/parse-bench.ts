/**
 * npm run bench:parse — lib/lambda-logs on the ingest hot path: 1,000,000 events built from the
 * real corpus (../shared/lambda-logs/real: its exact CloudWatch events and JSON records, repeated
 * with fresh request ids), beside two baselines measured in the same run on the same events:
 *  - JSON.parse of each event's CloudWatch envelope `{"id","timestamp","message"}` (what ingest pays
 *    anyway to read a FilterLogEvents page or a subscription payload);
 *  - a bare `message.split('\t')`, the least any tab-separated parser does.
 * Each runs a few rounds, interleaved; the best round counts (warm JIT, least GC and neighbour noise).
 */
import { randomUUID } from 'node:crypto';
import { parseLogEvent, type LogRecordKind } from '../lib/lambda-logs';
import { loadRealMessages } from '../tests/support/log-shapes/load-real-messages';

const EVENTS = 1_000_000;
const ROUNDS = 5;
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const corpus = loadRealMessages()
  .filter((message) => message.provenance !== 'line')
  .map((message) => message.text);
const messages: string[] = [];
let freshIds = new Map<string, string>();
for (let index = 0; messages.length < EVENTS; index += 1) {
  // Each repetition of the corpus maps every request id to a fresh one: START, app lines and REPORT
  // of one invocation still share theirs, as in CloudWatch.
  if (index % corpus.length === 0) freshIds = new Map();
  const template = corpus[index % corpus.length] ?? '';
  messages.push(
    template.replace(uuid, (id) => {
      const fresh = freshIds.get(id) ?? randomUUID();
      freshIds.set(id, fresh);
      return fresh;
    }),
  );
}
const envelopes = messages.map((message, index) => JSON.stringify({ id: String(index), timestamp: 1_700_000_000_000 + index, message }));

/** Best of ROUNDS for each, the three interleaved so a noisy moment on the machine hits all alike. */
function measure(runs: Record<string, () => number>): Record<string, number> {
  const best: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(runs)) {
      const started = process.hrtime.bigint();
      run();
      best[name] = Math.min(best[name] ?? Infinity, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  return best;
}

const seconds = measure({
  parse: () => {
    let sum = 0;
    for (const message of messages) sum += parseLogEvent({ message }).kind.length;
    return sum;
  },
  envelope: () => {
    let sum = 0;
    for (const text of envelopes) sum += (JSON.parse(text) as { message: string }).message.length;
    return sum;
  },
  split: () => {
    let sum = 0;
    for (const message of messages) sum += message.split('\t').length;
    return sum;
  },
});
const parse = { seconds: seconds.parse ?? NaN };
const envelope = { seconds: seconds.envelope ?? NaN };
const split = { seconds: seconds.split ?? NaN };
const kinds = new Map<LogRecordKind, number>();
for (const message of messages.slice(0, corpus.length)) {
  const kind = parseLogEvent({ message }).kind;
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
}

const rate = (seconds: number) => Math.round(EVENTS / seconds);
const row = (name: string, seconds: number) =>
  `${name.padEnd(38)} ${rate(seconds).toLocaleString('en-US').padStart(12)} events/s   parseLogEvent is ${(seconds / parse.seconds).toFixed(2)}× its speed`;
console.log(`${EVENTS.toLocaleString('en-US')} events from ${corpus.length} real messages; mix: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
console.log(`${'parseLogEvent'.padEnd(38)} ${rate(parse.seconds).toLocaleString('en-US').padStart(12)} events/s`);
console.log(row('baseline JSON.parse(event envelope)', envelope.seconds));
console.log(row("baseline message.split('\\t')", split.seconds));
