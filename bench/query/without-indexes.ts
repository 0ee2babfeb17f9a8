import type pg from 'pg';

type Definition = { table: string; name: string; sql: string; kind: 'primary' | 'index' | 'foreign' };

/**
 * Runs a bulk load with `tables`' keys, indexes and foreign keys dropped, then puts every one of
 * them back exactly as the migrations made them (same names, from pg_get_indexdef and
 * pg_get_constraintdef): building a B-tree once over sorted input is several times cheaper than
 * 10 million random insertions into it, and a foreign key is then checked by one join instead of a
 * trigger per row. Returns the seconds spent rebuilding.
 */
export async function withoutIndexes(client: pg.Client, tables: readonly string[], load: () => Promise<void>): Promise<number> {
  const { rows } = await client.query<Definition>(
    `SELECT c.relname AS table, con.conname AS name, format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname, pg_get_constraintdef(con.oid)) AS sql,
            CASE con.contype WHEN 'f' THEN 'foreign' ELSE 'primary' END AS kind
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      WHERE c.relname = ANY($1) AND con.contype IN ('p', 'u', 'f')
     UNION ALL
     SELECT c.relname, i.relname, pg_get_indexdef(x.indexrelid), 'index'
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
      WHERE c.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = x.indrelid)`,
    [tables],
  );
  // Foreign keys first (they depend on nothing here), then constraints, then plain indexes.
  for (const definition of rows.filter((row) => row.kind === 'foreign')) await client.query(`ALTER TABLE "${definition.table}" DROP CONSTRAINT "${definition.name}"`);
  for (const definition of rows.filter((row) => row.kind === 'primary')) await client.query(`ALTER TABLE "${definition.table}" DROP CONSTRAINT "${definition.name}"`);
  for (const definition of rows.filter((row) => row.kind === 'index')) await client.query(`DROP INDEX "${definition.name}"`);
  await load();
  const started = performance.now();
  for (const kind of ['primary', 'index', 'foreign'] as const) {
    for (const definition of rows.filter((row) => row.kind === kind)) await client.query(definition.sql);
  }
  return (performance.now() - started) / 1000;
}
