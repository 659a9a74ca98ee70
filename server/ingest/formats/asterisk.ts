import { looseName, splitCsvLine } from './csv-line.ts';
import type { FieldRule, FormatPlan, MappedColumn, Sample } from './types.ts';

/** cdr_csv.c build_csv_record order; optional columns follow (README, Dialer formats). */
const CDR_CSV_BASE = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
];
/** cdr_custom.conf.sample legacy Master.csv mapping (§3.2): also "Master.csv", other order. */
const CDR_CUSTOM = [
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'accountcode',
  'uniqueid',
  'userfield',
  'sequence',
];
const UNIQUEID = /^([\w.-]+-)?\d{9,}\.\d+$/; // may carry a system-name prefix
const STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const DISPOSITION = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION|UNKNOWN|\d{1,2})$/;

/** ast_cdr_disp2str strings and the numeric enum cdr_odbc writes with dispositionstring=no. */
const DISPOSITIONS: Record<string, string> = {
  answered: 'answered',
  'no answer': 'no_answer',
  busy: 'busy',
  failed: 'failed',
  congestion: 'failed',
  unknown: 'failed',
  '8': 'answered',
  '0': 'no_answer',
  '1': 'no_answer',
  '2': 'failed',
  '4': 'busy',
  '16': 'failed',
};

/**
 * Names for a headerless cdr_csv line of 16-21 fields: 16 base, then uniqueid (loguniqueid) and/or
 * userfield (loguserfield), then peeraccount, linkedid, sequence (newcdrcolumns).
 */
export function cdrCsvNames(fields: string[]): string[] | null {
  const extra = fields.length - 16;
  if (extra < 0 || extra > 5) return null;
  const newColumns = extra >= 3 ? ['peeraccount', 'linkedid', 'sequence'] : [];
  const optional = extra - newColumns.length;
  const middle =
    optional === 2
      ? ['uniqueid', 'userfield']
      : optional === 1
        ? [UNIQUEID.test(fields[16]!) ? 'uniqueid' : 'userfield']
        : [];
  return [...CDR_CSV_BASE, ...middle, ...newColumns];
}

/**
 * Contexts where calls from the outside world enter a PBX (FreePBX from-pstn / from-trunk /
 * ext-did, site names like stadion-pstn), or a FreePBX `did` column holding the number dialled in.
 * The rule reads "dcontext|did" and keeps the whole match, so either alone marks the call inbound.
 */
const INBOUND =
  '(?i)^(?:(?:from-pstn|from-trunk|from-did|from-external|from-zaptel|from-dahdi|ext-did|ext-did-[0-9]+|incoming|inbound|[^|]*-pstn|[^|]*-did|[^|]*-incoming|[^|]*-inbound)(?:\\|.*)?|[^|]*\\|\\+?[0-9]{3,})$';

/** A line of column names rather than a record: no time stamps, and it names a start column. */
function namesLine(fields: string[]): boolean {
  return !fields.some((f) => STAMP.test(f)) && fields.some((f) => ['start', 'calldate'].includes(f.toLowerCase()));
}

