import type { PrismaClient } from '../db/create-prisma-client';

/** The in-process emulator as a source named `local emulator`, pointed at wherever it listens now. */
export async function ensureEmulatorSource(prisma: PrismaClient, options: { endpoint: string; region: string }): Promise<number> {
  const source = await prisma.source.upsert({
    where: { name: 'local emulator' },
    create: { name: 'local emulator', kind: 'emulator', region: options.region, endpoint: options.endpoint },
    update: { endpoint: options.endpoint, region: options.region },
  });
  return source.id;
}
