import { open } from 'node:fs/promises';
import { createGunzip, constants as zc } from 'node:zlib';
import { part, renderPart, type MessagePart } from './message-parts.ts';

export type FileFormat = 'csv' | 'json' | 'parquet';
export type TextEncoding = 'utf-8' | 'gb18030';

export interface Sniffed {
  format: FileFormat;
  gzip: boolean;
  /** null for Parquet (binary by design). */
  encoding: TextEncoding | null;
  bom: boolean;
  /** First line of the decoded text (CSV header), without BOM or line end. */
  firstLine: string;
  /** The decoded start of the text (for format detection); '' for Parquet. */
  text: string;
  /** The sample is the whole file (a header-only file is then known to have no rows). */
  complete: boolean;
  /** JSON whose top level is an array of objects, not JSON lines. */
  jsonArray?: boolean;
}

/** How format_read_json.sql reads a JSON file's records: an array's elements, or objects as they come. */
export type JsonLayout = 'array' | 'unstructured';
export const jsonLayout = (s: Pick<Sniffed, 'jsonArray'>): JsonLayout => (s.jsonArray ? 'array' : 'unstructured');

/** A file we refuse before reading any rows; the message names the file and the reason. */
export class UnreadableFileError extends Error {
  /** The reason keyed for translation (message-parts.ts); `message` is its English text. */
  constructor(readonly part: MessagePart) {
    super(renderPart(part));
  }
}

const SAMPLE_BYTES = 256 * 1024;

async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The first bytes of the (decompressed) content, never more than SAMPLE_BYTES of output however
 * well the data compresses (a gzip-9 bomb inflated whole took 810 MB): a stream stopped at the
 * limit. A truncated gzip sample is fine. `complete`: the whole content fitted.
 */
function inflateHead(raw: Buffer): Promise<{ body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    let len = 0;
    let settled = false;
    const gz = createGunzip({ finishFlush: zc.Z_SYNC_FLUSH, chunkSize: 64 * 1024 });
    const finish = (complete: boolean) => {
      if (settled) return;
      settled = true;
      gz.destroy();
      resolve({ body: Buffer.concat(out).subarray(0, SAMPLE_BYTES), complete });
    };
    gz.on('data', (d: Buffer) => {
      out.push(d);
      len += d.length;
      if (len >= SAMPLE_BYTES) finish(false);
    });
    gz.on('end', () => finish(true));
    gz.on('error', () => {
      if (settled) return;
      if (len > 0) finish(false);
      else {
        settled = true;
        reject(new UnreadableFileError(part('gzip_bad_header')));
      }
    });
    gz.end(raw);
  });
}

/** Cuts a sample back to a UTF-8 character boundary so a split character is not "invalid". */
function trimPartialUtf8(b: Buffer): Buffer {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const c = b[end - i]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) end -= i;
    break;
  }
  return b.subarray(0, end);
}

