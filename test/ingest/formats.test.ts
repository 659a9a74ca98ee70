import { afterEach, describe, expect, it } from 'vitest';
import { loadMapping } from '../../server/ingest/formats/mapping-file.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { expectBuckets, type Buckets } from './accounting.ts';

/**
 * Every example file in sample-data/formats with the numbers worked out by hand from its rows:
 * accounting (rows read = calls + folded; calls = inserted + duplicates + rejected) and the
 * headline metrics through /api/summary. Comments name the trap each file carries.
 */
interface Case extends Buckets {
  file: string;
  mapping?: string;
  timezone?: string;
  format: string;
  answered: number;
  hangups: number;
  early: number;
  unknown: number;
  machine?: number;
}

/** One example file, its format, then: rows, calls, folded, inserted, rejected, answered, hang-ups, early, unknown party. */
function row(
  file: string,
  format: string,
  rows: number,
  calls: number,
  folded: number,
  inserted: number,
  rejected: number,
  answered: number,
  hangups: number,
  early: number,
  unknown: number,
  more: Pick<Case, 'mapping' | 'timezone' | 'inbound' | 'machine'> = {},
): Case {
  return { file, format, rows, calls, folded, inserted, rejected, answered, hangups, early, unknown, ...more };
}

const CASES: Case[] = [
  // 21 columns (newcdrcolumns): a forked Dial of 3 rows is one call; userfield HANGUPCAUSE|hangupsource;
  // "Smith, John" clid and Dial args with commas; unquoted empty answer; billsec 0 answered; system-name uniqueid.
  row('asterisk_cdr_csv_21.csv', 'asterisk_cdr_csv', 9, 7, 2, 7, 0, 4, 2, 1, 1, { timezone: 'UTC' }),
  // An inbound call the PBX answered itself (answer = start on its first leg) is counted apart, not stored.
  row('asterisk_cdr_csv_inbound.csv', 'asterisk_cdr_csv', 2, 2, 0, 1, 0, 1, 1, 1, 0, { inbound: 1 }),
  // 16 columns (defaults): no uniqueid, so the fork is grouped by channel + start.
  row('asterisk_cdr_csv_16.csv', 'asterisk_cdr_csv', 4, 3, 1, 3, 0, 2, 0, 0, 2),
  // cdr_custom legacy Master.csv: clid first, numbers quoted, empty answer quoted, bare sequence.
  row('asterisk_cdr_custom.csv', 'asterisk_cdr_custom', 3, 3, 0, 3, 0, 2, 1, 1, 0),
  // Database dump with a header, numeric disposition 8, adaptive-ODBC hangup_source column.
  row('asterisk_db.csv', 'asterisk_db', 3, 3, 0, 3, 0, 2, 1, 1, 0),
  // default template: space before the last field, an unescaped quote in a name, "&" destination,
  // one uuid three times; no sip_hangup_disposition so party unknown except MEDIA_TIMEOUT (system).
  row('freeswitch_default.csv', 'freeswitch_cdr_csv', 7, 5, 2, 5, 0, 3, 0, 0, 2),
  // example template + sip_hangup_disposition: recv_bye = callee, send_bye = our side, recv_refuse busy/rejected.
  row('freeswitch_example_disposition.csv', 'freeswitch_cdr_csv', 6, 6, 0, 6, 0, 3, 2, 1, 0),
  // legs=ab: each A leg names its B leg (bleg_uuid); one B leg is written before its A leg. 8 rows =
  // 4 calls; the `public` one is inbound. Answer, talk, cause and party from the B leg: call 1 recv_bye
  // after 62 s, call 2 USER_BUSY (busy, though its A leg says NORMAL_CLEARING), call 4 recv_bye after 6 s.
  row('freeswitch_ab_legs.csv', 'freeswitch_cdr_csv', 8, 4, 4, 3, 0, 2, 2, 1, 0, { inbound: 1 }),
  // Excel round trip: quotes stripped, 2020/2/10 22:41 timestamps without seconds.
  row('freeswitch_excel_resaved.csv', 'freeswitch_cdr_csv', 2, 2, 0, 2, 0, 1, 0, 0, 1),
  // REST csv: RFC 2822 dates with commas, child outbound-dial legs folded, an inbound call counted apart,
  // empty and 0 Duration on unanswered calls, AMD machine answer. No Insights: party unknown.
  row('twilio_calls_rest.csv', 'twilio_calls', 9, 7, 2, 6, 0, 3, 0, 0, 3, { inbound: 1, machine: 1 }),
  // Console header spelling ("Call Sid", "Parent Call Sid", "Outbound Dial").
  row('twilio_calls_console.csv', 'twilio_calls', 3, 2, 1, 2, 0, 1, 0, 0, 1),
  // TSV + CRLF, NULL literals, a quote inside comments, term_reason CALLER/ABANDON/AGENT/NONE,
  // machine status AA, an unfinished INCALL row refused.
  row('vicidial_log.tsv', 'vicidial', 9, 9, 0, 8, 1, 5, 3, 2, 1, { machine: 1 }),
  // Export Calls Report: no term_reason, so party unknown; no uniqueid, so ids hash the record.
  row('vicidial_export.tsv', 'vicidial', 3, 3, 0, 3, 0, 2, 0, 0, 2, { machine: 1 }),
  // Re-delivered record, transfer chain, CUSTOMER_DISCONNECT while ringing (rejected, not answered),
  // concatenated and pretty-printed JSON, an inbound contact counted apart, a chat contact skipped.
  row('connect_ctr.jsonl', 'connect_ctr', 10, 7, 3, 6, 0, 4, 2, 1, 0, { inbound: 1, machine: 1 }),
  // GBK, report title above the header, TAB-prefixed numbers, 合计 footer, -- and - empty times,
  // 2024/9/17 9:03 dates, 00:00:05 and 1分12秒 durations, 客户挂机/坐席挂机/用户 parties, masked number.
  row('cn_export_gbk.csv', 'cn_export', 7, 6, 1, 6, 0, 3, 2, 2, 0),
  // UTF-8 with BOM, no 呼叫结果 column (answered = 应答时间 present), 挂机方 as codes 1/2.
  row('cn_export_utf8_bom.csv', 'cn_export', 3, 3, 0, 3, 0, 2, 1, 1, 0),
  // A data team's mapping file (YAML): ';' separator, value maps, regex out of a Notes field.
  row('acme_dialer.csv', 'acme_dialer', 5, 5, 0, 5, 0, 3, 1, 1, 1, { mapping: 'acme_dialer.mapping.yaml' }),
  // A mapping (JSON) extending a built-in: this site writes plain words into userfield.
  row('asterisk_userfield_words.csv', 'asterisk_site_words', 2, 2, 0, 2, 0, 2, 1, 1, 0, {
    mapping: 'asterisk_userfield_words.mapping.json',
  }),
];

