import { describe, expect, it } from 'vitest';
// The data page registers these texts with its chunk (messages/data.ts); so does this test.
import '../../web/src/lib/messages/data.ts';
import { INGEST_MESSAGE_CODES, type MessagePart } from '../../server/contract/ingests.ts';
import { DATE_ORDERS_EN, INGEST_MESSAGES_EN, OFFSET_SOURCES_EN } from '../../server/contract/ingest-messages.en.ts';
import { renderIngestMessage } from '../../server/contract/ingest-message-text.ts';
import { dataEn } from '../../web/src/lib/messages/data.en.ts';
import { dataZhCN } from '../../web/src/lib/messages/data.zh-CN.ts';
import { ingestColumns } from '../../web/src/lib/ingest-columns.ts';
import { translate, type MessageKey } from '../../web/src/lib/i18n.ts';
import { ingestMessage, when } from '../../web/src/lib/upload.ts';
import type { IngestRow } from '../../web/src/lib/upload-types.ts';
import { unknownFormat } from '../../server/ingest/formats/explain.ts';
import { sampleOf } from '../../server/ingest/formats/sample.ts';
import { publicParts } from '../../server/ingest/public-message.ts';

const p = (code: MessagePart['code'], args: MessagePart['args'] = {}): MessagePart => ({ code, args });

/** Arguments for every code: each {placeholder} of its English text gets a value. */
const ARGS: Record<string, string | number> = {
  id: 12,
  file: 'a.csv',
  at: '2026-03-02 10:00:00+0800',
  what: 'offsets',
  offset: '+08:00',
  agree: 6,
  evidence: 6,
  given: 'UTC',
  zone: 'Asia/Shanghai',
  near: 'canonical (missing disposition)',
  header: 'a, b (2 columns)',
  format: 'nope',
  byte: '0xa5',
  line: 41,
  size: 100,
  error: 'Invalid Input Error: No magic bytes',
  bytes: 64,
  kb: 64,
  n: 3,
  max: 2000,
  mb: 17,
  day: '13/02/2026',
  month: '02/13/2026',
  example: '01/02/2026',
  order: 'day-first',
  columns: 'disposition',
  stored: 5,
  reasons: 'no number (2)',
  matched: 3,
  reason: 'not a regular file',
  deleted: 4,
  kept: 1,
  files: '#3 b.csv (1)',
};

