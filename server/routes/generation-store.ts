import type { Database } from '../db/database.ts';

/**
 * Answers kept for the current data generation only (Database.dataGeneration, bumped by every
 * write), bounded in entries and bytes, least recently used dropped first. Shared by the API's
 * response cache and the weekly report files.
 */
export class GenerationStore<V> {
  private readonly entries = new Map<string, V>();
  private generation = -1;
  private bytes = 0;

  constructor(
    private readonly db: Database,
    private readonly sizeOf: (v: V) => number,
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  /** The kept answer of `key` in this generation (a write since it was kept clears everything). */
  get(key: string): V | undefined {
    if (this.db.dataGeneration !== this.generation) {
      this.entries.clear();
      this.bytes = 0;
      this.generation = this.db.dataGeneration;
    }
    const v = this.entries.get(key);
    if (v !== undefined) {
      // Most recently used last: re-insert.
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  /** Keeps `v` if it was made in generation `madeIn` and no write came since. */
  set(key: string, v: V, madeIn: number): void {
    if (madeIn !== this.db.dataGeneration || madeIn !== this.generation) return;
    this.entries.set(key, v);
    this.bytes += this.sizeOf(v);
    for (const [k, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= this.sizeOf(old);
    }
  }
}
