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
  const inputs = [
    join(src, 'src'),
    join(src, 'index.html'),
    join(ROOT, 'vite.config.ts'),
    join(ROOT, 'server', 'contract'),
  ];
  return (
    !existsSync(built) ||
    inputs.some(
      (p) => existsSync(p) && (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) > statSync(built).mtimeMs,
    )
  );
}

/** Builds the dashboard with Vite when web/dist is missing or older than its sources. */
export async function ensureWebBuild(): Promise<void> {
  if (!webBuildStale()) return;
  console.log('Building the dashboard (vite build)…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export const BUILD_COMMAND = 'npm run build';

/**
 * The page every dashboard path answers while web/dist is missing (`serve --no-build`): what is
 * wrong and the command that fixes it, in both languages, instead of a bare 404.
 */
export function buildHintPage(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hangup Insight: dashboard not built · 看板尚未构建</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2328;line-height:1.5}code{background:#f1f3f5;padding:0.1rem 0.3rem;border-radius:3px}</style>
</head><body data-build-hint>
<h1>看板尚未构建 · The dashboard is not built</h1>
<p>服务器以 <code>--no-build</code> 启动，且 <code>web/dist</code> 不存在或早于源代码。请运行 <code>${BUILD_COMMAND}</code> 后刷新本页，或去掉 <code>--no-build</code> 重新启动（<code>npm start</code> 会自动构建）。</p>
<p>The server was started with <code>--no-build</code> and <code>web/dist</code> is missing or older than its sources. Run <code>${BUILD_COMMAND}</code> and reload this page, or restart without <code>--no-build</code> (<code>npm start</code> builds it for you).</p>
<p>API: <a href="/api/health">/api/health</a></p>
</body></html>
`;
}
