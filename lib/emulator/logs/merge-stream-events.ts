import type { LogStreamView, StoredLogEvent } from './log-store-state';

/** A stream's slice [from, to) to merge, already narrowed by binary search. */
export type StreamSlice = { stream: LogStreamView; from: number; to: number };

export type MergedEvent = { stream: LogStreamView; event: StoredLogEvent };

type Cursor = { stream: LogStreamView; index: number; end: number; event: StoredLogEvent };

/**
 * k-way merge of sorted stream slices into one (timestamp, seq) order, oldest first (`forward`)
 * or newest first. A binary heap keeps each step O(log k), so a page costs O(page · log streams)
 * however large the streams are.
 */
export function* mergeStreamEvents(slices: readonly StreamSlice[], forward: boolean): Generator<MergedEvent> {
  const step = forward ? 1 : -1;
  const heap: Cursor[] = [];
  for (const { stream, from, to } of slices) {
    if (from >= to) continue;
    const index = forward ? from : to - 1;
    heap.push({ stream, index, end: forward ? to : from - 1, event: stream.events[index] as StoredLogEvent });
  }
  const comesFirst = (a: Cursor, b: Cursor) => {
    const order = a.event.timestamp - b.event.timestamp || a.event.seq - b.event.seq;
    return forward ? order < 0 : order > 0;
  };
  for (let i = (heap.length >>> 1) - 1; i >= 0; i -= 1) siftDown(heap, i, comesFirst);
  while (heap.length > 0) {
    const top = heap[0] as Cursor;
    yield { stream: top.stream, event: top.event };
    top.index += step;
    if (top.index === top.end) {
      const last = heap.pop() as Cursor;
      if (heap.length === 0) return;
      heap[0] = last;
    } else {
      top.event = top.stream.events[top.index] as StoredLogEvent;
    }
    siftDown(heap, 0, comesFirst);
  }
}

function siftDown(heap: Cursor[], start: number, comesFirst: (a: Cursor, b: Cursor) => boolean): void {
  let index = start;
  for (;;) {
    const left = 2 * index + 1;
    const right = left + 1;
    let best = index;
    if (left < heap.length && comesFirst(heap[left] as Cursor, heap[best] as Cursor)) best = left;
    if (right < heap.length && comesFirst(heap[right] as Cursor, heap[best] as Cursor)) best = right;
    if (best === index) return;
    [heap[index], heap[best]] = [heap[best] as Cursor, heap[index] as Cursor];
    index = best;
  }
}
