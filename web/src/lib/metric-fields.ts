// Fields the `semantic` branch adds to /api/summary, /api/breakdown and /api/heatmap (issue 9:
// known party, short-call rate, headline metric). Optional until that branch lands and
// web/src/lib/api-types.ts declares them; read them with `?.` / `??`.

/** Per row of /api/breakdown and /api/heatmap, and on /api/summary. */
export interface ShortCallFields {
  /** Answered calls whose source says who hung up: the hang-up rate's denominator. */
  knownParty?: number;
  /** Answered calls with talk time < T s, whoever hung up. */
  shortCalls?: number;
  shortCallRate?: number | null;
  shortCallRateCiLow?: number | null;
  shortCallRateCiHigh?: number | null;
  /** The hang-up rate's bounds under their new names (`ciLow`/`ciHigh` stay as aliases). */
  hangupRateCiLow?: number | null;
  hangupRateCiHigh?: number | null;
}

/** /api/summary's choice of headline metric and why. */
export interface HeadlineFields extends ShortCallFields {
  headline?: 'hangup' | 'short';
  /** Share of answered calls with a known hang-up party (server name may differ: computed when absent). */
  knownPartyShare?: number | null;
  headlineReason?: string;
}

/** The fields as an optional view of any row: `withShort(row).shortCallRate`. */
export const withShort = <T extends object>(row: T) => row as T & ShortCallFields;
