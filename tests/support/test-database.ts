import pg from 'pg';

/** The PostgreSQL tests use (CI's and every developer's machine run one here, trust auth). */
const adminUrl = process.env.LAMBDASCOPE_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/** A database of this test's own, so runs never see each other's data; drop() removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `lambdascope_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
