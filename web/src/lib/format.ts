// One number format for the dashboard and the weekly report (server/contract/format.ts).
import { createFormat as shared, type Format, type FormatLang } from '../../../server/contract/format.ts';
export { DASH, type Format, type FormatLang } from '../../../server/contract/format.ts';

/** On screen a value never breaks from its sign ("p < 0.001", "> 99.9%" on a phone): no-break spaces. */
export function createFormat(lang: FormatLang): Format {
  const f = shared(lang);
  for (const k of ['p', 'pIs', 'prob'] as const) {
    const g = f[k];
    f[k] = (x) => g(x).replace(/ /g, '\u00a0');
  }
  return f;
}

const byLang = new Map<FormatLang, Format>();

/** The formatter of one language, built on first use and kept (every page and the Data page share it). */
export function formatFor(lang: FormatLang): Format {
  let f = byLang.get(lang);
  if (!f) byLang.set(lang, (f = createFormat(lang)));
  return f;
}