/** Shared rules: who hung up comes from the site convention userfield = ${HANGUPCAUSE}|${CHANNEL(hangupsource)}. */
function rules(names: (n: string) => boolean, start: string[]): Partial<Record<MappedColumn, FieldRule>> {
  const key = ['linkedid', 'uniqueid'].filter(names);
  return {
    // A call is its linkedid (or uniqueid) group; with neither (16 columns) the forks of one Dial
    // share the calling channel and start time.
    call_id: key.length ? { column: key } : { concat: ['channel', 'start'] },
    fold_key: key.length ? { column: key } : { concat: ['channel', 'start'] },
    started_at: { column: start },
    answered_at: 'answer',
    ended_at: 'end',
    talk_seconds: 'billsec',
    total_seconds: 'duration',
    disposition: { column: 'disposition', values: DISPOSITIONS },
    hangup_cause: names('hangup_cause') ? 'hangup_cause' : { column: 'userfield', regex: '^([^|]*)\\|' },
    party_source: names('hangup_source') ? 'hangup_source' : { column: 'userfield', regex: '\\|(.+)$' },
    party_callee: 'dstchannel',
    party_agent: 'channel',
    campaign: 'accountcode',
    caller_number: 'src',
    callee_id: 'dst',
    // Per call after folding: the first leg's context decides (see INBOUND), else an answer at
    // the first leg's own start (inboundWhenAnsweredAtStart).
    direction: { concat: ['dcontext', 'did'], regex: INBOUND, values: { '*': 'inbound' } },
    leg_id: 'uniqueid',
    // uniqueid is "<epoch of the channel's creation>.<n>": beside `start` it tells the file's UTC offset.
    epoch: { column: 'uniqueid', regex: '([0-9]{9,10})\\.[0-9]+$' },
  };
}

const FOLD = 'Asterisk CDRs of one call (forks, failover, transfers: same linkedid/uniqueid)';
const DIALECT = { kind: 'csv', delimiter: ',', quote: '"', escape: '"' } as const;

/** The plan of a headerless Asterisk CSV whose columns are `names` (cdr-csv and cdr-custom differ only there). */
function csvPlan(name: string, names: string[]): FormatPlan {
  return {
    name,
    reader: { ...DIALECT, names },
    rules: rules((n) => names.includes(n), ['start']),
    foldReason: FOLD,
    inboundWhenAnsweredAtStart: true,
  };
}

export const asteriskCdrCsv = {
  name: 'asterisk_cdr_csv',
  detect(s: Sample): boolean {
    const f = s.kind === 'csv' && s.lines[0] ? splitCsvLine(s.lines[0]) : [];
    return f.length >= 16 && f.length <= 21 && STAMP.test(f[9]!) && DISPOSITION.test(f[14]!) && !STAMP.test(f[8]!);
  },
  plan(s: Sample): FormatPlan {
    const first = splitCsvLine(s.lines[0] ?? '');
    // A mapping with header: false + columns puts its column names first (mapping-file.ts).
    return csvPlan(this.name, namesLine(first) ? first : (cdrCsvNames(first) ?? CDR_CSV_BASE));
  },
};

export const asteriskCdrCustom = {
  name: 'asterisk_cdr_custom',
  detect(s: Sample): boolean {
    const f = s.kind === 'csv' && s.lines[0] ? splitCsvLine(s.lines[0]) : [];
    return f.length === 19 && STAMP.test(f[8]!) && DISPOSITION.test(f[13]!);
  },
  plan(s: Sample): FormatPlan {
    const first = splitCsvLine(s.lines[0] ?? '');
    return csvPlan(this.name, namesLine(first) ? first : CDR_CUSTOM);
  },
};

/** Database dumps (cdr table, adaptive ODBC) with a header: calldate or start, billsec, disposition. */
export const asteriskDb = {
  name: 'asterisk_db',
  detect(s: Sample): boolean {
    if (s.kind !== 'csv' || !s.lines[0]) return false;
    const h = new Set(splitCsvLine(s.lines[0], s.lines[0].includes('\t') ? '\t' : ',').map(looseName));
    return h.has('disposition') && h.has('billsec') && (h.has('calldate') || h.has('start'));
  },
  plan(s: Sample): FormatPlan {
    const delimiter = s.lines[0]?.includes('\t') ? '\t' : ',';
    const h = new Set(splitCsvLine(s.lines[0] ?? '', delimiter).map(looseName));
    const has = (n: string) => h.has(looseName(n));
    return {
      name: this.name,
      reader: { kind: 'csv', delimiter, quote: delimiter === '\t' ? '' : '"', escape: delimiter === '\t' ? '' : '"' },
      rules: rules(has, ['start', 'calldate']),
      foldReason: FOLD,
      inboundWhenAnsweredAtStart: true,
    };
  },
};
