import type { Database } from './database';

/** Whether anyone has an account yet: until someone does, the app is set up at /setup. */
export async function hasUsers(db: Database): Promise<boolean> {
  return (await db.user.findFirst({ select: { id: true } })) !== null;
}
