import pg from 'pg';
import { migrateDatabase } from '../../lib/db/migrate-database';

export type BenchDatabase = { url: string; name: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database on the server `adminUrl` points at, dropped by `drop()` — which is
 * also run on Ctrl-C / SIGTERM, so an interrupted run leaves nothing behind.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `lambdascope_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  const drop = () => {
    dropped ??= withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
    return dropped;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name}`);
    drop().then(
      () => process.exit(130),
      (error: unknown) => {
        console.error(`could not drop ${name}: ${String(error)}`);
        process.exit(130);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await migrateDatabase(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), name, drop };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
