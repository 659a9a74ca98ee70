import type { DateOrder } from '../../../server/contract/ingests.ts';
import { getJob, postFile, UploadError } from './upload-client.ts';
import { jobResult, phaseOf, progressOf, type Phase, type UploadFailure } from './upload.ts';
import type { IngestReport } from './upload-types.ts';

/** One dropped file on its way in: its bar while loading, then its report or its failure. */
export interface UploadItem {
  key: number;
  fileName: string;
  phase: Phase;
  /** 0..1 of the whole way (sending + loading). */
  overall: number;
  report: IngestReport | null;
  failure: UploadFailure | null;
}

export interface UploadOptions {
  format: string | null;
  /** The file's source timezone (IANA name); null: inferred by the server. */
  timezone?: string | null;
  /** A mapping file's text; it names the format itself. */
  mapping?: string | null;
  /** Day-first or month-first d/m/yyyy dates; null: the file's own dates decide. */
  dateOrder?: DateOrder | null;
  token: string | null;
  /** The server's limit: larger files are refused here, before sending them. */
  maxBytes: number;
}

const POLL_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Uploads files one after the other (the server loads one at a time anyway), polling each
 * job for the live bar. `onsettled` runs after every file the server took (loaded, repeated or
 * unreadable: each adds a history row), so the page can reload its data.
 */
export class Uploader {
  /** Newest first. */
  items = $state<UploadItem[]>([]);
  #queue: Promise<void> = Promise.resolve();
  #next = 0;

  constructor(private readonly onsettled: () => void) {}

  add(files: readonly File[], opts: UploadOptions): void {
    for (const file of files) {
      this.items.unshift({
        key: ++this.#next,
        fileName: file.name,
        phase: 'queued',
        overall: 0,
        report: null,
        failure: null,
      });
      const item = this.items[0]!; // the reactive proxy: changes to it redraw the page
      this.#queue = this.#queue.then(async () => {
        if (await this.#load(item, file, opts)) this.onsettled();
      });
    }
  }

  dismiss(key: number): void {
    this.items = this.items.filter((i) => i.key !== key);
  }

  #show(item: UploadItem, phase: Phase, fraction: number | null) {
    const p = progressOf(phase, fraction, item.overall);
    item.phase = p.phase;
    item.overall = p.overall;
  }

  /** Loads one file; answers whether it reached the server (and so may have changed the data). */
  async #load(item: UploadItem, file: File, opts: UploadOptions): Promise<boolean> {
    let reached = false;
    try {
      if (file.size > opts.maxBytes)
        throw new UploadError({ kind: 'http', status: 413, body: { maxUploadBytes: opts.maxBytes } });
      this.#show(item, 'uploading', 0);
      const { jobId } = await postFile(file, {
        format: opts.format,
        timezone: opts.timezone,
        mapping: opts.mapping,
        dateOrder: opts.dateOrder,
        token: opts.token,
        onProgress: (f) => this.#show(item, 'uploading', f),
      });
      reached = true;
      for (;;) {
        const job = await getJob(jobId);
        if (job.state === 'done' || job.state === 'failed') {
          const result = jobResult(job);
          if (result.failure) throw new UploadError(result.failure);
          this.#show(item, 'done', 1);
          item.report = result.report;
          return true;
        }
        this.#show(item, phaseOf(job), job.fraction);
        await sleep(POLL_MS);
      }
    } catch (err) {
      item.failure =
        err instanceof UploadError
          ? err.failure
          : { kind: 'network', message: err instanceof Error ? err.message : String(err) };
    }
    return reached;
  }
}
