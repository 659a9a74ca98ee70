/**
 * The fields behind the standard rate columns of every table of rates (dashboard table views
 * and CSVs, the weekly report's tables): a rate is never shown without its counts and interval.
 * `ciLow`/`ciHigh` are the hang-up rate's Wilson bounds under their older names.
 */
export interface RateColumnFields {
  dials: number;
  answered: number;
  /** Answered calls that say who hung up: the hang-up rate's denominator. */
  knownParty: number;
  earlyHangups: number;
  hangupRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}
