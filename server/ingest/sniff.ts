import { open } from 'node:fs/promises';
import { gunzipSync, constants as zc } from 'node:zlib';

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
}

/** A file we refuse before reading any rows; the message names the file and the reason. */
export class UnreadableFileError extends Error {}

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

/** The first bytes of the (decompressed) content; a truncated gzip sample is fine. */
function inflateHead(raw: Buffer): Buffer {
  try {
    return gunzipSync(raw, { finishFlush: zc.Z_SYNC_FLUSH }).subarray(0, SAMPLE_BYTES);
  } catch {
    throw new UnreadableFileError('gzip header found but the data does not decompress');
  }
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
  if (raw.length === 0) throw new UnreadableFileError('the file is empty');
  const gzip = raw[0] === 0x1f && raw[1] === 0x8b;
  const body = gzip ? inflateHead(raw) : raw;
  if (body.subarray(0, 4).toString('latin1') === 'PAR1') {
    if (gzip) throw new UnreadableFileError('gzip-compressed Parquet is not supported; Parquet compresses itself');
    return { format: 'parquet', gzip, encoding: null, bom: false, firstLine: '', text: '' };
  }
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) {
    throw new UnreadableFileError('UTF-16 text is not supported: save the export as UTF-8 or GB18030');
  }
  const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  const text = bom ? body.subarray(3) : body;
  let encoding: TextEncoding;
  let decoded = decodes(trimPartialUtf8(text), 'utf-8');
  if (decoded !== null) encoding = 'utf-8';
  else {
    // GB18030 is a superset of GBK/GB2312; a lead byte cut at the sample end is tolerated.
    decoded = decodes(text.subarray(0, text.length - 1), 'gb18030');
    if (decoded === null || !looksLikeText(decoded)) {
      const at = firstInvalidUtf8(text);
      throw new UnreadableFileError(
        `not UTF-8 or GB18030/GBK text (invalid byte 0x${text[at]?.toString(16).padStart(2, '0')} at offset ${at}); re-export as UTF-8`,
      );
    }
    encoding = 'gb18030';
  }
  if (!looksLikeText(decoded)) throw new UnreadableFileError('binary content: not a CDR text file');
  const first = decoded.trimStart()[0];
  const jsonByName = /\.(jsonl|ndjson|json)(\.gz)?$/i.test(fileName);
  if (first === '[') throw new UnreadableFileError('a JSON array file: write one JSON object per line (JSON lines) instead');
  if (first !== '{' && jsonByName) throw new UnreadableFileError('not JSON lines: the first line is not a JSON object');
  const format: FileFormat = first === '{' ? 'json' : 'csv';
  return { format, gzip, encoding, bom, firstLine: decoded.split(/\r?\n/, 1)[0]!, text: decoded };
}

function firstInvalidUtf8(b: Buffer): number {
  let lo = 0;
  let hi = b.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (decodes(trimPartialUtf8(b.subarray(0, mid)), 'utf-8') === null) hi = mid;
    else lo = mid;
  }
  return hi - 1;
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
        if (quoted && line[i + 1] === '"') (cur += '"'), i++;
        else quoted = !quoted;
      } else if (ch === d && !quoted) names.push(cur), (cur = '');
      else cur += ch;
    }
    names.push(cur);
    if (names.length > best.names.length) best = { delimiter: d, names };
  }
  return best;
}
