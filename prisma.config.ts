import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here: migrations are applied by lib/db/migrate-database.ts.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
