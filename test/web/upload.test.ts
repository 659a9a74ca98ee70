import { describe, expect, it } from 'vitest';
// The data page registers these texts with its chunk (messages/data.ts); so does this test.
import '../../web/src/lib/messages/data.ts';
import { toCsv } from '../../web/src/lib/csv.ts';
import { translate, valueLabel } from '../../web/src/lib/i18n.ts';
import { deletable, formatText, ingestColumns } from '../../web/src/lib/ingest-columns.ts';
import type { MessageKey } from '../../web/src/lib/i18n.ts';
import {
  failureText,
  formatBytes,
  formatDuration,
  ingestMessage,
  jobResult,
  offReason,
  phaseOf,
  PHASE_KEYS,
  progressOf,
  repeatedOf,
  resultCounts,
  tokenHeaders,
  type UploadFailure,
} from '../../web/src/lib/upload.ts';
import type { IngestReport, IngestRow } from '../../web/src/lib/upload-types.ts';
import { mappingProblem, timezoneNames, validTimezone } from '../../web/src/lib/upload-options.ts';
import { MAPPING_MAX_CHARS } from '../../server/contract/ingests.ts';
import { timezoneSchema } from '../../server/ingest/formats/mapping-file.ts';

const http = (status: number, body: { error?: string; maxUploadBytes?: number } | null = null): UploadFailure => ({
  kind: 'http',
  status,
  body,
});
const say = (f: UploadFailure, lang: 'en' | 'zh-CN' = 'en', limit?: number) => {
  const { key, vars } = failureText(f, lang, limit);
  return translate(lang, key, vars);
};

describe('upload progress', () => {
  it('names the server phases, "transcoding GB18030" included', () => {
    expect(phaseOf({ state: 'queued', phase: null })).toBe('queued');
    expect(phaseOf({ state: 'running', phase: 'hashing' })).toBe('hashing');
    expect(phaseOf({ state: 'running', phase: 'transcoding GB18030' })).toBe('transcoding');
    expect(phaseOf({ state: 'running', phase: 'storing' })).toBe('storing');
    expect(phaseOf({ state: 'running', phase: 'something new' })).toBe('working');
    expect(phaseOf({ state: 'running', phase: null })).toBe('working');
    expect(phaseOf({ state: 'done', phase: null })).toBe('done');
    expect(phaseOf({ state: 'failed', phase: 'reading' })).toBe('done');
  });

  it('fills one bar across sending and loading, never moving back', () => {
    expect(progressOf('uploading', 0).overall).toBe(0);
    expect(progressOf('uploading', 0.5).overall).toBeCloseTo(0.15);
    expect(progressOf('hashing', 1).overall).toBeCloseTo(0.4);
    expect(progressOf('checking', 0.5).overall).toBeCloseTo(0.775);
    expect(progressOf('storing', 1).overall).toBe(1);
    expect(progressOf('done', null).overall).toBe(1);
    // Not measurable: wait at the phase's start; out-of-range fractions are clamped.
    expect(progressOf('reading', null).overall).toBeCloseTo(0.5);
    expect(progressOf('reading', 7).overall).toBeCloseTo(0.7);
    expect(progressOf('reading', -1).overall).toBeCloseTo(0.5);
    // DuckDB restarts its count per statement: the bar holds instead of jumping back.
    expect(progressOf('reading', 0.1, 0.66).overall).toBe(0.66);
    for (const phase of Object.keys(PHASE_KEYS) as (keyof typeof PHASE_KEYS)[]) {
      expect(translate('zh-CN', PHASE_KEYS[phase])).not.toBe(translate('en', PHASE_KEYS[phase]));
    }
  });
});

