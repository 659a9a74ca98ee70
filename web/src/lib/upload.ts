// Pure logic of the /data upload: progress of one file, and what to say when it fails.
import type { MessagePart } from '../../../server/contract/ingests.ts';
import { joinSentences } from '../../../server/contract/ingest-message-text.ts';
import { FORMAT_NEEDS_EN } from '../../../server/contract/ingest-messages.en.ts';
import { reasonParts } from '../../../server/contract/reject-reasons.ts';
import { valueShape } from '../../../server/contract/value-shape.ts';
import { formatFor } from './format.ts';
import { translate, valueLabel, type Lang, type MessageKey } from './i18n.ts';
import type { IngestJob, IngestReport } from './upload-types.ts';

/**
 * Every moment the Data page writes (a file's ingest time, the audit log's, the earlier ingest a
 * repeated file matches, a deletion's), one way: the page language's date and time in the reader's
 * timezone ("2026年12月4日 08:53", "Dec 4, 2026, 8:53 AM"), whatever form the server sent it in
 * ("2026-12-04 08:53:08+08", "2026-12-04T00:53:08.899Z"). Text that is no time stays as it is.
 */
export function when(lang: Lang, iso: string): string {
  return formatFor(lang).dateTime(iso);
}

/** Where one file is: sending its bytes, then the server's job phases (README "Ingest routes"). */
export type Phase =
  'uploading' | 'queued' | 'hashing' | 'transcoding' | 'reading' | 'checking' | 'storing' | 'working' | 'done';

// Share of the bar each phase fills. Sending dominates for remote servers, storing for big files;
// a fixed split keeps the bar moving forward only, which matters more than exact proportions.
const BANDS: Record<Phase, [number, number]> = {
  uploading: [0, 0.3],
  queued: [0.3, 0.3],
  hashing: [0.3, 0.4],
  transcoding: [0.4, 0.5],
  reading: [0.5, 0.7],
  checking: [0.7, 0.85],
  storing: [0.85, 1],
  working: [0.3, 0.3],
  done: [1, 1],
};

/** The phase of a job as the server names it ("transcoding GB18030" is one phase). */
export function phaseOf(job: { state: string; phase: string | null }): Phase {
  if (job.state === 'done' || job.state === 'failed') return 'done';
  if (job.phase === null) return job.state === 'queued' ? 'queued' : 'working';
  const name = job.phase.split(' ')[0]!;
  return name in BANDS ? (name as Phase) : 'working';
}

export interface Progress {
  phase: Phase;
  /** 0..1 of the whole file (upload and load). */
  overall: number;
}

/**
 * The bar for a phase and the fraction of it done (null: not measurable, the bar waits at the
 * phase's start). `previous` keeps it from moving back when DuckDB restarts its count.
 */
export function progressOf(phase: Phase, fraction: number | null, previous = 0): Progress {
  const [from, to] = BANDS[phase];
  const f = fraction === null || Number.isNaN(fraction) ? 0 : Math.min(1, Math.max(0, fraction));
  return { phase, overall: Math.max(previous, from + (to - from) * f) };
}

/** The message key of each phase, shown next to the bar. */
export const PHASE_KEYS: Record<Phase, MessageKey> = {
  uploading: 'upload.phase.uploading',
  queued: 'upload.phase.queued',
  hashing: 'upload.phase.hashing',
  transcoding: 'upload.phase.transcoding',
  reading: 'upload.phase.reading',
  checking: 'upload.phase.checking',
  storing: 'upload.phase.storing',
  working: 'upload.phase.working',
  done: 'upload.phase.done',
};

/** Why a file did not load, in terms the page can explain. */
export type UploadFailure =
  /** The API answered with an error (413, 400, 401, 403, 5xx); `body` is its JSON, if any. */
  | { kind: 'http'; status: number; body: { error?: string | null; maxUploadBytes?: number } | null }
  /** No answer at all (server down, connection cut). */
  | { kind: 'network'; message: string }
  /** The job ran and the file could not be read (job.error names the reason). */
  | { kind: 'unreadable'; reason: string | null }
  /** The server no longer knows the job (restarted). */
  | { kind: 'lost' };

