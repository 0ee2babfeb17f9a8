import type { AuditActor } from '../auth/record-audit-event';
import { recordAuditEvent } from '../auth/record-audit-event';
import { requireChange } from '../auth/require-change';
import type { Viewer } from '../auth/viewer';
import type { PrismaClient } from '../db/create-prisma-client';
import { AppError } from '../errors';
import type { SourceInput } from './source-input-schema';
import { testSourceConnection } from './test-source-connection';

export type CreatedSource = { id: number; name: string; kind: string; region: string; endpoint: string | null; functionsVisible: boolean };

/**
 * Tests a source's connection (one ListFunctions call, with an error naming what is missing) and
 * stores it; the worker then ingests it. With an actor (the web and API), editors and admins only,
 * and the change is audited; the CLI, run by whoever runs the server, passes none.
 */
export async function createSource(prisma: PrismaClient, input: SourceInput, actor?: AuditActor & Pick<Viewer, 'role'>): Promise<CreatedSource> {
  if (actor) requireChange(actor, 'sources');
  const source = {
    name: input.name,
    kind: input.kind,
    region: input.region,
    endpoint: input.endpoint ?? null,
    profile: input.kind === 'aws' ? (input.profile ?? null) : null,
    roleArn: input.kind === 'aws' ? (input.roleArn ?? null) : null,
  };
  if (await prisma.source.findUnique({ where: { name: source.name }, select: { id: true } })) {
    throw new AppError('conflict', `name: a source named '${source.name}' exists already`, 'name');
  }
  const { functionsVisible } = await testSourceConnection(source);
  try {
    const stored = await prisma.$transaction(async (tx) => {
      const created = await tx.source.create({ data: source });
      if (actor) {
        await recordAuditEvent(tx, {
          actor,
          action: 'source.create',
          targetType: 'source',
          targetId: created.id,
          details: { name: created.name, kind: created.kind, region: created.region, endpoint: created.endpoint, profile: created.profile, roleArn: created.roleArn },
        });
      }
      return created;
    });
    return { id: stored.id, name: stored.name, kind: stored.kind, region: stored.region, endpoint: stored.endpoint, functionsVisible };
  } catch (error) {
    // Two adds of one name at once: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new AppError('conflict', `name: a source named '${source.name}' exists already`, 'name');
    throw error;
  }
}
