import { userInfo } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Env } from '../env.ts';
import { openStore } from '../store.ts';
import { recordAudit } from './audit.ts';
import { ROLES, RoleSchema } from './roles.ts';
import { UserDirectory, UserError } from './users.ts';

export const USERS_USAGE = `  users   add NAME --role viewer|uploader|admin   (prints the token once; only its salted hash is kept)
          list | remove NAME   [--db PATH]   (stop the server first: the database file allows one process)`;

/** `npm run hangup -- users add|list|remove`: returns the exit code. */
export async function usersCommand(args: string[], env: Env): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, role: { type: 'string' } },
  });
  const [action, name] = positionals;
  const dbPath = values.db ?? env.HANGUP_DB;
  if (!action || !['add', 'list', 'remove'].includes(action)) {
    console.error(`usage:\n${USERS_USAGE}`);
    return 2;
  }
  if (action !== 'list' && !name) {
    console.error(`users ${action} needs a NAME`);
    return 2;
  }
  const role = action === 'add' ? RoleSchema.safeParse(values.role) : null;
  if (role && !role.success) {
    console.error(`--role must be one of ${ROLES.join(', ')}`);
    return 2;
  }
  if (action !== 'add' && !existsSync(resolve(dbPath))) {
    console.error(`no database at ${dbPath}`);
    return 2;
  }
  const store = await openStore(dbPath, { timezone: env.HANGUP_TIMEZONE, earlySeconds: env.HANGUP_EARLY_SECONDS });
  const users = new UserDirectory(store.db, 0);
  const actor = `cli:${userInfo().username}`;
  try {
    if (action === 'list') {
      const rows = await users.all();
      if (!rows.length)
        console.log(
          'no users (bound to loopback, the server is open to this machine; elsewhere every /api route needs a token)',
        );
      for (const u of rows) console.log(`${u.name.padEnd(24)} ${u.role.padEnd(9)} since ${u.createdAt}`);
      return 0;
    }
    if (action === 'remove') {
      if (!(await users.remove(name!))) {
        console.error(`no user "${name}"`);
        return 1;
      }
      await recordAudit(store.db, { actor, action: 'user_remove', target: name, outcome: 'removed' });
      console.log(`removed ${name}: its token no longer works`);
      return 0;
    }
    const made = await users.add(name!, role!.data!);
    await recordAudit(store.db, { actor, action: 'user_add', target: `${made.name} (${made.role})`, outcome: 'added' });
    console.log(
      `added ${made.name} (${made.role}). Token, shown this once (only a salted hash is stored):\n\n  ${made.token}\n`,
    );
    console.log('Send it as "Authorization: Bearer <token>", or paste it into the dashboard\'s sign-in page.');
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    store.db.close();
  }
}
