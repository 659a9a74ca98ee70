import { basename } from 'node:path';

/** Safe file-name stem: never a path, never quotes. */
export function safeStem(name: string): string {
  return (
    basename(name)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 80) || 'file'
  );
}
