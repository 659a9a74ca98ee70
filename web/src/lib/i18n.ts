import { valueLabel as sharedLabel } from '../../../server/contract/labels.ts';
import { fill } from '../../../server/contract/fill.ts';
import type { AnalysisMessageKey } from './messages/analysis.en.ts';
import type { DataMessageKey } from './messages/data.en.ts';
import { en, type MessageKey as CoreMessageKey } from './messages/en.ts';
import type { GlossaryMessageKey } from './messages/glossary.en.ts';
import type { OverviewMessageKey } from './messages/overview.en.ts';
import type { SignInMessageKey } from './messages/signin.en.ts';
import { zhCN } from './messages/zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
/** Core texts (every page) and the texts loaded with the pages that use them (analysis, data, sign-in, glossary, overview). */
export type MessageKey =
  CoreMessageKey | AnalysisMessageKey | DataMessageKey | SignInMessageKey | GlossaryMessageKey | OverviewMessageKey;

const MESSAGES: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, 'zh-CN': { ...zhCN } };

/** Adds texts that a lazily loaded page brings (messages/analysis.ts, data.ts, signin.ts, overview.ts). */
export function extendMessages(extra: Record<Lang, Partial<Record<MessageKey, string>>>): void {
  for (const lang of LANGS) Object.assign(MESSAGES[lang], extra[lang]);
}

export function parseLang(value: string | null | undefined): Lang | undefined {
  return LANGS.find((l) => l.toLowerCase() === value?.toLowerCase());
}

/** First choice from the browser: any Chinese variant gets zh-CN, everything else English. */
export function detectLang(preferred: readonly string[]): Lang {
  for (const p of preferred) {
    const tag = p.toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** The text for `key` in `lang`, with {name} placeholders filled; `{s:n}` is an English plural "s" unless n is 1. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // A key whose texts are not loaded shows as itself: visible in a test, never a crash.
  const text = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  return fill(
    text.replace(/\{s:(\w+)\}/g, (_, k: string) => (+vars[k]! === 1 ? '' : 's')),
    vars,
  );
}

/** A readable label for a stored dimension value (the shared dictionary, server/contract/labels.ts). */
export function valueLabel(lang: Lang, dim: string, value: string | number | null): string {
  return sharedLabel(lang, dim, value);
}
