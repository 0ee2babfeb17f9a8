import { z } from 'zod';
import { emailSchema } from '@/lib/auth/account-schemas';
import { createInvite } from '@/lib/auth/create-invite';
import { listMembers } from '@/lib/auth/list-members';
import { listServerOrigins } from '@/lib/auth/list-server-origins';
import { readJsonBody } from '@/lib/http/read-json-body';
import { requireApiViewer } from '@/lib/auth/require-api-viewer';
import { roleSchema } from '@/lib/auth/role';
import { loadConfig } from '@/lib/config';
import { getWebPrisma } from '@/lib/db/get-web-prisma';
import { errorResponse } from '@/lib/http/error-response';

/** The team (admins): members with role, status and last seen, and pending invitations. */
export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    return Response.json(await listMembers(await getWebPrisma(), { actor: viewer }));
  } catch (error) {
    return errorResponse(error);
  }
}

const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

/** Invites someone (admins): `{ email, role }` → the one-time invitation link, shown only in this answer. */
export async function POST(request: Request): Promise<Response> {
  try {
    const viewer = await requireApiViewer(request, 'admin');
    const input = inviteSchema.parse(await readJsonBody(request));
    const invite = await createInvite(await getWebPrisma(), { actor: viewer, ...input });
    const [origin] = listServerOrigins(loadConfig().NEXTAUTH_URL, {
      host: request.headers.get('host'),
      forwardedHost: request.headers.get('x-forwarded-host'),
      forwardedProto: request.headers.get('x-forwarded-proto'),
      protocol: new URL(request.url).protocol,
    });
    const { token, ...rest } = invite;
    return Response.json({ invite: { ...rest, url: `${origin ?? ''}/invite/${token}` } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
