import type { AnalysisMessageKey } from './messages/analysis.en.ts';
import { en, type MessageKey as CoreMessageKey } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
/** Core texts (every page) and analysis texts (loaded with the pages that use them). */
export type MessageKey = CoreMessageKey | AnalysisMessageKey;

const MESSAGES: Record<Lang, Partial<Record<MessageKey, string>>> = { en: { ...en }, 'zh-CN': { ...zhCN } };

/** Adds texts that a lazily loaded page brings (messages/analysis.ts). */
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

/** The text for `key` in `lang`, with {name} placeholders filled. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  // A key whose texts are not loaded shows as itself: visible in a test, never a crash.
  const text = MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

// Labels for values the dialers and the sample use; any other value is shown as stored.
const VALUE_LABELS: Record<string, Record<string, [zh: string, en: string]>> = {
  weekday: {
    1: ['周一', 'Mon'], 2: ['周二', 'Tue'], 3: ['周三', 'Wed'], 4: ['周四', 'Thu'],
    5: ['周五', 'Fri'], 6: ['周六', 'Sat'], 7: ['周日', 'Sun'],
  },
  segment: {
    white_collar: ['白领', 'White-collar'], blue_collar: ['蓝领', 'Blue-collar'],
    self_employed: ['个体经营', 'Self-employed'], retired: ['退休', 'Retired'], student: ['学生', 'Student'],
  },
  number_tag: {
    verified: ['已认证', 'Verified'], unmarked: ['未标记', 'Unmarked'],
    marked_sales: ['被标为营销', 'Marked as sales'], marked_spam: ['被标为骚扰', 'Marked as spam'],
  },
  disposition: {
    answered: ['接通', 'Answered'], no_answer: ['无人接听', 'No answer'], busy: ['占线', 'Busy'],
    rejected: ['拒接', 'Rejected'], failed: ['呼叫失败', 'Failed'],
  },
  hangup_cause: {
    NORMAL_CLEARING: ['正常挂机', 'Normal clearing'], CALL_REJECTED: ['拒接', 'Call rejected'],
    NO_ANSWER: ['无应答', 'No answer'], USER_BUSY: ['用户忙', 'User busy'],
    NETWORK_OUT_OF_ORDER: ['网络故障', 'Network out of order'], ORIGINATOR_CANCEL: ['主叫取消', 'Caller cancelled'],
  },
  campaign: {
    car_renewal: ['车险续保', 'Car renewal'], health_upsell: ['健康险加保', 'Health upsell'],
    family_protect: ['家庭保障', 'Family protection'],
  },
  status: {
    loaded: ['已导入', 'loaded'], repeated: ['重复文件', 'repeated'], failed: ['失败', 'failed'], deleted: ['已删除', 'deleted'],
    interrupted: ['已中断', 'interrupted'], // issue 11: an upload a stopped server never finished
  },
};
// Filter keys (camelCase, as in the API) name the same value sets.
const ALIASES: Record<string, string> = { numberTag: 'number_tag' };

/** A readable label for a stored dimension value, e.g. segment "retired" -> "退休". */
export function valueLabel(lang: Lang, dim: string, value: string | number | null): string {
  if (value === null) return lang === 'zh-CN' ? '（空）' : '(none)';
  const pair = VALUE_LABELS[ALIASES[dim] ?? dim]?.[String(value)];
  if (pair) return lang === 'zh-CN' ? pair[0] : pair[1];
  if (dim === 'hour') return `${String(value).padStart(2, '0')}:00`;
  if (dim === 'script') return lang === 'zh-CN' ? `话术 ${value}` : `Line ${value}`;
  return String(value);
}
