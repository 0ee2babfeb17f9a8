import type { Role } from './role';

/**
 * Who is asking: a signed-in member (via 'session') or an API token (via 'token', userId null; name is
 * the token's name and email its creator's). Every page and route gets one from the guard, or none.
 */
export type Viewer = {
  userId: number | null;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: number;
};
