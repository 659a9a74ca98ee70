import { formatFor, type Format } from './format.ts';
import { translate, valueLabel, type MessageKey } from './i18n.ts';
import { url } from './url-state.svelte.ts';

/** UI text in the language of the current URL; reactive wherever it is read. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return translate(url.lang, key, vars);
}

/** Number and date formatting for the current language. */
export function fmt(): Format {
  return formatFor(url.lang);
}

/** A stored dimension value's label in the current language. */
export function label(dim: string, value: string | number | null): string {
  return valueLabel(url.lang, dim, value);
}
