import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listMigrations } from '../../lib/db/list-migrations';
import { defaultMigrationsDir, MigrationError, migrateDatabase } from '../../lib/db/migrate-database';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Prisma's own schema parser (WASM, no engine binary): the reference the database is held to. */
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; algorithm?: string; fields: Array<{ name: string }> };
type Dmmf = { datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] } };

const require = createRequire(import.meta.url);
const schemaWasm = require('@prisma/prisma-schema-wasm') as { get_dmmf: (params: string) => string };
const dmmf = JSON.parse(
  schemaWasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') })),
) as Dmmf;

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;
const columnsOf = (model: DmmfModel, names: string[]) =>
  names.map((name) => columnOf(model.fields.find((field) => field.name === name) as DmmfField));

/** The PostgreSQL type Prisma creates for a field, as format_type() prints it. */
function expectedType(field: DmmfField): string {
  const [native, args] = field.nativeType ?? [undefined, []];
  const base: Record<string, string> = {
    Int: 'integer',
    BigInt: 'bigint',
    String: 'text',
    Float: 'double precision',
    Boolean: 'boolean',
    Json: 'jsonb',
    DateTime: native === 'Timestamptz' ? `timestamp(${args[0] ?? 3}) with time zone` : 'timestamp(3) without time zone',
  };
  const type = base[field.type];
  if (!type) throw new Error(`no mapping for ${field.type}`);
  return field.isList ? `${type}[]` : type;
}

/** The column default Prisma creates, as PostgreSQL reports it (null: none). */
function expectedDefault(model: DmmfModel, field: DmmfField): string | null {
  if (!field.hasDefaultValue) return null;
  const value = field.default as { name?: string } | string | number | boolean;
  if (typeof value === 'object' && value.name === 'autoincrement') return `nextval('${tableOf(model)}_${columnOf(field)}_seq'::regclass)`;
  if (typeof value === 'object' && value.name === 'now') return 'CURRENT_TIMESTAMP';
  if (typeof value === 'string' && field.type === 'String') return `'${value}'::text`;
  if (typeof value === 'string' && field.type === 'Json') return `'${value}'::jsonb`;
  return String(value);
}

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase('schema');
  await migrateDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('the migrated database matches prisma/schema.prisma', () => {
  const models = dmmf.datamodel.models;

  test('the same tables', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    expect(rows.map((row) => row.table_name).sort()).toEqual(models.map(tableOf).sort());
  });

  test.each(models.map((model) => [model.name, model] as const))('%s: columns, types, nullability and defaults', async (_name, model) => {
    const { rows } = await client.query<{ column: string; type: string; not_null: boolean; default: string | null }>(
      `SELECT a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
      [`"${tableOf(model)}"`],
    );
    const actual = Object.fromEntries(rows.map((row) => [row.column, { type: row.type, notNull: row.not_null, default: row.default }]));
    const expected = Object.fromEntries(
      model.fields
        .filter((field) => field.kind !== 'object')
        .map((field) => [
          columnOf(field),
          { type: expectedType(field), notNull: field.isRequired && !field.isList, default: expectedDefault(model, field) },
        ]),
    );
    expect(actual).toEqual(expected);
  });

  test.each(models.map((model) => [model.name, model] as const))('%s: primary key, unique and plain indexes, with their access method', async (_name, model) => {
    const { rows } = await client.query<{ unique: boolean; primary: boolean; method: string; columns: string[] }>(
      `SELECT i.indisunique AS unique, i.indisprimary AS primary, am.amname AS method,
              array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = $1::regclass
        GROUP BY i.indexrelid, i.indisunique, i.indisprimary, am.amname`,
      [`"${tableOf(model)}"`],
    );
    const signature = (kind: string, method: string, columns: string[]) => `${kind} ${method}(${columns.join(",")})`;
    const actual = rows.map((row) => signature(row.primary ? "id" : row.unique ? "unique" : "normal", row.method, row.columns)).sort();
    const expected = dmmf.datamodel.indexes
      .filter((index) => index.model === model.name)
      .map((index) => signature(index.type, (index.algorithm ?? 'BTree').toLowerCase(), columnsOf(model, index.fields.map((field) => field.name))))
      .sort();
    expect(actual).toEqual(expected);
  });

  test.each(models.map((model) => [model.name, model] as const))('%s: foreign keys and their actions', async (_name, model) => {
    const { rows } = await client.query<{ definition: string }>(
      "SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'",
      [`"${tableOf(model)}"`],
    );
    const expected = model.fields
      .filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0)
      .map((field) => {
        const target = models.find((candidate) => candidate.name === field.type) as DmmfModel;
        const onDelete = (field.relationOnDelete ?? 'Restrict').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
        return `FOREIGN KEY (${columnsOf(model, field.relationFromFields ?? []).join(', ')}) REFERENCES ${tableOf(target)}(${columnsOf(target, field.relationToFields ?? []).join(', ')}) ON UPDATE CASCADE ON DELETE ${onDelete}`;
      });
    expect(rows.map((row) => row.definition).sort()).toEqual(expected.sort());
  });
});

describe('the migration runner', () => {
  test('records each migration as prisma migrate deploy does, with its SHA-256 checksum', async () => {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map(({ migration_name, checksum, applied_steps_count }) => ({ migration_name, checksum, applied_steps_count }))).toEqual(
      listMigrations(defaultMigrationsDir).map(({ name, checksum }) => ({ migration_name: name, checksum, applied_steps_count: 1 })),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
  });

  test('is idempotent, and two starters at once apply each migration exactly once', async () => {
    const fresh = await createTestDatabase('concurrent');
    try {
      const [first, second] = await Promise.all([migrateDatabase(fresh.url), migrateDatabase(fresh.url)]);
      expect([...first.applied, ...second.applied]).toEqual(listMigrations(defaultMigrationsDir).map((migration) => migration.name));
      expect((await migrateDatabase(fresh.url)).applied).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });

  test('refuses to go on after a failed migration, naming it', async () => {
    const fresh = await createTestDatabase('failed');
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'lambdascope-migrations-'));
    mkdirSync(path.join(dir, '20260101000000_broken'));
    writeFileSync(path.join(dir, '20260101000000_broken', 'migration.sql'), 'CREATE TABLE ok_table (id INT); SELECT * FROM no_such_table;');
    try {
      await expect(migrateDatabase(fresh.url, { migrationsDir: dir })).rejects.toThrow(MigrationError);
      // The transaction rolled back: no half-applied table.
      const check = new pg.Client({ connectionString: fresh.url });
      await check.connect();
      const { rows } = await check.query("SELECT to_regclass('ok_table') AS table");
      await check.end();
      expect(rows[0]).toEqual({ table: null });
      await expect(migrateDatabase(fresh.url, { migrationsDir: dir })).rejects.toThrow(/20260101000000_broken: failed earlier/);
    } finally {
      await fresh.drop();
    }
  });
});
