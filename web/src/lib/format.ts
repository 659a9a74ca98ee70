// One number format for the dashboard and the weekly report (server/contract/format.ts).
import { createFormat, type Format, type FormatLang } from '../../../server/contract/format.ts';
export { createFormat, DASH, type Format, type FormatLang } from '../../../server/contract/format.ts';

const byLang = new Map<FormatLang, Format>();

/** The formatter of one language, built on first use and kept (every page and the Data page share it). */
export function formatFor(lang: FormatLang): Format {
  let f = byLang.get(lang);
  if (!f) byLang.set(lang, (f = createFormat(lang)));
  return f;
}
