import { once } from 'node:events';
import type pg from 'pg';

/**
 * `COPY … TO STDOUT` and `COPY … FROM STDIN` over plain `pg`, without pg-copy-streams: `pg` hands
 * the copy messages of a submitted query to that query object, and its Connection can send copy
 * data. These are the two small query objects pg-copy-streams would provide.
 */
type CopyConnection = pg.Connection & {
  sendCopyFromChunk: (chunk: Buffer) => void;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
};

/** Settles on ReadyForQuery (success) or an error; the row count comes from CommandComplete (`COPY n`). */
abstract class CopyQuery implements pg.Submittable {
  private rowCount = 0;
  private settle!: { resolve: (rows: number) => void; reject: (error: unknown) => void };
  private failed = false;
  readonly done = new Promise<number>((resolve, reject) => {
    this.settle = { resolve, reject };
  });

  constructor(private readonly text: string) {}

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCommandComplete(message: { text: string }): void {
    this.rowCount = Number(message.text.split(' ')[1] ?? 0);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.settle.resolve(this.rowCount);
  }

  handleError(error: unknown): void {
    this.failed = true;
    this.settle.reject(error);
  }
}

class CopyOut extends CopyQuery {
  constructor(
    text: string,
    private readonly onChunk: (chunk: Buffer) => void,
  ) {
    super(text);
  }

  handleCopyData(message: { chunk: Buffer }): void {
    this.onChunk(message.chunk);
  }
}

class CopyIn extends CopyQuery {
  constructor(
    text: string,
    private readonly source: AsyncIterable<Buffer>,
  ) {
    super(text);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    void this.pump(connection as CopyConnection);
  }

  private async pump(connection: CopyConnection): Promise<void> {
    try {
      for await (const chunk of this.source) {
        connection.sendCopyFromChunk(chunk);
        // The socket's own back-pressure: never queue more than its buffer in memory.
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }
}

/** Runs `COPY … TO STDOUT`, handing each data chunk (one row in text format) to `onChunk`; resolves to the row count. */
export function copyOut(client: pg.Client, sql: string, onChunk: (chunk: Buffer) => void): Promise<number> {
  return client.query(new CopyOut(sql, onChunk)).done;
}

/** Runs `COPY … FROM STDIN` fed from `source`; resolves to the row count. */
export function copyIn(client: pg.Client, sql: string, source: AsyncIterable<Buffer>): Promise<number> {
  return client.query(new CopyIn(sql, source)).done;
}
