/**
 * The two settings every metric depends on: T, the seconds under which an answered call counts as
 * an early hang-up (and a short call), and the business timezone local dates and hours are read in.
 */
export interface Settings {
  earlySeconds: number;
  timezone: string;
}
