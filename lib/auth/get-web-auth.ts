import { loadConfig, type AppConfig } from '../config';
import type { PrismaClient } from '../db/generated/client';
import { getWebPrisma } from '../db/get-web-prisma';
import { getAuthSecret } from './get-auth-secret';

export type WebAuth = { prisma: PrismaClient; secret: string; config: AppConfig };

/** What the web server's guard needs: the shared database, the cookie secret, the configuration. */
export async function getWebAuth(): Promise<WebAuth> {
  const config = loadConfig();
  return { prisma: await getWebPrisma(), secret: getAuthSecret(config), config };
}
