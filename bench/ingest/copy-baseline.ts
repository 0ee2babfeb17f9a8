import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyIn, copyOut } from './copy-protocol';

/** The tables a log batch writes rows into (log_group_states only has its checkpoint updated). */
export const storedTables = ['raw_events', 'attempts', 'invocations', 'function_minutes'] as const;

export type CopyResult = { table: string; rows: number; bytes: number; seconds: number };

/**
 * The baseline: the rows the pipeline stored, loaded again with `COPY … FROM STDIN` into fresh
 * tables of the same shape (`LIKE … INCLUDING ALL`: same indexes and defaults) in schema
 * copy_baseline. The rows are first exported with `COPY … TO STDOUT` into scratch files (removed
 * afterwards, also when the process exits early); only the loading is timed.
 */
export async function measureCopyBaseline(databaseUrl: string): Promise<CopyResult[]> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'lambdascope-bench-ingest-'));
  const removeScratch = () => rmSync(scratchDir, { recursive: true, force: true });
  process.on('exit', removeScratch);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query('CREATE SCHEMA copy_baseline');
    const files = new Map<string, string>();
    for (const table of storedTables) {
      await client.query(`CREATE TABLE copy_baseline.${table} (LIKE public.${table} INCLUDING ALL)`);
      const file = path.join(scratchDir, `${table}.copy`);
      const fd = openSync(file, 'w');
      try {
        await copyOut(client, `COPY public.${table} TO STDOUT`, (chunk) => writeSync(fd, chunk));
      } finally {
        closeSync(fd);
      }
      files.set(table, file);
    }
    // Start from the same clean slate the timing should not pay for: the pipeline's dirty pages written out.
    await client.query('CHECKPOINT');
    const results: CopyResult[] = [];
    for (const table of storedTables) {
      const file = files.get(table) as string;
      const started = process.hrtime.bigint();
      const rows = await copyIn(client, `COPY copy_baseline.${table} FROM STDIN`, createReadStream(file, { highWaterMark: 1 << 20 }));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      results.push({ table, rows, bytes: statSync(file).size, seconds });
    }
    return results;
  } finally {
    await client.end();
    removeScratch();
    process.off('exit', removeScratch);
  }
}
