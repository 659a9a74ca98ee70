import { UnreadableFileError } from './sniff.ts';
import { part } from './message-parts.ts';

/** A timezone name as it may stand in `SET TimeZone = '…'` (IANA names, UTC offsets); anything else refuses the file. */
export function tzLiteral(tz: string): string {
  if (!/^[A-Za-z0-9_+\-/:]+$/.test(tz)) throw new UnreadableFileError(part('bad_timezone', { zone: tz }));
  return tz;
}
