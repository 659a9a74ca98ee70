import { randomUUID } from 'node:crypto';
import type { IngestReport } from './ingest-file.ts';

/** One file being loaded, as GET /api/ingest/jobs/:id reports it. */
export interface IngestJob {
  id: string;
  fileName: string;
  source: 'upload' | 'inbox';
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: string | null;
  /** Fraction of the current phase done (0..1), where measurable. */
  fraction: number | null;
  createdAt: string;
  finishedAt: string | null;
  report: IngestReport | null;
  error: string | null;
}

const KEEP = 200;

/** In-memory job table: progress is only interesting while the server runs; history is in ingest_log. */
export class IngestJobs {
  private jobs = new Map<string, IngestJob>();

  create(fileName: string, source: IngestJob['source']): IngestJob {
    const job: IngestJob = {
      id: randomUUID(),
      fileName,
      source,
      state: 'queued',
      phase: null,
      fraction: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      report: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    while (this.jobs.size > KEEP) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  list(): IngestJob[] {
    return [...this.jobs.values()].reverse();
  }

  /** Runs `work` for the job, recording progress and the outcome; never throws. */
  async run(
    job: IngestJob,
    work: (progress: (phase: string, fraction?: number) => void) => Promise<IngestReport>,
  ): Promise<IngestJob> {
    try {
      const report = await work((phase, fraction) => {
        job.state = 'running';
        job.phase = phase;
        job.fraction = fraction ?? null;
      });
      job.report = report;
      job.state = report.status === 'failed' ? 'failed' : 'done';
      job.error = report.status === 'failed' ? report.message : null;
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
    }
    job.phase = null;
    job.fraction = null;
    job.finishedAt = new Date().toISOString();
    return job;
  }
}