describe('what a failed upload says', () => {
  it('413 states the limit, from the answer or from /api/ingest/status', () => {
    expect(
      say(http(413, { error: 'file larger than the upload limit of 512 MiB', maxUploadBytes: 512 * 1_048_576 })),
    ).toBe('The file is larger than the upload limit of 512 MiB.');
    expect(say(http(413), 'en', 2 * 1_048_576)).toBe('The file is larger than the upload limit of 2 MiB.');
    expect(say(http(413), 'zh-CN', 64 * 1024)).toBe('文件超过上传上限 64 KiB。');
    expect(say(http(413))).toBe("The file is larger than the server's upload limit.");
  });

  it('token missing or wrong (401), uploads off with the server’s reason (403)', () => {
    expect(say(http(401, { error: 'upload token missing or wrong' }))).toMatch(/upload token is missing or wrong/);
    const reason =
      'uploads and deletions are off: the server listens on 0.0.0.0 (not loopback) and HANGUP_UPLOAD_TOKEN is not set';
    expect(say(http(403, { error: reason }))).toBe(`Uploads and deletions are off on this server: ${reason}`);
    expect(say(http(403, { error: reason }), 'zh-CN')).toBe(`此服务器已关闭上传和删除：${reason}`);
  });

  it('an unreadable file gives its reason; other answers their status', () => {
    expect(say({ kind: 'unreadable', reason: 'not UTF-8 or GB18030/GBK text (invalid byte 0x20 at offset 1)' })).toBe(
      'The file could not be read: not UTF-8 or GB18030/GBK text (invalid byte 0x20 at offset 1)',
    );
    expect(say(http(400, { error: 'format: Invalid option' }))).toBe('The server refused: format: Invalid option');
    expect(say(http(409, { error: 'ingest #3 is deleted: no calls to delete' }))).toBe(
      'The server refused: ingest #3 is deleted: no calls to delete',
    );
    expect(say(http(500, { error: 'internal error' }))).toBe('The server answered HTTP 500: internal error');
    expect(say(http(502, null))).toBe('The server answered HTTP 502: –');
    expect(say({ kind: 'network', message: 'the connection failed' })).toBe(
      'Could not reach the server: the connection failed',
    );
    expect(say({ kind: 'lost' }, 'zh-CN')).toMatch(/找不到此次上传/);
  });

  it('a file the server could not read shows its report: the message parts, whole, as the history row does', () => {
    const parts = [
      {
        code: 'unknown_format' as const,
        args: {
          near1: '["asterisk_db",[["column_or",{"a":"calldate","b":"start"}],["column",{"name":"disposition"}]]]',
          headerShown: 'switch, cdr_source_type, callid',
          headerRest: 0,
          headerTotal: 3,
          file: 'x.csv',
        },
      },
    ];
    const english = 'no known format: closest tried asterisk_db (missing calldate or start; disposition). Header: sw…';
    const report = { ...REPORT, status: 'failed' as const, message: english, messageParts: parts };
    const shown = jobResult({ state: 'failed', report, error: english });
    expect(shown).toEqual({ report, failure: null });
    const history = ingestColumns(
      (k, v) => translate('zh-CN', k, v),
      (d, v) => valueLabel('zh-CN', d, v),
      'zh-CN',
    );
    const message = history
      .find((c) => c.key === 'message')!
      .value({ ...ROW, message: report.message, messageParts: report.messageParts });
    expect(ingestMessage('zh-CN', report.message, report.messageParts)).toBe(message);
    expect(message).toMatch(
      /^无法识别的格式：最接近的是 Asterisk CDR（数据库导出）（缺少 calldate 或 start、disposition）。表头：switch, cdr_source_type, callid（共 3 列）。如果它属于/,
    );
    // A job that died without a report has only its error to give.
    expect(jobResult({ state: 'failed', report: null, error: 'disk full' })).toEqual({
      report: null,
      failure: { kind: 'unreadable', reason: 'disk full' },
    });
  });

  it('gives the server’s reason for uploads being off without repeating the headline', () => {
    expect(
      offReason(
        'uploads and deletions are off: the server listens on 0.0.0.0 (not loopback) and HANGUP_UPLOAD_TOKEN is not set',
      ),
    ).toBe('The server listens on 0.0.0.0 (not loopback) and HANGUP_UPLOAD_TOKEN is not set');
    expect(offReason('maintenance until 18:00')).toBe('Maintenance until 18:00');
    expect(offReason(null)).toBe('');
  });

  it('finds the earlier ingest of a repeated file in its message part', () => {
    const parts = [{ code: 'repeated' as const, args: { id: 12, file: 'calls.csv', at: '2026-11-29 17:17:54+08' } }];
    expect(repeatedOf(parts)).toEqual({ id: 12, file: 'calls.csv', at: '2026-11-29 17:17:54+08' });
    expect(repeatedOf(null)).toBeNull();
    expect(repeatedOf([{ code: 'empty_file' as const, args: {} }])).toBeNull();
  });
});

