import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { usersCommand } from '../../server/auth/users-cli.ts';
import { readEnv } from '../../server/env.ts';
import { openStore } from '../../server/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'hangup-users-'));
const db = join(dir, 'h.duckdb');
// The real CLI once (the dispatch in server/cli.ts); in-process for the rest (each tsx start costs seconds).
const spawned = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'server/cli.ts', 'users', ...args, '--db', db], { encoding: 'utf8' });
async function cli(...args: string[]): Promise<{ status: number; stdout: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
  try {
    const status = await usersCommand([...args, '--db', db], readEnv({}));
    return { status, stdout: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run hangup -- users', () => {
  it(
    'adds a user and prints its token once, lists, refuses bad roles and duplicates, removes',
    { timeout: 120_000 },
    async () => {
      const added = spawned('add', 'ada', '--role', 'admin');
      expect(added.status, added.stderr + added.stdout).toBe(0);
      const token = /(hgi_[0-9a-f]{12}_[A-Za-z0-9_-]{43})/.exec(added.stdout)?.[1];
      expect(token).toBeDefined();
      // The secret is the 43 base64url characters after the id; it may itself hold '_' (not a split point).
      const secret = token!.slice('hgi_'.length + 12 + 1);
      expect(secret).toHaveLength(43);
      expect((await cli('add', 'bob', '--role', 'root')).status).toBe(2);
      expect((await cli('add', 'ada', '--role', 'viewer')).status).toBe(1);
      const list = await cli('list');
      expect(list.stdout).toMatch(/^ada\s+admin\s+since /m);
      expect(list.stdout).not.toContain(secret);
      // The database file holds no token text, only the salted hash.
      expect(readFileSync(db).includes(Buffer.from(secret))).toBe(false);

      // The token works against the app bound elsewhere, and stops working once removed.
      const store = await openStore(db, { timezone: 'Asia/Shanghai', earlySeconds: 10 });
      const app = createApp({ db: store.db, settings: store.settings, access: { host: '0.0.0.0' } });
      expect((await app.request('/api/summary', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await app.request('/api/summary')).status).toBe(401);
      const audit = (await (
        await app.request('/api/audit', { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { entries: { actor: string; action: string }[] };
      expect(audit.entries.map((e) => e.action)).toEqual(['user_add']);
      expect(audit.entries[0]!.actor).toMatch(/^cli:/);
      store.db.close();
      expect((await cli('remove', 'ada')).status).toBe(0);
      expect((await cli('list')).stdout).toMatch(/no users/);
      expect((await cli('remove', 'ada')).status).toBe(1);
    },
  );
});
