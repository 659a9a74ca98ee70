// Response shape of GET /api/ingests rows (server/routes/ingests.ts).
export interface Ingest {
  ingestId: number;
  fileName: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectsFile: string | null;
  extraColumns: string | null;
  startedAt: string;
  durationMs: number;
}
