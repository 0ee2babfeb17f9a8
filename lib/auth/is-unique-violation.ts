import { Prisma } from '../db/generated/client';

/** A unique constraint refused the write (Prisma's P2002), told by its code, never by its message. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
