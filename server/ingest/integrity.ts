import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { ProgressFn } from './progress.ts';
import { part } from './message-parts.ts';
import { UnreadableFileError } from './sniff.ts';

/** A field longer than this rejects its row; a setting (IngestOptions.maxFieldBytes). */
export const MAX_FIELD_BYTES = 1024 * 1024;
/** A line longer than this refuses the file: the CSV reader would need a buffer that large. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const KEEP_LONG_LINES = 10_000;

export interface Scan {
  sha256: string;
  /** Physical lines (1-based, of the decompressed text) longer than the field limit, with their length. */
  longLines: { line: number; bytes: number }[];
  /** Bytes of the longest line. */
  longest: number;
}

/**
 * One pass over the file: its sha256, and for a gzip file the whole stream inflated with its CRC
 * and length checked (a truncated upload used to load as far as it went), and the lines too long
 * for the field limit, so their rows can be refused one by one instead of failing the file.
 */
export async function scanFile(path: string, progress: ProgressFn, maxFieldBytes = MAX_FIELD_BYTES): Promise<Scan> {
  const h = createHash('sha256');
  const size = statSync(path).size || 1;
  const longLines: Scan['longLines'] = [];
  let line = 1;
  let cur = 0;
  let longest = 0;
  const lines = (b: Buffer) => {
    let from = 0;
    for (;;) {
      const nl = b.indexOf(0x0a, from);
      const len = (nl < 0 ? b.length : nl) - from;
      cur += len;
      if (nl < 0) break;
      endLine();
      from = nl + 1;
    }
  };
  const endLine = () => {
    if (cur > longest) longest = cur;
    if (cur > maxFieldBytes && longLines.length < KEEP_LONG_LINES) longLines.push({ line, bytes: cur });
    line++;
    cur = 0;
  };
  let done = 0;
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  let inflated: Promise<void> | null = null;
  let fed = 0;
  for await (const chunk of createReadStream(path)) {
    const b = chunk as Buffer;
    if (done === 0 && b[0] === 0x1f && b[1] === 0x8b) {
      gunzip = createGunzip();
      gunzip.on('data', (d: Buffer) => lines(d));
      inflated = new Promise((resolve, reject) => {
        gunzip!.on('end', resolve);
        gunzip!.on('error', (err: Error & { code?: string }) =>
          reject(
            err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)
              ? new UnreadableFileError(part('gzip_truncated', { size }))
              : new UnreadableFileError(part('gzip_corrupt', { error: err.message, bytes: fed })),
          ),
        );
      });
      inflated.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    }
    h.update(b);
    done += b.length;
    if (gunzip) {
      fed = done;
      if (gunzip.destroyed) break;
      if (!gunzip.write(b)) await new Promise((r) => gunzip!.once('drain', r));
    } else lines(b);
    progress('hashing', done / size);
  }
  if (gunzip) {
    if (!gunzip.destroyed) gunzip.end();
    await inflated;
  }
  if (cur > 0) endLine();
  if (longest > MAX_LINE_BYTES) {
    const l = longLines.find((x) => x.bytes === longest) ?? longLines[0];
    throw new UnreadableFileError(
      part('line_too_long', {
        line: String(l?.line),
        mb: (longest / 1048576).toFixed(0),
        max: MAX_LINE_BYTES / 1048576,
      }),
    );
  }
  return { sha256: h.digest('hex'), longLines, longest };
}

/** The CSV reader's max_line_size and buffer_size for a file whose longest line is `longest` bytes. */
export function readerLimits(longest: number): { maxLine: number; buffer: number } {
  const maxLine = Math.max(2 * 1024 * 1024, longest + 1024);
  return { maxLine, buffer: Math.max(32 * 1024 * 1024, 2 * maxLine) };
}