describe('dialer formats: example files', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it.each(CASES)('$file', async (c) => {
    t = await formatStore();
    const r = await t.ingest(c.file, {
      timezone: c.timezone,
      mapping: c.mapping ? loadMapping(`${FORMATS_DIR}/${c.mapping}`) : undefined,
    });
    expectBuckets(r, c);
    expect(r.format).toBe(c.format);
    expect(r.unknownParty).toBe(c.unknown);
    const { body: s } = await t.api<Record<string, number>>('/api/summary');
    expect({
      dials: s.dials,
      answered: s.answered,
      hangups: s.hangups,
      early: s.earlyHangups,
      unknown: s.unknownParty,
    }).toEqual({ dials: c.inserted, answered: c.answered, hangups: c.hangups, early: c.early, unknown: c.unknown });
    if (c.machine !== undefined) expect(s.machineAnswered).toBe(c.machine);
    // The ingest history carries the same accounting.
    const { body: h } = await t.api<{ ingests: Record<string, unknown>[] }>('/api/ingests');
    expect(h.ingests[0]).toMatchObject({
      rowsRead: c.rows,
      calls: c.calls,
      folded: c.folded,
      inserted: c.inserted,
      rejected: c.rejected,
      inbound: c.inbound ?? 0,
      unknownParty: c.unknown,
      format: c.format,
    });
  });
});