describe('ingest messages in the reader language', () => {
  it('every code has an English and a Chinese text, and both fill every placeholder', () => {
    for (const code of INGEST_MESSAGE_CODES) {
      const key = `ingest.msg.${code}` as keyof typeof dataEn;
      expect(dataEn[key], code).toBeTruthy();
      expect(dataZhCN[key], code).toBeTruthy();
      expect(dataZhCN[key], code).not.toBe(dataEn[key]);
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = ingestMessage(lang, 'ENGLISH', [p(code, ARGS)]);
        expect(text, `${lang} ${code}`).not.toBe('ENGLISH');
        expect(text, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('every code has one English template (the server one) and a zh-CN one with the same placeholders', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const en: Record<string, string> = {
      ...INGEST_MESSAGES_EN,
      ...Object.fromEntries(Object.entries(OFFSET_SOURCES_EN).map(([k, v]) => [`what.${k}`, v])),
      ...Object.fromEntries(Object.entries(DATE_ORDERS_EN).map(([k, v]) => [`order.${k}`, v])),
    };
    const names = [
      ...INGEST_MESSAGE_CODES,
      ...Object.keys(OFFSET_SOURCES_EN).map((k) => `what.${k}`),
      ...Object.keys(DATE_ORDERS_EN).map((k) => `order.${k}`),
    ];
    expect(Object.keys(en).sort()).toEqual([...names].sort());
    for (const name of names) {
      const key = `ingest.msg.${name}` as keyof typeof dataEn;
      // The dashboard's English is the server's template itself, not a copy of it.
      expect(dataEn[key], name).toBe(en[name]);
      expect(dataZhCN[key], name).toBeTruthy();
      expect(placeholders(dataZhCN[key]), name).toEqual(placeholders(en[name]!));
    }
    expect(placeholders(en.tz_inferred!)).toEqual(['agree', 'evidence', 'offset', 'what']);
  });

  it('renders each example in zh-CN and English, the timezone source translated too', () => {
    const repeated = [p('repeated', { id: 12, file: 'a.csv', at: '2026-03-02 10:00:00+0800' })];
    // The moment as every other time on the page (when(): the reader's timezone).
    expect(ingestMessage('en', 'x', repeated)).toBe(
      `already ingested as #12 (a.csv, ${when('en', '2026-03-02T02:00:00Z')}); nothing added`,
    );
    expect(ingestMessage('zh-CN', 'x', repeated)).toBe(
      `已作为 #12 导入过（a.csv，${when('zh-CN', '2026-03-02T02:00:00Z')}），未新增任何数据`,
    );
    const tz = [p('tz_inferred', { what: 'offsets', offset: '+08:00', agree: 6, evidence: 6 })];
    expect(ingestMessage('en', 'x', tz)).toBe(
      'times read as UTC+08:00: the offsets written in started_at say +08:00 (6 of 6 rows)',
    );
    expect(ingestMessage('zh-CN', 'x', tz)).toBe(
      '时间按 UTC+08:00 读取：started_at 中写明的偏移显示为 +08:00（6 行中 6 行）',
    );
    const enc = [p('bad_encoding', { byte: '0xa5', offset: 11777, line: 41 })];
    expect(ingestMessage('en', 'x', enc)).toBe(
      'not UTF-8 or GB18030/GBK text: invalid byte 0xa5 at offset 11777 (line 41); re-export as UTF-8',
    );
    expect(ingestMessage('zh-CN', 'x', enc)).toBe(
      '不是 UTF-8 或 GB18030/GBK 文本：偏移 11777（第 41 行）处的字节 0xa5 无效；请重新导出为 UTF-8',
    );
    // DuckDB's own words stay as they are inside the translated frame.
    const failed = [p('could_not_read', { error: 'Invalid Input Error: No magic bytes found' })];
    expect(ingestMessage('zh-CN', 'x', failed)).toBe('无法读取：Invalid Input Error: No magic bytes found');
    const dim = [p('dim_customers', { stored: 2 }), p('dim_refused', { reasons: 'no customer id (1)' })];
    expect(ingestMessage('zh-CN', 'x', dim)).toBe(
      '2 行客户：客户分群与年龄段已重新应用到其通话；其他列作为细分属性；被拒绝的行：no customer id (1)。',
    );
    expect(ingestMessage('en', 'x', dim)).toBe(
      '2 customers rows: customer segments and age bands re-applied to their calls; other columns are breakdown attributes. Refused rows: no customer id (1).',
    );
    // The page's English is the server's message, joins included.
    expect(ingestMessage('en', 'x', dim)).toBe(renderIngestMessage(dim));
    // Refused rows counted by reason read in Chinese too (the rejects file keeps the English reason).
    const refused = [
      p('dim_caller_numbers', { stored: 3 }),
      p('dim_refused_key', { n: 2 }),
      p('dim_refused_date', { n: 1, example: '9999-99-99' }),
    ];
    expect(ingestMessage('zh-CN', 'x', refused)).toBe(
      '3 行主叫号码：号码标签已按生效日期重新应用到历史通话；2 行被拒绝：键列缺失或为空。1 行被拒绝：from_date 不是日期（例如“9999-99-99”，只显示形态：9 = 数字，a = 字母）。',
    );
  });

  it('a file of no known format reads wholly in Chinese, the advice naming the page Format list', () => {
    // As GET /api/ingests sends it: through the public fence, which caps each text argument.
    const parts = publicParts([
      unknownFormat(sampleOf('a,retired,55-64\n1,yes,3\n', 'csv'), ['a', 'retired', '55-64'], 'x.csv'),
    ])!;
    const english = renderIngestMessage(parts);
    expect(english).toContain('canonical (missing call_id; started_at; disposition; ended_at or talk_seconds)');
    expect(english).toContain('npm run hangup -- mapping x.csv'); // the CLI keeps its advice
    const zh = ingestMessage('zh-CN', english, parts);
    expect(zh).toContain('标准话单（缺少 call_id、started_at、disposition、ended_at 或 talk_seconds）');
    expect(zh).toContain('表头：a, retired, 55-64（共 3 列）');
    expect(zh).toContain('“格式”');
    // No fixed English words left: only the file's column names and the formats' column names.
    const rest = zh.replace(
      /YAML|JSON|Asterisk CDR|Twilio|call_id|started_at|disposition|ended_at|talk_seconds|calldate|start|billsec|Call Sid|Sid|Status|From|To|retired|55-64/g,
      '',
    );
    expect(rest).not.toMatch(/[A-Za-z]{3,}/);
    expect(zh).not.toMatch(/npm|--format|--mapping/);
    const en = ingestMessage('en', english, parts);
    expect(en).toContain('choose it under Format above');
    expect(en).not.toMatch(/npm|--format|--mapping/);
    // Rows stored before the keyed parts: their English near and header read back, so they read the same.
    const { near1, near2, near3, headerShown, headerRest, headerTotal, ...before } = parts[0]!.args;
    void [near1, near2, near3, headerShown, headerRest, headerTotal];
    expect(ingestMessage('zh-CN', english, [p('unknown_format', before)])).toBe(zh);
    const positional = [
      p('unknown_format', {
        near: 'asterisk_cdr_custom (missing 19 fields without a header; a start time in field 9), cn_export (missing two Chinese header words (主叫号码, 被叫号码, 呼叫时间, 通话时长, ...))',
        header: 'a, b, … (+3 columns) (5 columns)',
        file: 'x.csv',
      }),
    ];
    expect(ingestMessage('zh-CN', 'x', positional)).toBe(
      '无法识别的格式：最接近的是 Asterisk CDR（自定义）（缺少 无表头且有 19 个字段、第 9 个字段为开始时间）；国内外呼系统导出（缺少 表头含两个中文列名（主叫号码、被叫号码、呼叫时间、通话时长等））。表头：a, b，…（另有 3 列）（共 5 列）。如果它属于列出的某种格式，请在上方“格式”中选择后重新上传；否则请为它编写映射文件（YAML 或 JSON），在上方“更多选项”中选择后重新上传',
    );
    // What does not read back stays as the server wrote it.
    const odd = [p('unknown_format', { near: 'something else', header: 'a', file: 'x.csv' })];
    expect(ingestMessage('zh-CN', 'x', odd)).toContain('最接近的是 something else。表头：a。');
  });

  it('on the page, advice names no CLI flag; each web text has a Chinese twin with the same placeholders', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const flags = /--[a-z]|npm run/;
    for (const code of INGEST_MESSAGE_CODES) {
      for (const lang of ['en', 'zh-CN'] as const)
        expect(ingestMessage(lang, 'x', [p(code, ARGS)]), `${lang} ${code}`).not.toMatch(flags);
    }
    const web = Object.keys(dataEn).filter((k) => k.startsWith('ingest.web.'));
    expect(web.length).toBeGreaterThan(0);
    for (const key of web as (keyof typeof dataEn)[]) {
      const code = key.slice('ingest.web.'.length) as keyof typeof INGEST_MESSAGES_EN;
      // The page's wording of a server message fills its placeholders from the server's args (it
      // may leave some out: {file} only fed the CLI's advice); both languages the same ones.
      expect(INGEST_MESSAGES_EN[code], code).toBeTruthy();
      const server = placeholders(INGEST_MESSAGES_EN[code]);
      expect(server, code).toEqual(expect.arrayContaining(placeholders(dataEn[key])));
      expect(placeholders(dataZhCN[key]), code).toEqual(placeholders(dataEn[key]));
    }
  });

  it('a headerless first line stored with its values (rows from before the server shaped them) shows only their shapes, in both languages', () => {
    const old = [
      p('unknown_format_no_header', {
        near: 'canonical (missing call_id)',
        header: '1/9/2017 16:33:01, "Test User" <105>, Phạm Thành Nam (3 columns)',
        file: 'x.csv',
      }),
    ];
    const shape = '9/9/9999 99:99:99, "a a" <999>, a a a';
    const en = ingestMessage('en', 'x', old);
    const zh = ingestMessage('zh-CN', 'x', old);
    expect(en).toContain(`${shape} (3 columns)`);
    expect(zh).toContain(`${shape}（共 3 列）`);
    for (const text of [en, zh]) expect(text).not.toMatch(/Test User|2017|Phạm/);
    // A header (a file that has one) is quoted as written.
    const named = [
      p('unknown_format', {
        near: 'canonical (missing call_id)',
        header: 'caller, Agent Name (2 columns)',
        file: 'x.csv',
      }),
    ];
    expect(ingestMessage('en', 'x', named)).toContain('caller, Agent Name (2 columns)');
  });

  it("where the page can do what the advice asks (More options: a mapping file, the source timezone), it says so instead of sending the reader to the server's admin", () => {
    const advice = ['unknown_format', 'unknown_format_no_header', 'tz_not_whole_hour', 'tz_rows_disagree'] as const;
    const dates = ['dates_order_conflict', 'dates_order_ambiguous', 'dates_order_contradicts'] as const;
    for (const code of [...advice, ...dates]) {
      const zh = ingestMessage('zh-CN', 'x', [p(code, ARGS)]);
      const en = ingestMessage('en', 'x', [p(code, ARGS)]);
      expect(zh, code).toContain('“更多选项”');
      expect(en, code).toContain('More options');
      expect(zh, code).not.toMatch(/管理员/);
      expect(en, code).not.toMatch(/whoever runs the server|admin/);
    }
    // Dates that prove both orders: no one order reads them, a pattern in a mapping file can (rows of the other order rejected).
    for (const lang of ['zh-CN', 'en'] as const)
      expect(ingestMessage(lang, 'x', [p('dates_order_conflict', ARGS)])).toContain('dateFormat: "%d/%m/%Y %H:%M:%S"');
    // Dates that fit both ways: the page's own Date order choice, named as the control names it.
    expect(ingestMessage('en', 'x', [p('dates_order_ambiguous', ARGS)])).toContain(
      '; choose Day first or Month first under Date order in More options and upload the file again',
    );
    expect(ingestMessage('zh-CN', 'x', [p('dates_order_ambiguous', ARGS)])).toContain(
      '；请在“更多选项”的“日期顺序”中选择“日在前”或“月在前”后重新上传',
    );
    // A file loaded in the wrong zone is a repeat until its calls are deleted: the advice says to delete first.
    expect(ingestMessage('zh-CN', 'x', [p('tz_rows_disagree', ARGS)])).toContain('请删除该文件的通话');
    expect(ingestMessage('en', 'x', [p('tz_not_whole_hour', ARGS)])).toContain("delete this file's calls");
  });

  it('a date order: the note of one given and the refusal of one the file contradicts read whole in both languages, the order named as the page names it', () => {
    const given = [p('dates_order_given', { order: 'day-first', example: '12/05/2026' })];
    expect(ingestMessage('en', 'x', given)).toBe('dates such as "12/05/2026" read day first, as given');
    expect(ingestMessage('en', 'x', given)).toBe(renderIngestMessage(given));
    expect(ingestMessage('zh-CN', 'x', given)).toBe('"12/05/2026" 这样的日期已按指定的顺序（日在前）读取');
    const contradicts = [p('dates_order_contradicts', { order: 'month-first', example: '25/12/2026 10:00' })];
    expect(ingestMessage('en', 'x', contradicts)).toBe(
      'dates do not fit the order given (month first): read that way, "25/12/2026 10:00" would have a month above 12; nothing was loaded: check the file, or choose the other order or Auto under Date order in More options and upload it again',
    );
    expect(ingestMessage('zh-CN', 'x', contradicts)).toBe(
      '日期与指定的顺序（月在前）不符：按此顺序读取，"25/12/2026 10:00" 的月份会大于 12；未导入任何数据：请检查文件，或在“更多选项”的“日期顺序”中改选另一种顺序或“自动”后重新上传',
    );
    // An order this page does not know (a newer server): the server's English stands.
    expect(ingestMessage('zh-CN', 'ENGLISH', [p('dates_order_given', { order: 'year-first', example: 'x' })])).toBe(
      'ENGLISH',
    );
    // The advice's words are the control's own: its label and the first words of its choices.
    const control = (lang: 'en' | 'zh-CN') => ({
      label: translate(lang, 'upload.dateOrder'),
      more: translate(lang, 'upload.more'),
      day: translate(lang, 'upload.dateOrder.day-first').replace(/ ?[(（].*$/, ''),
      month: translate(lang, 'upload.dateOrder.month-first').replace(/ ?[(（].*$/, ''),
      auto: translate(lang, 'upload.dateOrder.auto').replace(/ ?[(（].*$/, ''),
    });
    expect(control('en')).toEqual({
      label: 'Date order',
      more: 'More options',
      day: 'Day first',
      month: 'Month first',
      auto: 'Auto',
    });
    expect(control('zh-CN')).toEqual({
      label: '日期顺序',
      more: '更多选项',
      day: '日在前',
      month: '月在前',
      auto: '自动',
    });
    for (const lang of ['en', 'zh-CN'] as const) {
      const c = control(lang);
      const ambiguous = ingestMessage(lang, 'x', [p('dates_order_ambiguous', ARGS)]);
      for (const word of [c.label, c.more, c.day, c.month]) expect(ambiguous, `${lang} ${word}`).toContain(word);
      const refused = ingestMessage(lang, 'x', contradicts);
      for (const word of [c.label, c.more, c.auto]) expect(refused, `${lang} ${word}`).toContain(word);
    }
  });

  it('refused-row reasons of old dimension ingests read in Chinese', () => {
    const old = [
      p('dim_customers', { stored: 2 }),
      p('dim_refused', { reasons: 'key column missing or empty; from_date: not a date: "x; y"' }),
    ];
    expect(ingestMessage('zh-CN', 'x', old)).toBe(
      '2 行客户：客户分群与年龄段已重新应用到其通话；其他列作为细分属性；被拒绝的行：键列缺失或为空；from_date 不是日期：“x; y”。',
    );
    expect(ingestMessage('en', 'x', old)).toBe(renderIngestMessage(old));
  });

  it('falls back to the English message for an unknown code, an unknown source, or no parts', () => {
    const english = 'something a newer server says';
    expect(ingestMessage('zh-CN', english, [p('no_such_code' as MessagePart['code'], { a: 1 })])).toBe(english);
    expect(ingestMessage('zh-CN', english, [p('repeated', { id: 1 }), p('nope' as MessagePart['code'])])).toBe(english);
    expect(ingestMessage('zh-CN', english, [p('tz_inferred', { what: 'sundials', offset: '+01:00' })])).toBe(english);
    expect(ingestMessage('zh-CN', english, null)).toBe(english);
    expect(ingestMessage('zh-CN', english, undefined)).toBe(english);
    expect(ingestMessage('zh-CN', english, [])).toBe(english);
    expect(ingestMessage('en', null, null)).toBe('');
  });

  it('every moment on the Data page is written one way, in the page language', () => {
    // One moment as the server sends it in each place: the history's ingest time (ISO), a repeated
    // file's earlier ingest (DuckDB strftime %z), a deletion (toISOString) and the audit log.
    const forms = ['2026-12-04T00:53:08+00:00', '2026-12-04 08:53:08+08', '2026-12-04T00:53:08.899Z'];
    for (const lang of ['zh-CN', 'en'] as const) {
      const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
      const cols = ingestColumns(t, (_d, v) => v, lang);
      const at = cols.find((c) => c.key === 'startedAt')!.display!({ startedAt: forms[0] } as IngestRow);
      expect(new Set(forms.map((f) => when(lang, f)))).toEqual(new Set([at]));
      expect(at).toMatch(
        lang === 'zh-CN' ? /^2026年12月\d{1,2}日 \d{2}:\d{2}$/ : /^Dec \d{1,2}, 2026, \d{1,2}:\d{2} [AP]M$/,
      );
      const message = cols.find((c) => c.key === 'message')!;
      const row = (parts: MessagePart[]) => ({ message: 'x', messageParts: parts }) as unknown as IngestRow;
      const repeated = message.value(row([p('repeated', { id: 2, file: 'a.csv', at: forms[1]! })]));
      const deleted = message.value(row([p('deleted', { deleted: 40, at: forms[2]! })]));
      const interrupted = message.value(row([p('upload_interrupted_at', { at: forms[2]! })]));
      for (const text of [repeated, deleted, interrupted]) {
        expect(text).toContain(at);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:|\+08|Z\b/);
      }
      if (lang === 'zh-CN') expect(deleted).toBe(`已删除通话：40（${at}）`);
    }
    // What is no time stays as written.
    expect(when('zh-CN', 'soon')).toBe('soon');
  });

  it('the history message column speaks the page language, and old rows keep their English', () => {
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate('zh-CN', k, v);
    const col = ingestColumns(t, (_d, v) => v, 'zh-CN').find((c) => c.key === 'message')!;
    const row = { message: 'the file is empty', messageParts: [p('empty_file')] } as unknown as IngestRow;
    expect(col.value(row)).toBe('文件为空');
    const old = { message: 'the file is empty', messageParts: null } as unknown as IngestRow;
    expect(col.value(old)).toBe('the file is empty');
  });
});
