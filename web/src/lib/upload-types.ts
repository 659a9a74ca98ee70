// Shapes of the ingest routes (README "Ingest routes"; server/routes/uploads.ts, ingests.ts).
import type { IngestJob as ServerIngestJob } from '../../../server/ingest/jobs.ts';
import type { Ingest } from './api-types.ts';
import type { MessagePart } from '../../../server/contract/ingests.ts';

/** GET /api/ingest/status: whether this page may write, and why not. */
export interface UploadStatus {
  uploadsEnabled: boolean;
  /** Deleting a file's calls needs the admin role. */
  deletesEnabled: boolean;
  /** The caller's role; null before sign-in. */
  role: 'viewer' | 'uploader' | 'admin' | null;
  user: string | null;
  tokenRequired: boolean;
  /** Set when uploads are off, e.g. a non-loopback server without HANGUP_UPLOAD_TOKEN. */
  reason: string | null;
  maxUploadBytes: number;
  /** Names accepted by the `format` field (detection is skipped when one is given). */
  formats: string[];
  inbox: 'watching' | 'off';
}

/** One row of GET /api/ingests (the history), beyond the fields the first /data page used. */
export interface IngestRow extends Omit<Ingest, 'status'> {
  status: 'loaded' | 'repeated' | 'failed' | 'deleted';
  kind: 'calls' | 'dimension' | 'evidence';
  sha256: string;
  /** Rows read = calls + folded; calls = inserted + duplicates + rejected + inbound. */
  calls: number;
  folded: number;
  foldNotes: string | null;
  /** Answered calls of this file with no known hang-up party. */
  unknownParty: number;
  /** Inbound calls, counted apart (calls = inserted + duplicates + rejected + inbound); absent from older servers. */
  inbound?: number;
  sourceTimezone: string | null;
  timezoneInferred?: boolean;
}

/** The report of a finished job (job.report): the same counts as a history row. */
export interface IngestReport {
  ingestId: number;
  fileName: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  kind: 'calls' | 'dimension' | 'evidence';
  message: string | null;
  /** `message` keyed for translation (server/contract/ingests.ts); absent from older servers. */
  messageParts?: MessagePart[] | null;
  rowsRead: number;
  calls: number;
  folded: number;
  foldNotes: { reason: string; rows: number }[];
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Inbound calls: counted apart, never stored (calls = inserted + duplicates + rejected + inbound); absent from older servers. */
  inbound?: number;
  rejectsFile: string | null;
  unknownParty: number;
  /** The zone naive times were read in (an IANA name, or an offset such as +03:00 when inferred). */
  sourceTimezone?: string | null;
  timezoneInferred?: boolean;
  durationMs: number;
}

/**
 * GET /api/ingest/jobs/:id: one file loading in the background, as the server's job table holds
 * it (phase: "hashing", "transcoding GB18030", "reading", "checking", "storing"), except that
 * its report names only the rejects file, never the server's path.
 */
export interface IngestJob extends Omit<ServerIngestJob, 'report'> {
  report: IngestReport | null;
}
