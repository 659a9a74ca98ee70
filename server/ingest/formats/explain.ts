import { maskPhone } from '../phone.ts';
import { looseName, splitCsvLine } from './csv-line.ts';
import type { Sample } from './types.ts';
import { part, type MessagePart } from '../message-parts.ts';

/**
 * Why a file matched no format: for each format, what it looks for and what of
 * that the file lacks, so the closest ones can be named. Kept beside the detectors, not inside
 * them: detection must stay a cheap yes/no on every file.
 */
interface Check {
  name: string;
  /** Each requirement: a label and whether the file meets it. */
  needs(s: Sample): [string, boolean][];
}

const STAMP = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}[ T]\d{1,2}:\d\d(:\d\d)?$/;
const DISPOSITION = /^(ANSWERED|NO ANSWER|BUSY|FAILED|CONGESTION|UNKNOWN|\d{1,2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const header = (s: Sample) => {
  const line = s.lines[0] ?? '';
  return new Set(splitCsvLine(line, line.includes('\t') ? '\t' : ',').map(looseName));
};
/** Header requirements: each is one name or several alternatives ("calldate or start"). */
const named = (name: string, wanted: string[][]): Check => ({
  name,
  needs: (s) => {
    const h = header(s);
    return wanted.map((alts) => [alts.join(' or '), alts.some((a) => h.has(looseName(a)))]);
  },
});
const fields = (s: Sample) => splitCsvLine(s.lines[0] ?? '');

const CHECKS: Check[] = [
  named('canonical', [['call_id'], ['started_at'], ['disposition'], ['ended_at', 'talk_seconds']]),
  named('asterisk_db', [['calldate', 'start'], ['billsec'], ['disposition']]),
  named('twilio_calls', [['Sid', 'Call Sid'], ['Status'], ['From'], ['To']]),
  named('vicidial', [['status'], ['call_date', 'phone_number_dialed'], ['uniqueid', 'lead_id']]),
  {
    name: 'asterisk_cdr_csv',
    needs: (s) => {
      const f = fields(s);
      return [
        ['16 to 21 fields without a header', f.length >= 16 && f.length <= 21],
        ['a start time in field 10', STAMP.test(f[9] ?? '')],
        ['a disposition (ANSWERED, NO ANSWER, ...) in field 15', DISPOSITION.test(f[14] ?? '')],
      ];
    },
  },
  {
    name: 'asterisk_cdr_custom',
    needs: (s) => {
      const f = fields(s);
      return [
        ['19 fields without a header', f.length === 19],
        ['a start time in field 9', STAMP.test(f[8] ?? '')],
        ['a disposition in field 14', DISPOSITION.test(f[13] ?? '')],
      ];
    },
  },
  {
    name: 'freeswitch_cdr_csv',
    needs: (s) => {
      const f = fields(s);
      return [
        ['13 to 16 fields without a header', f.length >= 13 && f.length <= 16],
        ['a start time in field 5', STAMP.test(f[4] ?? '')],
        ['a hang-up cause in field 10', /^[A-Z][A-Z_]+$/.test(f[9] ?? '')],
        ['a uuid in field 11', UUID.test(f[10] ?? '')],
      ];
    },
  },
  {
    name: 'cn_export',
    needs: (s) => {
      const words = ['主叫号码', '被叫号码', '呼叫时间', '开始时间', '通话时长', '呼叫结果'];
      const line = s.lines.slice(0, 5).join('\n');
      return [
        [
          'two Chinese header words (主叫号码, 被叫号码, 呼叫时间, 通话时长, ...)',
          words.filter((w) => line.includes(w)).length >= 2,
        ],
      ];
    },
  },
];

export interface Near {
  name: string;
  missing: string[];
  share: number;
}

/** The formats closest to this file, best first: the share of their requirements met, and what is missing. */
export function nearestFormats(s: Sample, n = 3): Near[] {
  return CHECKS.map((c) => {
    const needs = c.needs(s);
    return {
      name: c.name,
      missing: needs.filter(([, ok]) => !ok).map(([l]) => l),
      share: needs.filter(([, ok]) => ok).length / needs.length,
    };
  })
    .sort((a, b) => b.share - a.share)
    .slice(0, n);
}

/** A header quoted in a message: every column whole, control characters out, at most `max` characters. */
export function quoteHeader(names: string[], max = 2000): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = names.map((h) => h.replace(/[\u0000-\u001f\u007f]/g, '').trim());
  const out: string[] = [];
  let len = 0;
  for (const h of clean) {
    if (len + h.length + 2 > max) break;
    out.push(h);
    len += h.length + 2;
  }
  const rest = clean.length - out.length;
  const n = (k: number) => `${k} column${k === 1 ? '' : 's'}`;
  return `${out.join(', ')}${rest ? `, … (+${n(rest)})` : ''} (${n(clean.length)})`;
}

/** The refusal for a file of no known format, keyed (message-parts.ts): closest formats and what each lacked, the header, a way out. */
export function unknownFormat(s: Sample, headerNames: string[], fileName: string): MessagePart {
  const near = nearestFormats(s)
    .map((f) => `${f.name} (missing ${f.missing.join('; ')})`)
    .join(', ');
  // A date in the "header" means the file has none: a mapping then needs header: false + columns.
  const noHeader = headerNames.some((h) => /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d|$)/.test(h.trim()));
  // A record's fields may be customers' numbers: those are masked, never quoted.
  const header = quoteHeader(noHeader ? headerNames.map(maskPhone) : headerNames);
  return part(noHeader ? 'unknown_format_no_header' : 'unknown_format', { near, header, file: fileName });
}
