import type { Context, MiddlewareHandler } from 'hono';
import { errorJson } from '../routes/errors.ts';
import { allows, type Caller, type Role } from './roles.ts';
import { isLoopback, type AccessPolicy } from './policy.ts';
import { sameText } from './tokens.ts';
import type { UserDirectory } from './users.ts';

const callers = new WeakMap<Request, Caller>();
const SIGN_IN = 'sign in: send Authorization: Bearer <token>';

/** Who sent this request (set by `authenticate`; null on the few paths open to anyone, before sign-in). */
export function callerOf(c: Context): Caller | null {
  return callers.get(c.req.raw) ?? null;
}

export interface AccessState {
  /** False only on a loopback server with no users: open to anyone on this machine, as before roles. */
  required: boolean;
  /** Why nobody can sign in, when that is so. */
  closed: string | null;
}

export async function accessState(p: AccessPolicy, users: UserDirectory): Promise<AccessState> {
  const count = (await users.all()).length;
  if (isLoopback(p.host) && count === 0) return { required: false, closed: null };
  const closed =
    count === 0 && !p.token
      ? `this server listens on ${p.host} (not loopback) and has no users: add one with \`npm run hangup -- users add NAME --role admin\``
      : null;
  return { required: true, closed };
}

function bearer(c: Context): string | null {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return c.req.header('x-upload-token')?.trim() || null;
}

/** Works out the caller from `Authorization: Bearer <token>`; refuses (401) when a token is needed and missing or wrong. */
export function authenticate(
  p: AccessPolicy,
  users: UserDirectory,
  opts: { open: (path: string) => boolean },
): MiddlewareHandler {
  return async (c, next) => {
    const token = bearer(c);
    const state = await accessState(p, users);
    let caller: Caller | null = null;
    if (token) {
      const user = await users.byToken(token);
      if (user) caller = { name: user.name, role: user.role, via: 'user' };
      else if (p.token && sameText(token, p.token))
        caller = { name: 'upload token', role: 'uploader', via: 'upload-token' };
      else if (state.required) return errorJson(c, 401, 'sign_in', 'token not recognised: sign in again');
    }
    if (!caller && !state.required) caller = { name: 'local', role: 'admin', via: 'open' };
    if (!caller && !opts.open(c.req.path)) {
      return errorJson(c, 401, 'sign_in', state.closed ?? SIGN_IN);
    }
    if (caller) callers.set(c.req.raw, caller);
    await next();
  };
}

/** Refuses (403) callers whose role does not include `need`. */
export function requireRole(need: Role): MiddlewareHandler {
  return async (c, next) => {
    const caller = callers.get(c.req.raw);
    if (!caller) return errorJson(c, 401, 'sign_in', SIGN_IN);
    if (!allows(caller.role, need))
      return errorJson(c, 403, 'forbidden', `${caller.name} is a ${caller.role}; this needs the ${need} role`);
    await next();
  };
}
