import type { Database } from '../db/database.ts';
import type { ReportFile } from '../report/generate.ts';
import { GenerationStore } from './generation-store.ts';

/**
 * Report files kept per data generation (bumped by every write), like the API's response cache:
 * a report depends only on the request and the stored data, and the preview is the page's one
 * request that takes hundreds of ms at 10 M calls, so eight managers opening it would otherwise
 * queue on two cores. Identical requests arriving together are made once; a failure is not kept.
 * The file carries the time it was made, which stays true for a kept copy.
 */
export function reportFiles(db: Database, maxEntries = 32, maxBytes = 64 * 1024 * 1024) {
  const kept = new GenerationStore<ReportFile>(db, (f) => f.body.byteLength, maxEntries, maxBytes);
  const inflight = new Map<string, Promise<ReportFile>>();
  return async (key: string, make: () => Promise<ReportFile>): Promise<ReportFile> => {
    const file = kept.get(key);
    if (file) return file;
    const gen = db.dataGeneration;
    const flight = `${gen} ${key}`;
    let pending = inflight.get(flight);
    if (!pending) {
      pending = make().then((f) => (kept.set(key, f, gen), f));
      inflight.set(flight, pending);
      void pending.then(
        () => inflight.delete(flight),
        () => inflight.delete(flight),
      );
    }
    return pending;
  };
}
