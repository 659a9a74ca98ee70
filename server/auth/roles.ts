import { z } from 'zod';

/** viewer reads; uploader also uploads and downloads rejected rows; admin also deletes and manages users. */
export const ROLES = ['viewer', 'uploader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Whether `role` includes everything `need` may do. */
export function allows(role: Role, need: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(need);
}

/** Who sent a request: a named user, the HANGUP_UPLOAD_TOKEN, or anyone on an open loopback server. */
export interface Caller {
  name: string;
  role: Role;
  via: 'open' | 'user' | 'upload-token';
}