describe('More options: source timezone and mapping file, checked as the server checks them', () => {
  it('offers UTC and the IANA names, each one the route takes', () => {
    const zones = timezoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toEqual(
      expect.arrayContaining(['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata']),
    );
    expect(new Set(zones).size).toBe(zones.length);
    // Today's IANA names, where the browser lists the old CLDR ones.
    expect(timezoneNames(['Asia/Saigon', 'Asia/Calcutta', 'Asia/Shanghai', 'UTC'])).toEqual([
      'UTC',
      'Asia/Ho_Chi_Minh',
      'Asia/Kolkata',
      'Asia/Shanghai',
    ]);
    expect(zones).not.toContain('Asia/Calcutta');
    for (const zone of zones) expect(timezoneSchema.max(64).safeParse(zone).success, zone).toBe(true);
    // What the server refuses, refused here too.
    for (const bad of ['Mars/Olympus', 'Asia/Shanghai; DROP', '', 'x'.repeat(65)]) {
      expect(validTimezone(bad), bad).toBe(false);
      expect(timezoneSchema.max(64).safeParse(bad).success, bad).toBe(false);
    }
  });

  it("refuses an empty mapping file or one over the route's limits before sending the upload", () => {
    expect(mappingProblem('extends: asterisk_db\n')).toBeNull();
    expect(mappingProblem('  \n')).toBe('upload.mapping.empty');
    expect(mappingProblem('#'.repeat(MAPPING_MAX_CHARS))).toBeNull();
    expect(mappingProblem('#'.repeat(MAPPING_MAX_CHARS + 1))).toBe('upload.mapping.tooLarge');
    // 100,000 Chinese characters are 300,000 bytes of UTF-8: over the 256 KiB a multipart field may carry.
    expect(mappingProblem('# ' + '注'.repeat(100_000))).toBe('upload.mapping.tooLarge');
    expect(translate('zh-CN', 'upload.mapping.empty', { file: 'm.yaml' })).toBe('映射文件 m.yaml 是空的。');
  });

  it("names the field the server refused: the mapping file, the source timezone or the date order, with the server's words", () => {
    const reason = 'mapping: not JSON or YAML: Nested mappings are not allowed in compact mappings at line 1';
    expect(say(http(400, { error: reason }), 'zh-CN')).toBe(
      '服务器不接受该映射文件：not JSON or YAML: Nested mappings are not allowed in compact mappings at line 1',
    );
    expect(say(http(400, { error: 'mapping: extends: no built-in call format "nope"' }))).toBe(
      'The server refused the mapping file: extends: no built-in call format "nope"',
    );
    expect(say(http(400, { error: 'timezone: not an IANA timezone name (e.g. Asia/Shanghai, UTC)' }), 'zh-CN')).toBe(
      '服务器不接受该源时区：not an IANA timezone name (e.g. Asia/Shanghai, UTC)',
    );
    const order = 'dateOrder: Invalid option: expected one of "auto"|"day-first"|"month-first"';
    expect(say(http(400, { error: order }))).toBe(
      'The server refused the date order: Invalid option: expected one of "auto"|"day-first"|"month-first"',
    );
    expect(say(http(400, { error: order }), 'zh-CN')).toBe(
      '服务器不接受该日期顺序：Invalid option: expected one of "auto"|"day-first"|"month-first"',
    );
  });
});

describe("a loaded file's result card", () => {
  it('shows every bucket of the report, so its counts add up to the calls and the rows read', () => {
    // Every bucket: folded legs, inserted, a duplicate, rejected rows, inbound calls.
    const report = {
      ...REPORT,
      rowsRead: 72,
      calls: 65,
      folded: 7,
      inserted: 41,
      duplicates: 2,
      rejected: 10,
      inbound: 12,
      unknownParty: 28,
    };
    const shown = Object.fromEntries(resultCounts(report).map((c) => [c.key, c.value]));
    expect(shown).toEqual({
      rowsRead: 72,
      calls: 65,
      folded: 7,
      inserted: 41,
      duplicates: 2,
      rejected: 10,
      inbound: 12,
      unknownParty: 28,
    });
    expect(shown.inserted! + shown.duplicates! + shown.rejected! + shown.inbound!).toBe(shown.calls);
    expect(shown.calls! + shown.folded!).toBe(shown.rowsRead);
    // Labelled as the history's columns are, in both languages.
    const labels = resultCounts(report).map((c) => translate('zh-CN', c.label));
    expect(labels).toEqual([
      '读取行数',
      '通话数',
      '合并的行',
      '新增',
      '重复',
      '拒收',
      '呼入（不计拨打）',
      '挂机方未知',
    ]);
    // An older server without the inbound count: shown as 0, the card still draws.
    const { inbound, ...older } = report;
    void inbound;
    expect(resultCounts(older).find((c) => c.key === 'inbound')!.value).toBe(0);
    // A customers file has rows, not calls.
    const customers = { ...report, kind: 'dimension' as const, rowsRead: 3, inserted: 2, duplicates: 0, rejected: 1 };
    expect(resultCounts(customers).map((c) => [c.key, c.value])).toEqual([
      ['rowsRead', 3],
      ['inserted', 2],
      ['duplicates', 0],
      ['rejected', 1],
    ]);
  });
});

