import type { PrismaClient } from '../db/create-prisma-client';
import { NotFoundError } from '../errors';

export type FunctionDetail = {
  id: number;
  name: string;
  arn: string;
  runtime: string | null;
  memorySizeMB: number;
  timeoutSeconds: number;
  architecture: string;
  /** Null when the function draws on the account's unreserved pool. */
  reservedConcurrency: number | null;
  provisionedConcurrency: number | null;
  logFormat: string;
  logGroupName: string;
  /** Asynchronous invocations: retries after a failure, and where an event that exhausted them goes (null: not known). */
  maxRetryAttempts: number | null;
  onFailureDestination: string | null;
  deadLetterTarget: string | null;
  deleted: boolean;
  deletedAt: Date | null;
  /** When discovery first and last changed what it knows of the function. */
  createdAt: Date;
  updatedAt: Date;
  source: { id: number; name: string; kind: string; region: string };
};

/** A function's configuration as discovery last saw it; NotFoundError when the id is not known. */
export async function getFunctionDetail(prisma: PrismaClient, functionId: number): Promise<FunctionDetail> {
  const fn = await prisma.lambdaFunction.findUnique({
    where: { id: functionId },
    include: { source: { select: { id: true, name: true, kind: true, region: true } } },
  });
  if (!fn) throw new NotFoundError(`No function with id ${functionId}`, 'functionId');
  return {
    id: fn.id,
    name: fn.name,
    arn: fn.arn,
    runtime: fn.runtime,
    memorySizeMB: fn.memorySizeMB,
    timeoutSeconds: fn.timeoutSeconds,
    architecture: fn.architecture,
    reservedConcurrency: fn.reservedConcurrency,
    provisionedConcurrency: fn.provisionedConcurrency,
    logFormat: fn.logFormat,
    logGroupName: fn.logGroupName,
    maxRetryAttempts: fn.maxRetryAttempts,
    onFailureDestination: fn.onFailureDestination,
    deadLetterTarget: fn.deadLetterTarget,
    deleted: fn.deletedAt !== null,
    deletedAt: fn.deletedAt,
    createdAt: fn.createdAt,
    updatedAt: fn.updatedAt,
    source: fn.source,
  };
}
