import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { ApiError } from '../routes/errors.ts';
import { BadRequest } from '../routes/query-input.ts';
import { accessState, callerOf, requireRole } from './access.ts';
import { recentAudit, recordAudit } from './audit.ts';
import type { AccessPolicy } from './policy.ts';
import { RoleSchema } from './roles.ts';
import { UserError, type UserDirectory } from './users.ts';

const NewUser = z.object({ name: z.string().trim().min(1).max(64), role: RoleSchema }).strict();

/**
 * GET /session (open: the dashboard asks whether it must sign in, and who it is), the audit log
 * (every reader), and user management (admin; the CLI does the same when the server is stopped).
 */
export function authRoutes(db: Database, policy: AccessPolicy, users: UserDirectory) {
  return new Hono()
    .get('/session', async (c) => {
      const state = await accessState(policy, users);
      const caller = callerOf(c);
      return c.json({
        authRequired: state.required,
        closed: state.closed,
        user: caller && caller.via !== 'open' ? caller.name : null,
        role: caller?.role ?? null,
      });
    })
    .get('/audit', requireRole('viewer'), async (c) => c.json({ entries: await recentAudit(db, 200) }))
    .get('/users', requireRole('admin'), async (c) =>
      c.json({ users: (await users.all()).map(({ name, role, createdAt }) => ({ name, role, createdAt })) }),
    )
    .post('/users', requireRole('admin'), async (c) => {
      const body = NewUser.safeParse(await c.req.json().catch(() => null));
      if (!body.success)
        throw new BadRequest(
          body.error.issues.map((i) => ({ param: i.path.join('.') || '(body)', message: i.message })),
        );
      const caller = callerOf(c)!;
      try {
        const made = await users.add(body.data.name, body.data.role);
        await recordAudit(db, {
          actor: caller.name,
          role: caller.role,
          action: 'user_add',
          target: `${made.name} (${made.role})`,
          outcome: 'added',
        });
        return c.json(made, 201);
      } catch (err) {
        if (err instanceof UserError) throw new ApiError(409, 'conflict', err.message);
        throw err;
      }
    })
    .delete('/users/:name', requireRole('admin'), async (c) => {
      const name = c.req.param('name');
      const caller = callerOf(c)!;
      if (!(await users.remove(name))) throw new ApiError(404, 'not_found', `no user "${name.slice(0, 64)}"`);
      await recordAudit(db, {
        actor: caller.name,
        role: caller.role,
        action: 'user_remove',
        target: name,
        outcome: 'removed',
      });
      return c.json({ removed: name });
    });
}