describe('upload formatting and headers', () => {
  it('sizes and durations, per language', () => {
    expect(formatBytes(512 * 1_048_576, 'en')).toBe('512 MiB');
    expect(formatBytes(1.5 * 1_048_576, 'en')).toBe('1.5 MiB');
    expect(formatBytes(2048, 'zh-CN')).toBe('2 KiB');
    expect(formatDuration(1911, 'en')).toBe('1.9 sec');
    expect(formatDuration(1911, 'zh-CN')).toBe('1.9秒');
    expect(formatDuration(29_405, 'en')).toBe('29 sec');
    expect(formatDuration(125_000, 'en')).toBe('2 min 5 sec');
    expect(formatDuration(120_000, 'zh-CN')).toBe('2分钟');
    expect(formatDuration(13, 'en')).toBe('0.01 sec');
    expect(formatDuration(null, 'en')).toBe('–');
  });

  it('sends the token as a bearer token, and nothing without one', () => {
    expect(tokenHeaders(' secret-token-0123456789 ')).toEqual({ authorization: 'Bearer secret-token-0123456789' });
    expect(tokenHeaders('')).toEqual({});
    expect(tokenHeaders(null)).toEqual({});
  });
});

const REPORT: IngestReport = {
  ingestId: 9,
  fileName: 'x.csv',
  format: 'unknown',
  encoding: null,
  status: 'loaded',
  kind: 'calls',
  message: null,
  messageParts: [],
  rowsRead: 0,
  calls: 0,
  folded: 0,
  foldNotes: [],
  inserted: 0,
  duplicates: 0,
  rejected: 0,
  rejectsFile: null,
  unknownParty: 0,
  durationMs: 40,
};

const ROW: IngestRow = {
  ingestId: 2,
  fileName: 'with-rejects.csv',
  sha256: 'a6',
  format: 'csv',
  encoding: 'utf-8',
  status: 'loaded',
  kind: 'calls',
  message: null,
  rowsRead: 8,
  calls: 8,
  folded: 0,
  foldNotes: null,
  inserted: 3,
  duplicates: 1,
  rejected: 4,
  unknownParty: 0,
  rejectsFile: 'with-rejects.csv.2026.csv',
  sourceTimezone: 'Asia/Shanghai',
  extraColumns: null,
  startedAt: '2026-11-29T09:17:54+00',
  durationMs: 1911,
};

