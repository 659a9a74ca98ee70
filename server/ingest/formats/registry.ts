import { asteriskCdrCsv, asteriskCdrCustom, asteriskDb } from './asterisk.ts';
import { cnExport } from './cn-export.ts';
import { connectCtr } from './connect.ts';
import { looseName, splitCsvLine } from './csv-line.ts';
import { freeswitchCdrCsv } from './freeswitch.ts';
import { layoutBody, withLayoutHeader } from './layout-header.ts';
import { twilioCalls, twilioInsights } from './twilio.ts';
import type { FormatPlan, Sample } from './types.ts';
import { vicidial } from './vicidial.ts';

export interface CallFormat {
  name: string;
  detect(s: Sample): boolean;
  plan(s: Sample): FormatPlan;
}

const DETECTED: CallFormat[] = [
  cnExport,
  twilioCalls,
  vicidial,
  asteriskDb,
  asteriskCdrCsv,
  asteriskCdrCustom,
  freeswitchCdrCsv,
  connectCtr,
];

/**
 * Dialer formats read by mapping (format_map.sql), in detection order: specific before general.
 * Each also reads its records below a header naming its layout (a headerless format's rejects
 * file, layout-header.ts), by the header.
 */
export const CALL_FORMATS: CallFormat[] = DETECTED.map(withLayoutHeader);

/** Names `--format` accepts. */
export const FORMAT_NAMES = [
  'canonical',
  ...CALL_FORMATS.map((f) => f.name),
  twilioInsights.name,
  'dim_scripts',
  'dim_caller_numbers',
  'dim_customers',
] as const;

export type Detected =
  | { kind: 'canonical' }
  | { kind: 'calls'; format: CallFormat }
  | { kind: 'evidence'; name: 'twilio_insights' }
  | { kind: 'dimension'; name: 'dim_scripts' | 'dim_caller_numbers' | 'dim_customers' };

/** Dimension files are told apart from CDRs by their header: keys and attributes, no call times. */
function dimensionOf(s: Sample): Detected | null {
  if (s.kind !== 'csv' || !s.lines[0]) return null;
  const h = new Set(splitCsvLine(s.lines[0], s.lines[0].includes('\t') ? '\t' : ',').map(looseName));
  if (h.has('startedat') || h.has('callid')) return null;
  if (h.has('scriptid') && ['openingline', 'openinglinetext', 'text', 'scripttext', 'opening'].some((n) => h.has(n)))
    return { kind: 'dimension', name: 'dim_scripts' };
  if (h.has('callernumber') && h.has('numbertag')) return { kind: 'dimension', name: 'dim_caller_numbers' };
  // A customers file must say something about segments: a bare phone list could be anything
  // (load it with --format dim_customers).
  if (
    (h.has('calleeid') || h.has('phone') || h.has('calleephone')) &&
    (h.has('segment') || h.has('ageband') || h.has('age'))
  ) {
    return { kind: 'dimension', name: 'dim_customers' };
  }
  return null;
}

function isCanonical(s: Sample): boolean {
  if (s.kind === 'json') return !!s.firstObject && 'call_id' in s.firstObject && 'started_at' in s.firstObject;
  const h = new Set(splitCsvLine(s.lines[0] ?? '').map(looseName));
  return h.has('callid') && h.has('startedat') && h.has('disposition');
}

/** Picks a reader for a file from its first lines; canonical is the fallback (it names what is missing). */
export function detectFormat(s: Sample): Detected {
  if (twilioInsights.detect(s)) return { kind: 'evidence', name: 'twilio_insights' };
  const dim = dimensionOf(s);
  if (dim) return dim;
  if (isCanonical(s)) return { kind: 'canonical' };
  // A headerless format's records under a header naming its layout first: asterisk_db would claim
  // an Asterisk cdr-csv layout with a header (the same rules under another name).
  const headed = DETECTED.findIndex((f) => layoutBody(s, f) !== null);
  const format = headed >= 0 ? CALL_FORMATS[headed] : CALL_FORMATS.find((f) => f.detect(s));
  return format ? { kind: 'calls', format } : { kind: 'canonical' };
}

/** The reader for a `--format NAME` override. */
export function formatByName(name: string): Detected | null {
  if (name === 'canonical') return { kind: 'canonical' };
  if (name === 'twilio_insights') return { kind: 'evidence', name };
  if (name === 'dim_scripts' || name === 'dim_caller_numbers' || name === 'dim_customers')
    return { kind: 'dimension', name };
  const format = CALL_FORMATS.find((f) => f.name === name);
  return format ? { kind: 'calls', format } : null;
}
