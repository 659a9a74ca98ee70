import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import type { Role } from './roles.ts';
import { hashSecret, newToken, sameText, splitToken } from './tokens.ts';

export interface UserRow {
  name: string;
  role: Role;
  tokenId: string;
  salt: string;
  tokenHash: string;
  createdAt: string;
}

export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * The users table, read at most every `ttlMs` (every API request asks who is calling; the table
 * holds a handful of rows and changes rarely).
 */
export class UserDirectory {
  private cache: { at: number; rows: Promise<UserRow[]> } | null = null;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 2000,
  ) {}

  all(): Promise<UserRow[]> {
    if (!this.cache || Date.now() - this.cache.at > this.ttlMs) {
      const rows = this.db.query<UserRow>(sqlText('users_all'));
      rows.catch(() => (this.cache = null));
      this.cache = { at: Date.now(), rows };
    }
    return this.cache.rows;
  }

  /** The user a bearer token belongs to, or null. */
  async byToken(token: string): Promise<UserRow | null> {
    const parts = splitToken(token);
    if (!parts) return null;
    const row = (await this.all()).find((u) => u.tokenId === parts.tokenId);
    return row && sameText(hashSecret(parts.secret, row.salt), row.tokenHash) ? row : null;
  }

  /** Adds a user; the token is returned once and never stored. */
  async add(name: string, role: Role): Promise<{ name: string; role: Role; token: string }> {
    if (!USER_NAME.test(name))
      throw new UserError(
        `user name "${name.slice(0, 80)}" must be 1-64 letters, digits or . _ @ -, starting with a letter or digit`,
      );
    if ((await this.all()).some((u) => u.name === name))
      throw new UserError(`user "${name}" exists already; remove it first to issue a new token`);
    const t = newToken();
    await write(this.db, 'users_add', { name, role, token_id: t.tokenId, salt: t.salt, token_hash: t.tokenHash });
    this.cache = null;
    return { name, role, token: t.token };
  }

  async remove(name: string): Promise<boolean> {
    if (!(await this.all()).some((u) => u.name === name)) return false;
    await write(this.db, 'users_remove', { name });
    this.cache = null;
    return true;
  }
}

export class UserError extends Error {}

/** Writes go through the database's write queue: the write connection must never join an ingest's transaction. */
async function write(db: Database, query: string, params: Record<string, string>): Promise<void> {
  await db.write((con) => con.run(sqlText(query), params));
}
