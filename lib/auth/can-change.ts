import { roleAtLeast, type Role } from './role';

/** What can be changed, and the least role that may change it. Viewers read everything and change nothing. */
export const minimumRoleToChange = {
  sources: 'editor',
  alerts: 'editor',
  members: 'admin',
  invites: 'admin',
  tokens: 'admin',
  /** Letting alert channels reach a host that is not public (SSRF rules). */
  outboundHosts: 'admin',
} as const satisfies Record<string, Role>;

export type ChangeArea = keyof typeof minimumRoleToChange;

/** Whether a role may change an area: the one table UI and lib/ both ask (the UI only to hide buttons). */
export function canChange(role: Role, area: ChangeArea): boolean {
  return roleAtLeast(role, minimumRoleToChange[area]);
}
