import { clearCache, getJson } from './api.ts';

// Bumped when the data changed under the open page (an upload, a deletion): every live
// Resource, the filter bar's menus included, loads again past the API client's cache.
let dataVersion = $state(0);

/** Forgets cached answers and reloads every Resource on screen. */
export function refreshAll(): void {
  clearCache();
  dataVersion++;
}

/**
 * Data behind a page element: refetches when `key()` changes (a URL, or null to wait) and keeps
 * only the answer to the latest key, so a slow old answer never overwrites a newer one.
 * Create it while a component initialises (it owns an $effect).
 */
export class Resource<T> {
  /** Raw state: query results are replaced whole, never mutated, so no deep proxies. */
  data = $state.raw<T | undefined>(undefined);
  error = $state<string | undefined>(undefined);
  loading = $state(true);
  #seq = 0;
  #retries = $state(0);

  constructor(key: () => string | null, load: (key: string) => Promise<T> = getJson<T>) {
    $effect(() => {
      const k = key();
      void this.#retries;
      void dataVersion;
      if (k === null) return;
      const seq = ++this.#seq;
      this.loading = true;
      load(k).then(
        (d) => {
          if (seq !== this.#seq) return;
          this.data = d;
          this.error = undefined;
          this.loading = false;
        },
        (err: unknown) => {
          if (seq !== this.#seq) return;
          this.error = err instanceof Error ? err.message : String(err);
          this.loading = false;
        },
      );
    });
  }

  retry = () => {
    this.#retries++;
  };
}

/** Several URLs fetched together, answered as one list in the same order. */
export function getAll<T>(keys: string): Promise<T[]> {
  return Promise.all(keys.split('\n').map((u) => getJson<T>(u)));
}
