/**
 * The stored data's first and last day, set by the filter bar once /api/dimensions answers (the
 * default dates and download names use them); `known` once it answered or failed.
 */
export const dataRange = $state<{ first: string | null; last: string | null; known: boolean }>({
  first: null,
  last: null,
  known: false,
});
