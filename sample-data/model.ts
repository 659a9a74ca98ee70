/**
 * The planted effects of the sample generator, on the log-odds of an early hang-up among
 * answered human calls (and on answer/rejection for number tags). sample-data/README.md lists
 * them with the rates they produce; tests read the same constants.
 */
export const BASE_LOGIT = -1.05; // ≈ 26% early hang-up for a neutral call

export const SEGMENTS = [
  { key: 'white_collar', share: 0.35, ages: [0.12, 0.38, 0.3, 0.15, 0.05, 0] },
  { key: 'blue_collar', share: 0.25, ages: [0.15, 0.3, 0.25, 0.2, 0.1, 0] },
  { key: 'self_employed', share: 0.15, ages: [0.05, 0.25, 0.35, 0.25, 0.1, 0] },
  { key: 'retired', share: 0.15, ages: [0, 0, 0, 0.05, 0.45, 0.5] },
  { key: 'student', share: 0.1, ages: [0.9, 0.1, 0, 0, 0, 0] },
] as const;

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const AGE_EFFECT = [0.35, 0.15, 0, -0.1, -0.2, -0.3];

/** White-collar callees hang up more at work (9-11, 14-17) and less in the evening (19-21). */
export function segmentHourEffect(segment: string, hour: number): number {
  const work = (hour >= 9 && hour <= 11) || (hour >= 14 && hour <= 17);
  const evening = hour >= 19 && hour <= 21;
  switch (segment) {
    case 'white_collar':
      return work ? 0.65 : evening ? -0.75 : 0;
    case 'blue_collar':
      return hour <= 11 ? 0.3 : hour >= 18 && hour <= 20 ? -0.3 : 0;
    case 'retired':
      return evening ? 0.4 : hour <= 11 ? -0.3 : 0;
    case 'student':
      return hour <= 11 ? 0.2 : 0;
    default:
      return 0;
  }
}

export const NUMBER_TAGS = {
  verified: { answer: 0.62, reject: 0.05, hangup: -0.25 },
  unmarked: { answer: 0.5, reject: 0.08, hangup: 0 },
  marked_sales: { answer: 0.36, reject: 0.16, hangup: 0.3 },
  marked_spam: { answer: 0.28, reject: 0.24, hangup: 0.45 },
} as const;
export type NumberTag = keyof typeof NUMBER_TAGS;

/** Caller numbers 00-39: 10 verified, 18 unmarked, 4 marked_sales, 8 marked_spam. */
export function numberTagOf(i: number): NumberTag {
  return i < 10 ? 'verified' : i < 28 ? 'unmarked' : i < 32 ? 'marked_sales' : 'marked_spam';
}
/** One unmarked number gets burned in the last 7 days of the sample: its answer rate halves. */
export const BURNED_NUMBER = 20;

/** Each earlier dial to the same callee within 30 days adds this much (capped at 8 dials). */
export const FREQUENCY_EFFECT = 0.22;

/** Opening lines: B is truly better; C is slightly better but dialled mostly at bad hours. */
export const SCRIPTS = {
  A: { effect: 0, text: '您好，我是安心保险的客户经理小王，耽误您一分钟介绍一下我们的新产品。' },
  B: { effect: -0.35, text: '王先生您好，您去年的车险下周到期，我帮您查了一下续保可以省 300 元，您看方便听一下吗？' },
  C: { effect: -0.15, text: '您好，想请问您最近有没有考虑过给家人加一份保障？' },
  D: { effect: 0, text: '您好，这里是安心保险，今天给老客户准备了一份回馈礼品。' },
} as const;
export type ScriptId = keyof typeof SCRIPTS;

export const AGENT_COUNT = 40;
/** Three agents are much worse; 'a41' is a new hire with exactly 5 calls. */
export const BAD_AGENTS = new Set(['a07', 'a19', 'a33']);
export const BAD_AGENT_EFFECT = 0.8;
export const NEW_AGENT = 'a41';

export const CAMPAIGNS = ['car_renewal', 'health_upsell', 'family_protect'] as const;
