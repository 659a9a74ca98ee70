/** The stored data's first and last day, set by the filter bar once /api/dimensions answers (download names use it). */
export const dataRange = $state<{ first: string | null; last: string | null }>({ first: null, last: null });
