import type { Stats } from 'node:fs';

/**
 * Why an inbox entry (a CDR file, a folder's settings or mapping file) is not a plain file of its
 * own, or null when it is one.
 */
export function notRegular(st: Stats): string | null {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isBlockDevice() || st.isCharacterDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  if (!st.isFile()) return 'not a regular file';
  // A hard link to a file elsewhere (the callee key, say) is a regular file with a second name.
  if (st.nlink > 1) return 'a hard link to a file that has other names';
  return null;
}
