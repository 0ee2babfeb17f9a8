import { createPrismaClient, type PrismaClient } from '../../lib/db/create-prisma-client';
import { migrateDatabase } from '../../lib/db/migrate-database';
import type { User } from '../../lib/db/generated/client';
import { roleSchema } from '../../lib/auth/role';
import type { Viewer } from '../../lib/auth/viewer';
import { createTestDatabase, type TestDatabase } from './test-database';

export type AuthTestDatabase = { database: TestDatabase; prisma: PrismaClient; close: () => Promise<void> };

/** A fresh, migrated database of this test file's own, and a Prisma client on it. */
export async function openAuthTestDatabase(label: string): Promise<AuthTestDatabase> {
  const database = await createTestDatabase(label);
  await migrateDatabase(database.url);
  const prisma = createPrismaClient(database.url);
  return {
    database,
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** A user as the guard would hand them to lib/ functions, signed in by session. */
export function viewerOf(user: User): Viewer {
  return { userId: user.id, name: user.name, email: user.email, role: roleSchema.parse(user.role), via: 'session' };
}

/** A unique email per call, so tests never collide on the unique index. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
