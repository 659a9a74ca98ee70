import type { Hono } from 'hono';

/** Rates and statistics equal to this (absolute, or relative above 1): float sums differ in the last bits between engines. */
export const TOLERANCE = 1e-9;

/** Every difference between two JSON values: counts and text exactly, non-integers to TOLERANCE. */
export function jsonDiff(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) < 2 ** 31) {
      if (a !== b) out.push(`${path}: ${a} != ${b}`);
    } else if (Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) out.push(`${path}: ${a} != ${b}`);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: length ${a.length} != ${b.length}`);
    else a.forEach((x, i) => jsonDiff(x, b[i], `${path}[${i}]`, out));
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort(),
      kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join(',')} != ${kb.join(',')}`);
    else for (const k of ka) jsonDiff((a as any)[k], (b as any)[k], `${path}.${k}`, out);
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  return out;
}

export async function json(app: Hono, url: string): Promise<{ status: number; body: any }> {
  const res = await app.request(url);
  return { status: res.status, body: await res.json() };
}
