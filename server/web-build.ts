import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether web/ has a dashboard whose build is missing or older than its sources. */
export function webBuildStale(): boolean {
  const src = join(ROOT, 'web');
  if (!existsSync(join(src, 'index.html'))) return false; // no dashboard in this checkout yet
  const built = join(WEB_DIST, 'index.html');
  const inputs = [join(src, 'src'), join(src, 'index.html'), join(ROOT, 'vite.config.ts'), join(ROOT, 'server', 'contract')];
  return !existsSync(built) || inputs.some((p) => existsSync(p) && (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) > statSync(built).mtimeMs);
}

/** Builds the dashboard with Vite when web/dist is missing or older than its sources. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildStale()) return;
  console.log('Building the dashboard (vite build)…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
}
