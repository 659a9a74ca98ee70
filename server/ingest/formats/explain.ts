import { valueShape } from '../../contract/value-shape.ts';
import { maskPhone } from '../phone.ts';
import { looseName, splitCsvLine } from './csv-line.ts';
import type { Sample } from './types.ts';
import { part, type MessagePart } from '../message-parts.ts';
import { fill } from '../../contract/fill.ts';
import { FORMAT_NEEDS_EN, type FormatNeed } from '../../contract/ingest-messages.en.ts';

/**
 * Why a file matched no format: for each format, what it looks for and what of
 * that the file lacks, so the closest ones can be named. Kept beside the detectors, not inside
 * them: detection must stay a cheap yes/no on every file.
 */
interface Check {
  name: string;
  /** Each requirement: what it is (a FORMAT_NEEDS_EN text and its args) and whether the file meets it. */
  needs(s: Sample): [Need, boolean][];
}

/** One requirement of a format, keyed so the dashboard can say it in the reader's language. */
export type Need = [FormatNeed, Record<string, string | number>?];
const need = (kind: FormatNeed, args?: Record<string, string | number>): Need => (args ? [kind, args] : [kind]);

/** A requirement in English (FORMAT_NEEDS_EN), as the server's message and the CLI say it. */
export function needText([kind, args = {}]: Need): string {
  return fill(FORMAT_NEEDS_EN[kind], args);
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
    return wanted.map((alts) => [
      alts.length === 1 ? need('column', { name: alts[0]! }) : need('column_or', { a: alts[0]!, b: alts[1]! }),
      alts.some((a) => h.has(looseName(a))),
    ]);
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
        [need('fields_between', { min: 16, max: 21 }), f.length >= 16 && f.length <= 21],
        [need('start_in_field', { n: 10 }), STAMP.test(f[9] ?? '')],
        [need('disposition_list_in_field', { n: 15 }), DISPOSITION.test(f[14] ?? '')],
      ];
    },
  },
  {
    name: 'asterisk_cdr_custom',
    needs: (s) => {
      const f = fields(s);
      return [
        [need('fields_exactly', { n: 19 }), f.length === 19],
        [need('start_in_field', { n: 9 }), STAMP.test(f[8] ?? '')],
        [need('disposition_in_field', { n: 14 }), DISPOSITION.test(f[13] ?? '')],
      ];
    },
  },
  {
    name: 'freeswitch_cdr_csv',
    needs: (s) => {
      const f = fields(s);
      return [
        [need('fields_between', { min: 13, max: 16 }), f.length >= 13 && f.length <= 16],
        [need('start_in_field', { n: 5 }), STAMP.test(f[4] ?? '')],
        [need('cause_in_field', { n: 10 }), /^[A-Z][A-Z_]+$/.test(f[9] ?? '')],
        [need('uuid_in_field', { n: 11 }), UUID.test(f[10] ?? '')],
      ];
    },
  },
  {
    name: 'cn_export',
    needs: (s) => {
      const words = ['主叫号码', '被叫号码', '呼叫时间', '开始时间', '通话时长', '呼叫结果'];
      const line = s.lines.slice(0, 5).join('\n');
      return [[need('chinese_words'), words.filter((w) => line.includes(w)).length >= 2]];
    },
  },
];

export interface Near {
  name: string;
  missing: Need[];
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

/**
 * The first line is a record, not a header, when a field is a date or time, a number or a phone
 * number: header names are words. (A headerless file of words only cannot be told from a header.)
 */
export function looksLikeRecord(names: string[]): boolean {
  return names.some((h) => {
    const v = h.trim();
    return (
      /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T]\d|$)/.test(v) ||
      /^\d{1,2}:\d\d(:\d\d)?$/.test(v) ||
      /^[+-]?\d+([.,]\d+)?$/.test(v) ||
      maskPhone(v) === '#'
    );
  });
}

/** The first line as a message may quote it: a header as written, a record by its fields' shapes. */
export function firstLineShown(names: string[]): string[] {
  return looksLikeRecord(names) ? names.map(valueShape) : names;
}

/** A header quoted in a message, in parts: the columns shown, how many were left out, how many there are. */
export function headerParts(names: string[], max = 2000): { shown: string; rest: number; total: number } {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = names.map((h) => h.replace(/[\u0000-\u001f\u007f]/g, '').trim());
  const out: string[] = [];
  let len = 0;
  for (const h of clean) {
    if (len + h.length + 2 > max) break;
    out.push(h);
    len += h.length + 2;
  }
  return { shown: out.join(', '), rest: clean.length - out.length, total: clean.length };
}

/** A header quoted in a message: every column whole, control characters out, at most `max` characters. */
export function quoteHeader(names: string[], max = 2000): string {
  const { shown, rest, total } = headerParts(names, max);
  const n = (k: number) => `${k} column${k === 1 ? '' : 's'}`;
  return `${shown}${rest ? `, … (+${n(rest)})` : ''} (${n(total)})`;
}

/**
 * The refusal for a file of no known format, keyed (message-parts.ts): closest formats and what each
 * lacked, the header, a way out. {near} and {header} are the English; near1..near3 (JSON: the format
 * and its missing Needs) and headerShown/headerRest/headerTotal let the dashboard say them in Chinese.
 */
export function unknownFormat(s: Sample, headerNames: string[], fileName: string): MessagePart {
  const nearest = nearestFormats(s);
  const near = nearest.map((f) => `${f.name} (missing ${f.missing.map(needText).join('; ')})`).join(', ');
  // A record in place of a header means the file has none: a mapping then needs header: false + columns.
  const noHeader = looksLikeRecord(headerNames);
  const quoted = firstLineShown(headerNames);
  const header = quoteHeader(quoted);
  const { shown, rest, total } = headerParts(quoted);
  const keyed = Object.fromEntries(nearest.map((f, i) => [`near${i + 1}`, JSON.stringify([f.name, f.missing])]));
  return part(noHeader ? 'unknown_format_no_header' : 'unknown_format', {
    near,
    header,
    file: fileName,
    ...keyed,
    headerShown: shown,
    headerRest: rest,
    headerTotal: total,
  });
}
