import type { Sample } from './types.ts';

/** The first complete JSON value in text (JSON lines, pretty-printed or concatenated objects). */
function firstJsonObject(text: string): Record<string, unknown> | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        const v = JSON.parse(text.slice(start, i + 1));
        return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** What format detection looks at: the first non-empty lines, and the first object of JSON. */
export function sampleOf(text: string, kind: 'csv' | 'json'): Sample {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  // The sample may end mid-line; a cut last line would mislead column counting.
  if (lines.length > 1 && !/\r?\n\s*$/.test(text)) lines.pop();
  return { kind, lines, firstObject: kind === 'json' ? firstJsonObject(text) : null };
}
