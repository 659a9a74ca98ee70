import busboy from 'busboy';
import { UPLOAD_FIELD_MAX_BYTES } from '../contract/ingests.ts';
import { randomUUID } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export class UploadTooLarge extends Error {}
export class BadUpload extends Error {}
/** The client stopped sending in the middle of the body (a slow or stuck connection holds a socket). */
export class UploadStalled extends BadUpload {}

// Beside each upload while it exists: the client's name and when it arrived, so an upload left
// behind by a killed server can be named in the history (sweepOrphanUploads).
const SIDECAR = '.upload.json';

/** Removes an upload and its note once it has been ingested or refused. */
export function forgetUpload(path: string): void {
  rmSync(path, { force: true });
  rmSync(path + SIDECAR, { force: true });
}

export interface OrphanUpload {
  clientName: string;
  receivedAt: string | null;
  bytes: number;
}

/**
 * At start no upload can be in flight, so every file in <dataDir>/uploads is one a killed server
 * left behind: removed here, and returned so the caller can write its history row.
 */
export function sweepOrphanUploads(dir: string): OrphanUpload[] {
  if (!existsSync(dir)) return [];
  const out: OrphanUpload[] = [];
  for (const name of readdirSync(dir)) {
    if (name.endsWith(SIDECAR)) continue;
    const path = join(dir, name);
    let note: { clientName?: string; receivedAt?: string } = {};
    try {
      note = JSON.parse(readFileSync(path + SIDECAR, 'utf8')) as typeof note;
    } catch {
      // no note (killed before it was written): the server-made name is all there is
    }
    const bytes = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    out.push({ clientName: String(note.clientName ?? name).slice(0, 200), receivedAt: note.receivedAt ?? null, bytes });
    forgetUpload(path);
  }
  for (const name of readdirSync(dir)) if (name.endsWith(SIDECAR)) rmSync(join(dir, name), { force: true });
  return out;
}

/** Passes bytes through; fails when none arrive for `ms`. */
function idleWatch(ms: number): Transform {
  const t: Transform = new Transform({
    transform(chunk, _enc, cb) {
      timer.refresh();
      cb(null, chunk);
    },
    flush(cb) {
      clearTimeout(timer);
      cb();
    },
    destroy(err, cb) {
      clearTimeout(timer);
      cb(err);
    },
  });
  // Declared after the stream: its callbacks only run once bytes flow, after this line.
  const timer = setTimeout(
    () => t.destroy(new UploadStalled(`the upload stalled: no bytes for ${Math.round(ms / 1000)} s`)),
    ms,
  );
  return t;
}

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
  body: WebReadableStream<Uint8Array> | null,
  contentType: string,
  dir: string,
  maxBytes: number,
  idleMs = 30_000,
): Promise<ReceivedUpload> {
  if (!body) throw new BadUpload('empty request body');
  mkdirSync(dir, { recursive: true });
  let bb: ReturnType<typeof busboy>;
  try {
    bb = busboy({
      headers: { 'content-type': contentType },
      limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: UPLOAD_FIELD_MAX_BYTES },
    });
  } catch (err) {
    // "Multipart: Boundary not found" and other header faults are the client's: a 400, not a 500.
    throw new BadUpload(`bad multipart request: ${(err as Error).message}`);
  }
  const fields: Record<string, string> = {};
  interface Saved {
    path: string;
    clientName: string;
    done: Promise<void>;
    truncated: () => boolean;
  }
  const box: { saved: Saved | null } = { saved: null };
  let cut: string | null = null;
  bb.on('field', (name, value, info) => {
    // busboy cuts a field at fieldSize and says so: a half-read mapping must not load.
    if (info.valueTruncated) cut ??= name.slice(0, 40);
    else if (/^[a-zA-Z]{1,20}$/.test(name)) fields[name] = value;
  });
  bb.on('file', (name, stream, info) => {
    if (name !== 'file' || box.saved) {
      stream.resume();
      return;
    }
    const ext = EXTENSION.exec(info.filename ?? '')?.[0]?.toLowerCase() ?? '';
    const path = join(dir, `${randomUUID()}${ext}`);
    writeFileSync(
      path + SIDECAR,
      JSON.stringify({ clientName: (info.filename ?? 'upload').slice(0, 200), receivedAt: new Date().toISOString() }),
    );
    let truncated = false;
    stream.on('limit', () => (truncated = true));
    const done = pipeline(stream, createWriteStream(path));
    done.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    box.saved = { path, clientName: (info.filename ?? 'upload').slice(0, 200), done, truncated: () => truncated };
  });
  try {
    await pipeline(Readable.fromWeb(body), idleWatch(idleMs), bb);
    const file = box.saved;
    if (!file) throw new BadUpload('no file: send multipart/form-data with the file in a field named "file"');
    await file.done;
    if (cut !== null) throw new BadUpload(`field "${cut}" is over ${UPLOAD_FIELD_MAX_BYTES / 1024} KiB`);
    if (file.truncated()) throw new UploadTooLarge();
    return { path: file.path, clientName: file.clientName, fields };
  } catch (err) {
    const file = box.saved;
    if (file) forgetUpload(file.path);
    if (err instanceof UploadTooLarge || err instanceof BadUpload) throw err;
    throw new BadUpload(`could not read the upload: ${(err as Error).message}`);
  }
}
