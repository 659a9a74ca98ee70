/**
 * The one dictionary of stored values: segment, number tag, disposition, hang-up cause,
 * campaign, file format and ingest status names in zh-CN and English. The dashboard
 * (web/src/lib/i18n.ts) and the weekly report (HTML, PDF, XLSX, CSV) both label values here,
 * so a Chinese reader never meets "blue_collar". Pure data and functions.
 */

/** 'zh-CN' (dashboard) and 'zh' (report) name the same language. */
export type LabelLang = 'zh-CN' | 'zh' | 'en';
const isZh = (lang: LabelLang) => lang !== 'en';

// Labels for values the dialers and the sample use; any other value is shown as stored.
export const VALUE_LABELS: Record<string, Record<string, [zh: string, en: string]>> = {
  weekday: {
    1: ['周一', 'Mon'],
    2: ['周二', 'Tue'],
    3: ['周三', 'Wed'],
    4: ['周四', 'Thu'],
    5: ['周五', 'Fri'],
    6: ['周六', 'Sat'],
    7: ['周日', 'Sun'],
  },
  segment: {
    white_collar: ['白领', 'White-collar'],
    blue_collar: ['蓝领', 'Blue-collar'],
    self_employed: ['个体经营', 'Self-employed'],
    retired: ['退休', 'Retired'],
    student: ['学生', 'Student'],
  },
  number_tag: {
    verified: ['已认证', 'Verified'],
    unmarked: ['未标记', 'Unmarked'],
    marked_sales: ['被标为营销', 'Marked as sales'],
    marked_spam: ['被标为骚扰', 'Marked as spam'],
  },
  disposition: {
    answered: ['接通', 'Answered'],
    no_answer: ['无人接听', 'No answer'],
    busy: ['占线', 'Busy'],
    rejected: ['拒接', 'Rejected'],
    failed: ['呼叫失败', 'Failed'],
  },
  hangup_cause: {
    NORMAL_CLEARING: ['正常挂机', 'Normal clearing'],
    CALL_REJECTED: ['拒接', 'Call rejected'],
    NO_ANSWER: ['无应答', 'No answer'],
    USER_BUSY: ['用户忙', 'User busy'],
    NETWORK_OUT_OF_ORDER: ['网络故障', 'Network out of order'],
    ORIGINATOR_CANCEL: ['主叫取消', 'Caller cancelled'],
    NO_USER_RESPONSE: ['用户无响应', 'No user response'],
    UNALLOCATED_NUMBER: ['空号', 'Unallocated number'],
  },
  campaign: {
    car_renewal: ['车险续保', 'Car renewal'],
    health_upsell: ['健康险加保', 'Health upsell'],
    family_protect: ['家庭保障', 'Family protection'],
  },
  status: {
    loaded: ['已导入', 'loaded'],
    repeated: ['重复文件', 'repeated'],
    failed: ['失败', 'failed'],
    deleted: ['已删除', 'deleted'],
    interrupted: ['已中断', 'interrupted'], // an upload a stopped server never finished
  },
  answered_by: { human: ['真人', 'Human'], machine: ['机器 / 语音信箱', 'Machine / voicemail'] },
  hangup_by: { callee: ['客户', 'Callee'], agent: ['坐席', 'Agent'], system: ['系统', 'System'] },
  format: {
    canonical: ['标准话单', 'Canonical CDR'],
    // Canonical files ingested before they were logged as "canonical" carry their container, e.g. "csv".
    csv: ['标准话单（CSV）', 'Canonical CDR (CSV)'],
    json: ['标准话单（JSON）', 'Canonical CDR (JSON)'],
    parquet: ['标准话单（Parquet）', 'Canonical CDR (Parquet)'],
    asterisk_cdr_csv: ['Asterisk CDR（CSV）', 'Asterisk CDR (CSV)'],
    asterisk_cdr_custom: ['Asterisk CDR（自定义）', 'Asterisk CDR (custom)'],
    asterisk_db: ['Asterisk CDR（数据库导出）', 'Asterisk CDR (database)'],
    freeswitch_cdr_csv: ['FreeSWITCH CDR（CSV）', 'FreeSWITCH CDR (CSV)'],
    twilio_calls: ['Twilio 通话记录', 'Twilio calls'],
    twilio_insights: ['Twilio Voice Insights', 'Twilio Voice Insights'],
    vicidial: ['VICIdial 通话记录', 'VICIdial call log'],
    connect_ctr: ['Amazon Connect 联系记录', 'Amazon Connect contact records'],
    cn_export: ['国内外呼系统导出', 'Chinese dialer export'],
    dim_scripts: ['开场白维表', 'Scripts table'],
    dim_caller_numbers: ['外显号码维表', 'Caller numbers table'],
    dim_customers: ['客户维表', 'Customers table'],
  },
};
// Filter keys (camelCase, as in the API) name the same value sets.
const ALIASES: Record<string, string> = { numberTag: 'number_tag', hangupCause: 'hangup_cause', ageBand: 'age_band' };

/** Every stored code the dictionary knows, for tests that no raw code leaks into a text. */
export const LABELLED_CODES: Record<string, string[]> = Object.fromEntries(
  Object.entries(VALUE_LABELS).map(([dim, labels]) => [dim, Object.keys(labels)]),
);

/** A readable label for a stored dimension value, e.g. segment "retired" -> "退休". */
export function valueLabel(lang: LabelLang, dim: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return isZh(lang) ? '（空）' : '(none)';
  const pair = VALUE_LABELS[ALIASES[dim] ?? dim]?.[String(value)];
  if (pair) return isZh(lang) ? pair[0] : pair[1];
  if (dim === 'hour') return `${String(value).padStart(2, '0')}:00`;
  if (dim === 'script') return isZh(lang) ? `话术 ${value}` : `Line ${value}`;
  return String(value);
}

const HAN = /\p{Script=Han}/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Swaps stored values for their labels inside a sentence written with raw codes. A Chinese
 * label needs no spaces next to Chinese text: "拨打 blue_collar 客群" -> "拨打蓝领客群".
 */
export function relabel(text: string, values: readonly { raw: string | null | undefined; label: string }[]): string {
  for (const v of values) {
    if (!v.raw || v.raw === v.label) continue;
    const cjk = HAN.test(v.label);
    const re = new RegExp(`(\\p{Script=Han}?)(\\s?)${escapeRegExp(v.raw)}(\\s?)(?=(\\p{Script=Han}?))`, 'gu');
    text = text.replace(
      re,
      (_m, before: string, sp1: string, sp2: string, after: string) =>
        `${before}${before && cjk ? '' : sp1}${v.label}${after && cjk ? '' : sp2}`,
    );
  }
  return text;
}