/**
 * What a finished job shows: its report whenever the server wrote one, a file it could not read
 * included (the report's message parts read in the page's language, whole, as in the history);
 * only a job that died without a report falls back to its error, the server's English line.
 */
export function jobResult(
  job: Pick<IngestJob, 'state' | 'report' | 'error'>,
): { report: IngestReport; failure: null } | { report: null; failure: UploadFailure } {
  if (job.report) return { report: job.report, failure: null };
  return { report: null, failure: { kind: 'unreadable', reason: job.error } };
}

/** One number of an upload's result card. */
export interface ResultCount {
  key: 'rowsRead' | 'calls' | 'folded' | 'inserted' | 'duplicates' | 'rejected' | 'inbound' | 'unknownParty';
  label: MessageKey;
  value: number;
}

/**
 * The counts of a loaded file's card, every bucket of the report so the card adds up as the
 * history does: rows read = calls + folded, calls = inserted + duplicates + rejected + inbound
 * (inbound calls are counted apart, never stored); then the answered calls stored without a
 * hang-up party. In the history's column order. A dimension file has rows, not calls: only what
 * it stored, repeated and refused (the history leaves its call counts empty).
 */
export function resultCounts(r: IngestReport): ResultCount[] {
  const count = (key: ResultCount['key'], label: MessageKey, value: number | undefined): ResultCount => ({
    key,
    label,
    value: value ?? 0,
  });
  const stored = [
    count('inserted', 'data.inserted', r.inserted),
    count('duplicates', 'data.duplicates', r.duplicates),
    count('rejected', 'data.rejected', r.rejected),
  ];
  if (r.kind !== 'calls') return [count('rowsRead', 'data.rowsRead', r.rowsRead), ...stored];
  return [
    count('rowsRead', 'data.rowsRead', r.rowsRead),
    count('calls', 'data.calls', r.calls),
    count('folded', 'data.folded', r.folded),
    ...stored,
    count('inbound', 'data.inbound', r.inbound),
    count('unknownParty', 'data.unknownParty', r.unknownParty),
  ];
}

