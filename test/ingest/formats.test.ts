import { afterEach, describe, expect, it } from 'vitest';
import { loadMapping } from '../../server/ingest/formats/mapping-file.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';

/**
 * Every example file in sample-data/formats with the numbers worked out by hand from its rows:
 * accounting (rows read = calls + folded; calls = inserted + duplicates + rejected) and the
 * headline metrics through /api/summary. Comments name the trap each file carries.
 */
interface Case {
  file: string;
  mapping?: string;
  timezone?: string;
  format: string;
  rows: number;
  calls: number;
  folded: number;
  inserted: number;
  rejected: number;
  inbound?: number;
  answered: number;
  hangups: number;
  early: number;
  unknown: number;
  machine?: number;
}

const CASES: Case[] = [
  // 21 columns (newcdrcolumns): a forked Dial of 3 rows is one call; userfield HANGUPCAUSE|hangupsource;
  // "Smith, John" clid and Dial args with commas; unquoted empty answer; billsec 0 answered; system-name uniqueid.
  {
    file: 'asterisk_cdr_csv_21.csv',
    timezone: 'UTC',
    format: 'asterisk_cdr_csv',
    rows: 9,
    calls: 7,
    folded: 2,
    inserted: 7,
    rejected: 0,
    answered: 4,
    hangups: 2,
    early: 1,
    unknown: 1,
  },
  // An inbound call the PBX answered itself (answer = start on its first leg) is counted apart, not stored.
  {
    file: 'asterisk_cdr_csv_inbound.csv',
    format: 'asterisk_cdr_csv',
    rows: 2,
    calls: 2,
    folded: 0,
    inserted: 1,
    rejected: 0,
    inbound: 1,
    answered: 1,
    hangups: 1,
    early: 1,
    unknown: 0,
  },
  // 16 columns (defaults): no uniqueid, so the fork is grouped by channel + start.
  {
    file: 'asterisk_cdr_csv_16.csv',
    format: 'asterisk_cdr_csv',
    rows: 4,
    calls: 3,
    folded: 1,
    inserted: 3,
    rejected: 0,
    answered: 2,
    hangups: 0,
    early: 0,
    unknown: 2,
  },
  // cdr_custom legacy Master.csv: clid first, numbers quoted, empty answer quoted, bare sequence.
  {
    file: 'asterisk_cdr_custom.csv',
    format: 'asterisk_cdr_custom',
    rows: 3,
    calls: 3,
    folded: 0,
    inserted: 3,
    rejected: 0,
    answered: 2,
    hangups: 1,
    early: 1,
    unknown: 0,
  },
  // Database dump with a header, numeric disposition 8, adaptive-ODBC hangup_source column.
  {
    file: 'asterisk_db.csv',
    format: 'asterisk_db',
    rows: 3,
    calls: 3,
    folded: 0,
    inserted: 3,
    rejected: 0,
    answered: 2,
    hangups: 1,
    early: 1,
    unknown: 0,
  },
  // default template: space before the last field, an unescaped quote in a name, "&" destination,
  // one uuid three times; no sip_hangup_disposition so party unknown except MEDIA_TIMEOUT (system).
  {
    file: 'freeswitch_default.csv',
    format: 'freeswitch_cdr_csv',
    rows: 7,
    calls: 5,
    folded: 2,
    inserted: 5,
    rejected: 0,
    answered: 3,
    hangups: 0,
    early: 0,
    unknown: 2,
  },
  // example template + sip_hangup_disposition: recv_bye = callee, send_bye = our side, recv_refuse busy/rejected.
  {
    file: 'freeswitch_example_disposition.csv',
    format: 'freeswitch_cdr_csv',
    rows: 6,
    calls: 6,
    folded: 0,
    inserted: 6,
    rejected: 0,
    answered: 3,
    hangups: 2,
    early: 1,
    unknown: 0,
  },
  // legs=ab: each A leg names its B leg (bleg_uuid); one B leg is written before its A leg. 8 rows =
  // 4 calls; the `public` one is inbound. Answer, talk, cause and party from the B leg: call 1 recv_bye
  // after 62 s, call 2 USER_BUSY (busy, though its A leg says NORMAL_CLEARING), call 4 recv_bye after 6 s.
  {
    file: 'freeswitch_ab_legs.csv',
    format: 'freeswitch_cdr_csv',
    rows: 8,
    calls: 4,
    folded: 4,
    inserted: 3,
    rejected: 0,
    inbound: 1,
    answered: 2,
    hangups: 2,
    early: 1,
    unknown: 0,
  },
  // Excel round trip: quotes stripped, 2020/2/10 22:41 timestamps without seconds.
  {
    file: 'freeswitch_excel_resaved.csv',
    format: 'freeswitch_cdr_csv',
    rows: 2,
    calls: 2,
    folded: 0,
    inserted: 2,
    rejected: 0,
    answered: 1,
    hangups: 0,
    early: 0,
    unknown: 1,
  },
  // REST csv: RFC 2822 dates with commas, child outbound-dial legs folded, an inbound call counted apart,
  // empty and 0 Duration on unanswered calls, AMD machine answer. No Insights: party unknown.
  {
    file: 'twilio_calls_rest.csv',
    format: 'twilio_calls',
    rows: 9,
    calls: 7,
    folded: 2,
    inserted: 6,
    rejected: 0,
    inbound: 1,
    answered: 3,
    hangups: 0,
    early: 0,
    unknown: 3,
    machine: 1,
  },
  // Console header spelling ("Call Sid", "Parent Call Sid", "Outbound Dial").
  {
    file: 'twilio_calls_console.csv',
    format: 'twilio_calls',
    rows: 3,
    calls: 2,
    folded: 1,
    inserted: 2,
    rejected: 0,
    answered: 1,
    hangups: 0,
    early: 0,
    unknown: 1,
  },
  // TSV + CRLF, NULL literals, a quote inside comments, term_reason CALLER/ABANDON/AGENT/NONE,
  // machine status AA, an unfinished INCALL row refused.
  {
    file: 'vicidial_log.tsv',
    format: 'vicidial',
    rows: 9,
    calls: 9,
    folded: 0,
    inserted: 8,
    rejected: 1,
    answered: 5,
    hangups: 3,
    early: 2,
    unknown: 1,
    machine: 1,
  },
  // Export Calls Report: no term_reason, so party unknown; no uniqueid, so ids hash the record.
  {
    file: 'vicidial_export.tsv',
    format: 'vicidial',
    rows: 3,
    calls: 3,
    folded: 0,
    inserted: 3,
    rejected: 0,
    answered: 2,
    hangups: 0,
    early: 0,
    unknown: 2,
    machine: 1,
  },
  // Re-delivered record, transfer chain, CUSTOMER_DISCONNECT while ringing (rejected, not answered),
  // concatenated and pretty-printed JSON, an inbound contact counted apart, a chat contact skipped.
  {
    file: 'connect_ctr.jsonl',
    format: 'connect_ctr',
    rows: 10,
    calls: 7,
    folded: 3,
    inserted: 6,
    rejected: 0,
    inbound: 1,
    answered: 4,
    hangups: 2,
    early: 1,
    unknown: 0,
    machine: 1,
  },
  // GBK, report title above the header, TAB-prefixed numbers, 合计 footer, -- and - empty times,
  // 2024/9/17 9:03 dates, 00:00:05 and 1分12秒 durations, 客户挂机/坐席挂机/用户 parties, masked number.
  {
    file: 'cn_export_gbk.csv',
    format: 'cn_export',
    rows: 7,
    calls: 6,
    folded: 1,
    inserted: 6,
    rejected: 0,
    answered: 3,
    hangups: 2,
    early: 2,
    unknown: 0,
  },
  // UTF-8 with BOM, no 呼叫结果 column (answered = 应答时间 present), 挂机方 as codes 1/2.
  {
    file: 'cn_export_utf8_bom.csv',
    format: 'cn_export',
    rows: 3,
    calls: 3,
    folded: 0,
    inserted: 3,
    rejected: 0,
    answered: 2,
    hangups: 1,
    early: 1,
    unknown: 0,
  },
  // A data team's mapping file (YAML): ';' separator, value maps, regex out of a Notes field.
  {
    file: 'acme_dialer.csv',
    mapping: 'acme_dialer.mapping.yaml',
    format: 'acme_dialer',
    rows: 5,
    calls: 5,
    folded: 0,
    inserted: 5,
    rejected: 0,
    answered: 3,
    hangups: 1,
    early: 1,
    unknown: 1,
  },
  // A mapping (JSON) extending a built-in: this site writes plain words into userfield.
  {
    file: 'asterisk_userfield_words.csv',
    mapping: 'asterisk_userfield_words.mapping.json',
    format: 'asterisk_site_words',
    rows: 2,
    calls: 2,
    folded: 0,
    inserted: 2,
    rejected: 0,
    answered: 2,
    hangups: 1,
    early: 1,
    unknown: 0,
  },
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
    expect(r.status, r.message ?? '').toBe('loaded');
    expect(r.format).toBe(c.format);
    expect({
      rows: r.rowsRead,
      calls: r.calls,
      folded: r.folded,
      inserted: r.inserted,
      duplicates: r.duplicates,
      rejected: r.rejected,
      inbound: r.inbound,
    }).toEqual({
      rows: c.rows,
      calls: c.calls,
      folded: c.folded,
      inserted: c.inserted,
      duplicates: 0,
      rejected: c.rejected,
      inbound: c.inbound ?? 0,
    });
    expect(r.rowsRead).toBe(r.calls + r.folded);
    expect(r.calls).toBe(r.inserted + r.duplicates + r.rejected + r.inbound);
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