function decodes(b: Buffer, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** Text that decoded "successfully" but is full of control characters is not a CDR export. */
function looksLikeText(s: string): boolean {
  let bad = 0;
  for (const ch of s.slice(0, 20000)) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  return bad === 0;
}

/** Detects container (gzip), format (Parquet magic, JSON lines, else CSV) and text encoding. */
export async function sniffFile(path: string, fileName: string): Promise<Sniffed> {
  const raw = await head(path);
  if (raw.length === 0) throw new UnreadableFileError(part('empty_file'));
  const gzip = raw[0] === 0x1f && raw[1] === 0x8b;
  const inflated = gzip ? await inflateHead(raw) : { body: raw, complete: raw.length < SAMPLE_BYTES };
  const body = inflated.body;
  // A gzip sample is complete only when the compressed file was read whole too.
  const complete = inflated.complete && raw.length < SAMPLE_BYTES;
  if (body.subarray(0, 4).toString('latin1') === 'PAR1') {
    if (gzip) throw new UnreadableFileError(part('gzip_parquet'));
    return { format: 'parquet', gzip, encoding: null, bom: false, firstLine: '', text: '', complete };
  }
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    throw new UnreadableFileError(part('utf16'));
  }
  const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  const text = bom ? body.subarray(3) : body;
  let encoding: TextEncoding;
  let decoded = decodes(trimPartialUtf8(text), 'utf-8');
  if (decoded !== null) encoding = 'utf-8';
  else {
    // GB18030 is a superset of GBK/GB2312; a lead byte cut at the sample end is tolerated. Any
    // byte string of high bytes decodes as *something* in GB18030, so a file counts as Chinese
    // text only when what it decodes to is Chinese (an ASCII file with a few stray 0xA5 bytes
    // would otherwise become katakana and be accepted).
    decoded = decodes(text.subarray(0, text.length - 1), 'gb18030');
    if (decoded === null || !looksLikeText(decoded) || !looksChinese(decoded)) {
      const at = firstInvalidUtf8(text);
      const offset = at + (bom ? 3 : 0);
      const line = text.subarray(0, at).reduce((n, c) => n + (c === 0x0a ? 1 : 0), 1);
      const byte = `0x${text[at]?.toString(16).padStart(2, '0')}`;
      throw new UnreadableFileError(part(gzip ? 'bad_encoding_gzip' : 'bad_encoding', { byte, offset, line }));
    }
    encoding = 'gb18030';
  }
  if (!looksLikeText(decoded)) throw new UnreadableFileError(part('binary'));
  const first = decoded.trimStart()[0];
  const jsonByName = /\.(jsonl|ndjson|json)(\.gz)?$/i.test(fileName);
  // An array of objects (records collected into one document) reads as JSON; any other array does not.
  const objectArray = first === '[' && /^\[\s*\{/.test(decoded.trimStart());
  if (first === '[' && !objectArray) throw new UnreadableFileError(part('json_array'));
  if (first !== '{' && !objectArray && jsonByName) throw new UnreadableFileError(part('not_json_lines'));
  const format: FileFormat = first === '{' || objectArray ? 'json' : 'csv';
  const firstLine = decoded.split(/\r?\n/, 1)[0]!;
  if (format === 'csv') checkHeaderSize(firstLine, decoded);
  return { format, gzip, encoding, bom, firstLine, text: decoded, complete, jsonArray: objectArray };
}

/**
 * Offset of the first byte that breaks UTF-8 (a sequence cut by the end of the sample is not an
 * error). Scanned byte by byte: a bisection over decodes was one byte off after a lead byte.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return b.length; // cut at the sample end
      const d = b[i + k]!;
      // Second-byte limits: no overlong forms, no surrogates, nothing above U+10FFFF.
      const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
      if (d < lo || d > hi) return i + k;
    }
    i += n + 1;
  }
  return b.length;
}

/** Most characters beyond ASCII are Chinese (Han, CJK punctuation, full-width forms). */
function looksChinese(s: string): boolean {
  let high = 0;
  let cjk = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    high++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0xb7 ||
      c === 0xd7
    )
      cjk++;
  }
  return high === 0 || cjk / high >= 0.9;
}

/** Header limits: 10,000 columns took 1.1 GB to stage. */
export const MAX_COLUMNS = 2000;
export const MAX_HEADER_BYTES = 64 * 1024;

function checkHeaderSize(firstLine: string, text: string): void {
  if (firstLine.length > MAX_HEADER_BYTES || (firstLine.length === text.length && text.length >= SAMPLE_BYTES)) {
    throw new UnreadableFileError(part('header_too_long', { kb: MAX_HEADER_BYTES / 1024 }));
  }
  const n = splitHeader(firstLine).names.length;
  if (n > MAX_COLUMNS) throw new UnreadableFileError(part('too_many_columns', { n, max: MAX_COLUMNS }));
}

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Splits a CSV header line (quotes honoured) on the delimiter that yields the most columns.
 * Done here rather than by DuckDB's sniffer, which can misjudge a file whose rows are broken,
 * and a broken row must become a reject, not a refused file.
 */
export function splitHeader(line: string): { delimiter: string; names: string[] } {
  let best = { delimiter: ',', names: [line] };
  for (const d of DELIMITERS) {
    const names: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === '"') {
        if (quoted && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = !quoted;
      } else if (ch === d && !quoted) {
        names.push(cur);
        cur = '';
      } else cur += ch;
    }
    names.push(cur);
    if (names.length > best.names.length) best = { delimiter: d, names };
  }
  return best;
}
