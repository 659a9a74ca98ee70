import { label } from './locale.svelte.ts';
import { withExcerpt } from './script-text.ts';

/**
 * The opening line of each script, from scripts files (/api/dimensions `scriptTexts`), set by
 * the filter bar once /api/dimensions answers; empty when no scripts file was loaded.
 */
export const scriptTexts = $state<{ byId: Record<string, string> }>({ byId: {} });

/** A script's opening line, or null when none is stored. */
export function scriptText(id: string | number | null | undefined): string | null {
  return id == null ? null : (scriptTexts.byId[String(id)] ?? null);
}

/** A menu option naming a script: "Line A — 您好，我是…", or "Line A" when no text is stored. */
export const scriptOption = (id: string): string => withExcerpt(label('script', id), scriptText(id));
