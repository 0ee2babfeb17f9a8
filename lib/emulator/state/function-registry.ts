import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resourceNotFound } from '../protocol/aws-error';
import type { FunctionRecord } from './function-records';

type Snapshot = { functions: FunctionRecord[] };
/** A snapshot written before functions had tags. */
type StoredSnapshot = { functions: Array<Omit<FunctionRecord, 'tags'> & { tags?: Record<string, string> }> };

/**
 * Every function with its versions, aliases and concurrency settings. Control-plane changes are
 * rare, so each one rewrites a small JSON snapshot atomically (write, then rename).
 */
export class FunctionRegistry {
  private readonly functions = new Map<string, FunctionRecord>();
  private readonly file: string | null;
  private reservedTotal: number | undefined;

  private constructor(
    dataDir: string | null,
    private readonly describeArn: (name: string) => string,
  ) {
    this.file = dataDir === null ? null : path.join(dataDir, 'functions.json');
    if (this.file) this.load(this.file);
  }

  static open(dataDir: string | null, describeArn: (name: string) => string): FunctionRegistry {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    return new FunctionRegistry(dataDir, describeArn);
  }

  find(name: string): FunctionRecord | undefined {
    return this.functions.get(name);
  }

  get(name: string): FunctionRecord {
    const record = this.functions.get(name);
    if (!record) throw resourceNotFound(`Function not found: ${this.describeArn(name)}`);
    return record;
  }

  /** What reservations take out of the account's unreserved pool. */
  totalReservedConcurrency(): number {
    this.reservedTotal ??= [...this.functions.values()].reduce((sum, record) => sum + (record.reservedConcurrency ?? 0), 0);
    return this.reservedTotal;
  }

  list(): FunctionRecord[] {
    return [...this.functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Stores a new or changed record and persists the registry. */
  put(record: FunctionRecord): void {
    this.functions.set(record.name, record);
    this.persist();
  }

  delete(name: string): void {
    this.functions.delete(name);
    this.persist();
  }

  private load(file: string): void {
    let snapshot: StoredSnapshot;
    try {
      snapshot = JSON.parse(readFileSync(file, 'utf8')) as StoredSnapshot;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new Error(`Cannot read emulator state ${file}: ${String(error)}`);
    }
    for (const record of snapshot.functions) this.functions.set(record.name, { ...record, tags: record.tags ?? {} });
  }

  private persist(): void {
    this.reservedTotal = undefined;
    if (!this.file) return;
    const snapshot: Snapshot = { functions: this.list() };
    const staging = `${this.file}.tmp`;
    writeFileSync(staging, JSON.stringify(snapshot));
    renameSync(staging, this.file);
  }
}
