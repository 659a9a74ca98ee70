import type { Database } from '../db/database.ts';
import type { ReportFile } from '../report/generate.ts';

/**
 * Report files kept per data generation (bumped by every write), like the API's response cache:
 * a report depends only on the request and the stored data, and the preview is the page's one
 * request that takes hundreds of ms at 10 M calls, so eight managers opening it would otherwise
 * queue on two cores. Identical requests arriving together are made once. The file carries the
 * time it was made, which stays true for a kept copy.
 */
export function reportFiles(db: Database, maxEntries = 32, maxBytes = 64 * 1024 * 1024) {
  let generation = -1;
  let bytes = 0;
  const files = new Map<string, Promise<ReportFile>>();
  const sizes = new Map<string, number>();
  return (key: string, make: () => Promise<ReportFile>): Promise<ReportFile> => {
    if (db.dataGeneration !== generation) {
      files.clear();
      sizes.clear();
      bytes = 0;
      generation = db.dataGeneration;
    }
    const kept = files.get(key);
    if (kept) return kept;
    const made = make();
    files.set(key, made);
    made.then(
      (f) => {
        if (files.get(key) !== made) return; // a write came in between: never kept
        sizes.set(key, f.body.byteLength);
        bytes += f.body.byteLength;
        for (const k of files.keys()) {
          if (files.size <= maxEntries && bytes <= maxBytes) break;
          files.delete(k);
          bytes -= sizes.get(k) ?? 0;
          sizes.delete(k);
        }
      },
      () => files.delete(key), // a failure is not kept: the next request tries again
    );
    return made;
  };
}
