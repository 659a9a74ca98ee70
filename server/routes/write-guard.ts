import type { AccessState } from '../auth/access.ts';
import type { AccessPolicy } from '../auth/policy.ts';
import { allows, type Caller } from '../auth/roles.ts';

export { isLoopback } from '../auth/policy.ts';
export { requireRole } from '../auth/access.ts';

/** Where the server listens and the upload token (read in env.ts only); see auth/policy.ts. */
export type WritePolicy = AccessPolicy;

export interface WriteStatus {
  uploadsEnabled: boolean;
  deletesEnabled: boolean;
  /** The page must ask for a token before it can write (nobody signed in on a server that needs one). */
  tokenRequired: boolean;
  reason: string | null;
  /** Who the server took the request for, and with which role. */
  user: string | null;
  role: Caller['role'] | null;
}

/** What GET /api/ingest/status tells the /data page: what this caller may write, and why not. */
export function writeStatus(caller: Caller | null, state: AccessState): WriteStatus {
  if (!caller) {
    return {
      uploadsEnabled: false,
      deletesEnabled: false,
      tokenRequired: true,
      user: null,
      role: null,
      reason: `uploads and deletions are off: ${state.closed ?? 'sign in with a token of the uploader or admin role'}`,
    };
  }
  const uploads = allows(caller.role, 'uploader');
  return {
    uploadsEnabled: uploads,
    deletesEnabled: allows(caller.role, 'admin'),
    tokenRequired: false,
    user: caller.via === 'open' ? null : caller.name,
    role: caller.role,
    reason: uploads
      ? null
      : `uploads and deletions are off: ${caller.name} is a ${caller.role} (uploads need the uploader role, deletions the admin role)`,
  };
}
