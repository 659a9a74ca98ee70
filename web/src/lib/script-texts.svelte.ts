/**
 * The opening line of each script, from scripts files (/api/dimensions `scriptTexts`), set by
 * the filter bar once /api/dimensions answers; empty when no scripts file was loaded.
 */
export const scriptTexts = $state<{ byId: Record<string, string> }>({ byId: {} });

/** A script's opening line, or null when none is stored. */
export function scriptText(id: string | number | null | undefined): string | null {
  return id == null ? null : (scriptTexts.byId[String(id)] ?? null);
}
