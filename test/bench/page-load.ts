/** Loads a dashboard page's request set the way the browser does: independent requests at once. */
import { uncached, type Page } from './cases.ts';
import { get } from './server-child.ts';
import { now } from './measure.ts';

export interface RequestTiming {
  url: string;
  ms: number;
  ok: boolean;
  error?: string;
}

/**
 * All of a page's requests: those that need /api/dimensions start when it answers, the rest at
 * once. Returns the page time (first request to last answer) and every request's own time.
 * With `bust`, every URL gets a fresh never-read parameter: the server's response cache misses.
 */
export async function loadPage(
  base: string,
  page: Page,
  bust?: () => number,
): Promise<{ ms: number; requests: RequestTiming[] }> {
  const start = now();
  const requests: RequestTiming[] = [];
  const one = async (url: string): Promise<string | null> => {
    const t = now();
    try {
      const body = await get(base, bust ? uncached(url, bust()) : url);
      requests.push({ url, ms: now() - t, ok: true });
      return body;
    } catch (err) {
      requests.push({ url, ms: now() - t, ok: false, error: (err as Error).message });
      return null;
    }
  };
  const direct = page.requests.filter((r) => !r.afterDimensions).map((r) => r.url);
  const dependent = page.requests.filter((r) => r.afterDimensions);
  const dimsUrl = direct.find((u) => u.startsWith('/api/dimensions'));
  await Promise.all(
    direct.map(async (u) => {
      const body = await one(u);
      if (u === dimsUrl && body && dependent.length) {
        const dims = JSON.parse(body);
        await Promise.all(dependent.flatMap((r) => r.afterDimensions!(dims)).map(one));
      }
    }),
  );
  return { ms: now() - start, requests };
}