describe('ingest history columns', () => {
  it('show the counts of issue 5 and keep seconds in the CSV', () => {
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate('en', k, v);
    const cols = ingestColumns(t, (d, v) => valueLabel('en', d, v), 'en');
    expect(cols.map((c) => c.label)).toEqual([
      'Ingested at',
      'File',
      'Status',
      'Detected format',
      'Rows read',
      'Calls',
      'Folded rows',
      'Inserted',
      'Duplicates',
      'Rejected',
      'Inbound (not dials)',
      'Unknown hang-up party',
      'Source timezone',
      'Time taken',
      'Message',
    ]);
    const duration = cols.find((c) => c.key === 'duration')!;
    expect(duration.display!(ROW)).toBe('1.9 sec');
    const csv = toCsv(cols, [ROW]).slice(1).split('\r\n');
    expect(csv[1]).toBe(
      '2026-11-29T09:17:54+00,with-rejects.csv,loaded,csv · utf-8,8,8,0,3,1,4,0,0,Asia/Shanghai,1.911,',
    );
    // A customers file has rows, not calls: the call-only counts stay empty rather than say "calls".
    const customers = {
      ...ROW,
      kind: 'dimension',
      format: 'dim_customers',
      rowsRead: 3,
      calls: 3,
      inserted: 2,
    } as const;
    expect(toCsv(cols, [customers]).slice(1).split('\r\n')[1]).toBe(
      '2026-11-29T09:17:54+00,with-rejects.csv,loaded,dim_customers · utf-8,3,,,2,1,4,,,,1.911,',
    );
    const tz = cols.find((c) => c.key === 'sourceTimezone')!;
    expect(tz.value({ ...ROW, sourceTimezone: '+03:00', timezoneInferred: true } as IngestRow)).toBe(
      '+03:00 (inferred from the file)',
    );
    const zh = ingestColumns(
      (k, v) => translate('zh-CN', k, v),
      (d, v) => valueLabel('zh-CN', d, v),
      'zh-CN',
    );
    expect(zh.find((c) => c.key === 'status')!.value({ ...ROW, status: 'deleted' })).toBe('已删除');
    // Full-width brackets in Chinese.
    expect(
      zh.find((c) => c.key === 'sourceTimezone')!.value({ ...ROW, sourceTimezone: '+03:00', timezoneInferred: true }),
    ).toBe('+03:00（由文件推断）');
    expect(zh.find((c) => c.key === 'sourceTimezone')!.value(ROW)).toBe('Asia/Shanghai');
    expect(
      zh.find((c) => c.key === 'format')!.value({ ...ROW, status: 'repeated', format: 'unknown', encoding: null }),
    ).toBeNull();
    expect(
      zh.find((c) => c.key === 'format')!.value({ ...ROW, status: 'failed', format: 'cn_export', encoding: 'gb18030' }),
    ).toBe('cn_export · gb18030');
  });

  it('name the detected format as the Format menu does on screen, raw in the CSV', () => {
    const langs = ['zh-CN', 'en'] as const;
    const [zh, en] = langs.map((lang) =>
      ingestColumns(
        (k, v) => translate(lang, k, v),
        (d, v) => valueLabel(lang, d, v),
        lang,
      ).find((c) => c.key === 'format')!,
    );
    const customers: IngestRow = { ...ROW, kind: 'dimension', format: 'dim_customers' };
    const chinese: IngestRow = { ...ROW, format: 'canonical', encoding: 'gb18030' };
    // The same names as the upload's Format select (label('format', name)).
    expect(zh!.display!(customers)).toBe(`${valueLabel('zh-CN', 'format', 'dim_customers')} · UTF-8`);
    expect(zh!.display!(customers)).toBe('客户维表 · UTF-8');
    expect(zh!.display!(chinese)).toBe('标准话单 · GB18030');
    expect(en!.display!(customers)).toBe('Customers table · UTF-8');
    expect(en!.display!(chinese)).toBe('Canonical CDR · GB18030');
    // Parquet has no encoding; a name the dictionary does not know is shown as stored.
    expect(en!.display!({ ...ROW, format: 'parquet', encoding: null })).toBe('Canonical CDR (Parquet)');
    // A canonical CSV is logged as "csv".
    expect(zh!.display!(ROW)).toBe('标准话单（CSV） · UTF-8');
    expect(en!.display!({ ...ROW, format: 'vicidial+mapping' })).toBe('vicidial+mapping · UTF-8');
    expect(zh!.display!({ ...ROW, status: 'repeated', format: 'unknown', encoding: null })).toBe('–');
    // An upload's result line says it the same way (formatText, shared with the column).
    const zhLabel = (d: string, v: string) => valueLabel('zh-CN', d, v);
    expect(formatText(zhLabel, { format: 'cn_export', encoding: 'gb18030' })).toBe('国内外呼系统导出 · GB18030');
    expect(formatText(zhLabel, ROW)).toBe(zh!.display!(ROW));
    // The CSV download keeps the stored names.
    const csv = toCsv([zh!], [customers, chinese]).slice(1).split('\r\n');
    expect(csv.slice(1, 3)).toEqual(['dim_customers · utf-8', 'canonical · gb18030']);
  });

  it('offer deletion only for loaded call files that added calls', () => {
    expect(deletable(ROW)).toBe(true);
    expect(deletable({ ...ROW, status: 'repeated' })).toBe(false);
    expect(deletable({ ...ROW, status: 'deleted' })).toBe(false);
    expect(deletable({ ...ROW, kind: 'dimension' })).toBe(false);
    expect(deletable({ ...ROW, inserted: 0 })).toBe(false);
  });
});
