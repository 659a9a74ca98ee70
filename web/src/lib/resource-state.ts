/**
 * What a card needs to know about the data behind it: loading, the error if any, and how to try
 * again. A `Resource` is one (pass it whole: `resource={heat}`), so the loading / error / retry
 * triple never travels as three props.
 */
export interface ResourceState {
  readonly loading: boolean;
  readonly error?: string;
  readonly retry?: () => void;
}

/** Several resources shown as one: loading while any loads, the first error, retry all. */
export function combined(...rs: ResourceState[]): ResourceState {
  return {
    get loading() {
      return rs.some((r) => r.loading);
    },
    get error() {
      return rs.find((r) => r.error)?.error;
    },
    retry: () => rs.forEach((r) => r.error && r.retry?.()),
  };
}

/** A card with nothing to load (its data came with the page). */
export const READY: ResourceState = { loading: false };

/** Loading only until the first answer: a reload keeps showing the rows it has (history tables). */
export function keepWhileReloading(r: ResourceState & { readonly data?: unknown }): ResourceState {
  return {
    get loading() {
      return r.loading && r.data === undefined;
    },
    get error() {
      return r.error;
    },
    retry: () => r.retry?.(),
  };
}
