import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export class UploadTooLarge extends Error {}
export class BadUpload extends Error {}

export interface ReceivedUpload {
  /** Where the bytes are: a server-made name under <dataDir>/uploads, never the client's. */
  path: string;
  /** The client's file name, for display and the ingest log only. */
  clientName: string;
  fields: Record<string, string>;
}

// Keep only an allow-listed extension from the client name: readers look at .gz and .json.
const EXTENSION = /\.(csv|tsv|txt|json|jsonl|ndjson|parquet)(\.gz)?$/i;

/**
 * Streams one multipart upload (field `file`, plus small text fields) to disk, stopping at
 * maxBytes. The client's file name is kept as text only; the path is a random id.
 */
export async function receiveUpload(
  body: WebReadableStream<Uint8Array> | null, contentType: string, dir: string, maxBytes: number,
): Promise<ReceivedUpload> {
  if (!body) throw new BadUpload('empty request body');
  mkdirSync(dir, { recursive: true });
  const bb = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 256 * 1024 } });
  const fields: Record<string, string> = {};
  interface Saved { path: string; clientName: string; done: Promise<void>; truncated: () => boolean }
  const box: { saved: Saved | null } = { saved: null };
  bb.on('field', (name, value) => {
    if (/^[a-z]{1,20}$/.test(name)) fields[name] = value;
  });
  bb.on('file', (name, stream, info) => {
    if (name !== 'file' || box.saved) {
      stream.resume();
      return;
    }
    const ext = EXTENSION.exec(info.filename ?? '')?.[0]?.toLowerCase() ?? '';
    const path = join(dir, `${randomUUID()}${ext}`);
    let truncated = false;
    stream.on('limit', () => (truncated = true));
    const done = pipeline(stream, createWriteStream(path));
    done.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    box.saved = { path, clientName: (info.filename ?? 'upload').slice(0, 200), done, truncated: () => truncated };
  });
  try {
    await pipeline(Readable.fromWeb(body), bb);
    const file = box.saved;
    if (!file) throw new BadUpload('no file: send multipart/form-data with the file in a field named "file"');
    await file.done;
    if (file.truncated()) throw new UploadTooLarge();
    return { path: file.path, clientName: file.clientName, fields };
  } catch (err) {
    const file = box.saved;
    if (file) rmSync(file.path, { force: true });
    if (err instanceof UploadTooLarge || err instanceof BadUpload) throw err;
    throw new BadUpload(`could not read the upload: ${(err as Error).message}`);
  }
}