export interface Text {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** What to say for a failure; `limitBytes` is the server's upload limit when the 413 body lacks it. */
export function failureText(f: UploadFailure, lang: Lang, limitBytes?: number): Text {
  if (f.kind === 'network') return { key: 'upload.err.network', vars: { reason: f.message } };
  if (f.kind === 'lost') return { key: 'upload.err.lost' };
  if (f.kind === 'unreadable') return { key: 'upload.err.unreadable', vars: { reason: f.reason ?? '' } };
  const reason = f.body?.error ?? '';
  switch (f.status) {
    case 413: {
      const limit = f.body?.maxUploadBytes ?? limitBytes;
      return limit
        ? { key: 'upload.err.tooLarge', vars: { limit: formatBytes(limit, lang) } }
        : { key: 'upload.err.tooLargeNoLimit' };
    }
    case 401:
      return { key: 'upload.err.token' };
    case 403:
      return { key: 'upload.err.off', vars: { reason } };
    case 400: {
      // The More options fields, as the route names them ("mapping: not JSON or YAML: …", "timezone: not an IANA …").
      const field = /^(mapping|timezone|dateOrder): (.*)$/s.exec(reason);
      if (field)
        return { key: `upload.err.${field[1] as 'mapping' | 'timezone' | 'dateOrder'}`, vars: { reason: field[2]! } };
      return { key: 'upload.err.refused', vars: { reason } };
    }
    case 404:
    case 409:
      return { key: 'upload.err.refused', vars: { reason } };
    default:
      return { key: 'upload.err.server', vars: { status: f.status, reason: reason || '–' } };
  }
}

/**
 * An ingest message in the reader's language: each part as ingest.msg.<code> with its args (a
 * `what` arg names an ingest.msg.what.* text, an `order` arg an ingest.msg.order.* text), or as
 * ingest.web.<code> where the page has its own advice (its controls rather than the CLI's flags).
 * The server's English message stands instead when there are no parts (rows from before migration
 * 002) or a part's code has no text here (a newer server). Text quoted inside an arg (DuckDB's
 * words, a file's column names) stays as is; the fixed words around them (what a near format
 * lacks, the column count) are translated.
 */
export function ingestMessage(
  lang: Lang,
  message: string | null,
  parts: readonly MessagePart[] | null | undefined,
): string {
  if (!parts?.length) return message ?? '';
  const texts: string[] = [];
  for (const p of parts) {
    const web = `ingest.web.${p.code}` as MessageKey;
    const key = translate(lang, web) === web ? (`ingest.msg.${p.code}` as MessageKey) : web;
    const args = { ...p.args };
    // A moment (repeated, deleted, upload_interrupted_at) as every other time on the page.
    if (typeof args.at === 'string') args.at = when(lang, args.at);
    if (typeof args.what === 'string') {
      const what = `ingest.msg.what.${args.what}` as MessageKey;
      if (translate(lang, what) === what) return message ?? '';
      args.what = translate(lang, what);
    }
    if (typeof args.order === 'string') {
      const order = `ingest.msg.order.${args.order}` as MessageKey;
      if (translate(lang, order) === order) return message ?? '';
      args.order = translate(lang, order);
    }
    if (p.code === 'unknown_format' || p.code === 'unknown_format_no_header') {
      args.near = nearText(lang, args) ?? args.near ?? '';
      args.header = headerText(lang, args, p.code === 'unknown_format_no_header') ?? args.header ?? '';
    }
    if (p.code === 'dim_refused' && typeof args.reasons === 'string') args.reasons = refusedText(lang, args.reasons);
    const text = translate(lang, key, args);
    if (text === key) return message ?? '';
    texts.push(text);
  }
  return joinSentences(texts, lang === 'zh-CN' ? '；' : '; ');
}

type Args = MessagePart['args'];

/**
 * unknown_format's closest formats from its near1..near3 args (explain.ts), or, for rows stored
 * before those, read back from the English {near}; null when neither can be read.
 */
function nearText(lang: Lang, args: Args): string | null {
  const near: string[] = [];
  const keyed = ['near1', 'near2', 'near3'].filter((k) => args[k] !== undefined).map((k) => String(args[k]));
  for (const json of keyed.length ? keyed : (parseNear(String(args.near ?? '')) ?? [])) {
    try {
      const [format, missing] = JSON.parse(json) as [string, [string, Args?][]];
      const needs = missing.map(([kind, a]) => {
        const key = `ingest.need.${kind}` as MessageKey;
        const text = translate(lang, key, a ?? {});
        if (text === key) throw new Error(`unknown requirement ${kind}`);
        return text;
      });
      near.push(
        translate(lang, 'ingest.near', {
          format: valueLabel(lang, 'format', format),
          missing: needs.join(translate(lang, 'ingest.need.join')),
        }),
      );
    } catch {
      return null;
    }
  }
  return near.length ? near.join(translate(lang, 'ingest.near.join')) : null;
}

// Each requirement's English text as a pattern, the most specific (most fixed words) first:
// "{n} fields without a header" would also match "16 to 21 fields…", and "{name}" anything.
const fixed = (text: string) => text.replace(/\{\w+\}/g, '').length;
const NEED_PATTERNS = Object.entries(FORMAT_NEEDS_EN)
  .sort(([, a], [, b]) => fixed(b) - fixed(a))
  .map(([kind, text]) => {
    const names: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((bit) => {
        const name = /^\{(\w+)\}$/.exec(bit)?.[1];
        if (!name) return bit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { kind, names, re: new RegExp(`^${source}$`) };
  });

/** An English {near} ("canonical (missing call_id; started_at), ...") as near1..3 JSON; null if it does not read. */
function parseNear(near: string): string[] | null {
  const formats = near.split(/\), (?=\w+ \(missing )/);
  const out: string[] = [];
  for (const [i, f] of formats.entries()) {
    const m = /^(\w+) \(missing (.*)$/.exec(i === formats.length - 1 ? f.replace(/\)$/, '') : f);
    if (!m) return null;
    const needs = m[2]!.split('; ').map((text) => {
      for (const p of NEED_PATTERNS) {
        const hit = p.re.exec(text);
        if (hit) return [p.kind, Object.fromEntries(p.names.map((n, k) => [n, hit[k + 1]!]))];
      }
      return null;
    });
    if (needs.includes(null)) return null;
    out.push(JSON.stringify([m[1], needs]));
  }
  return out;
}

/**
 * The quoted header with its column count in the reader's language (older rows: read back from the
 * English). A first line that is a record (`record`) shows its values' shapes only, whatever the
 * row stored: rows from before the server shaped them hold the values themselves.
 */
function headerText(lang: Lang, args: Args, record: boolean): string | null {
  const header = String(args.header ?? '');
  const old = /^(.*?)(?:, … \(\+(\d+) columns?\))? \((\d+) columns?\)$/s.exec(header);
  const found =
    args.headerShown !== undefined && args.headerTotal !== undefined
      ? { shown: String(args.headerShown), rest: args.headerRest ?? 0, total: args.headerTotal }
      : old
        ? { shown: old[1]!, rest: Number(old[2] ?? 0), total: Number(old[3]) }
        : null;
  if (!found) return record ? valueShape(header) : null;
  const vars = record ? { ...found, shown: valueShape(found.shown) } : found;
  // English keeps the server's own wording ("1 column"); only a Chinese reader needs it rebuilt.
  if (lang === 'en') return record && old ? valueShape(old[1]!) + header.slice(old[1]!.length) : null;
  return translate(lang, Number(vars.rest) ? 'ingest.headerCut' : 'ingest.header', vars);
}

/** An old dim_refused part's English reasons ("key column missing or empty; ...") in the reader's language. */
function refusedText(lang: Lang, reasons: string): string {
  return reasonParts(reasons)
    .map((r) => {
      if (r === 'key column missing or empty') return translate(lang, 'ingest.refused.key');
      if (r === 'number_tag missing') return translate(lang, 'ingest.refused.tag');
      const date = /^from_date: not a date: "(.*)"$/.exec(r);
      return date ? translate(lang, 'ingest.refused.date', { value: date[1]! }) : r;
    })
    .join(lang === 'zh-CN' ? '；' : '; ');
}

/** The earlier ingest a repeated file matched, from its `repeated` message part (null: none). */
export function repeatedOf(parts: MessagePart[] | null | undefined): { id: number; file: string; at: string } | null {
  const a = parts?.find((p) => p.code === 'repeated')?.args;
  return a && Number.isInteger(Number(a.id))
    ? { id: Number(a.id), file: String(a.file ?? ''), at: String(a.at ?? '') }
    : null;
}

/** A size limit in MiB, as the server states it ("512 MiB"); KiB below 1 MiB. */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] = bytes < 1_048_576 ? [bytes / 1024, 'KiB'] : [bytes / 1_048_576, 'MiB'];
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  return `${n} ${unit}`;
}

/** Time an ingest took: "0.4 s" / "1 min 5 s" (localized units). */
export function formatDuration(ms: number | null | undefined, lang: Lang): string {
  if (ms == null || Number.isNaN(ms)) return '–';
  const unit = (u: 'second' | 'minute', digits = 0) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
  const s = ms / 1000;
  if (s < 60) return unit('second', s < 1 ? 2 : s < 10 ? 1 : 0).format(s);
  const min = Math.floor(s / 60);
  const rest = Math.round(s - min * 60);
  return rest ? `${unit('minute').format(min)} ${unit('second').format(rest)}` : unit('minute').format(min);
}

/**
 * The server's reason for refusing writes, shown under the page's own (translated) headline
 * "uploads and deletions are off": without repeating those words.
 */
export function offReason(reason: string | null): string {
  const rest = (reason ?? '').replace(/^uploads and deletions are off:\s*/i, '').trim();
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The header that carries the upload token on writes (README: the write rule). */
export function tokenHeaders(token: string | null | undefined): Record<string, string> {
  const t = token?.trim();
  return t ? { authorization: `Bearer ${t}` } : {};
}
