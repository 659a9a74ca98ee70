/**
 * Reads the Unicode cmap (format 12) of one face of an OpenType font or collection, enough to
 * learn which ideograph a CJK radical code point shares its glyph with. No dependency: a few
 * positioned reads of the table directory and the cmap subtable.
 */
import { closeSync, openSync, readSync } from 'node:fs';

function reader(path: string) {
  const fd = openSync(path, 'r');
  const read = (offset: number, length: number) => {
    const buf = Buffer.alloc(length);
    if (readSync(fd, buf, 0, length, offset) !== length) throw new Error(`${path}: short read at ${offset}`);
    return buf;
  };
  return { read, close: () => closeSync(fd) };
}

/** Calls `visit(codePoint, glyphId)` for every mapping of face `index`, in ascending code point order. */
export function eachCmapEntry(path: string, index: number, visit: (cp: number, glyph: number) => void): void {
  const f = reader(path);
  try {
    let face = 0;
    if (f.read(0, 4).toString('latin1') === 'ttcf') {
      const count = f.read(8, 4).readUInt32BE(0);
      if (index >= count) throw new Error(`${path} has ${count} faces, not ${index + 1}`);
      face = f.read(12 + 4 * index, 4).readUInt32BE(0);
    }
    const numTables = f.read(face + 4, 2).readUInt16BE(0);
    const dir = f.read(face + 12, 16 * numTables);
    let cmap = -1;
    for (let i = 0; i < numTables; i++)
      if (dir.toString('latin1', 16 * i, 16 * i + 4) === 'cmap') cmap = dir.readUInt32BE(16 * i + 8);
    if (cmap < 0) throw new Error(`${path}: no cmap table`);
    const n = f.read(cmap + 2, 2).readUInt16BE(0);
    const records = f.read(cmap + 4, 8 * n);
    let sub = -1;
    for (let i = 0; i < n; i++) {
      const platform = records.readUInt16BE(8 * i);
      const encoding = records.readUInt16BE(8 * i + 2);
      const offset = records.readUInt32BE(8 * i + 4);
      if ((platform === 3 && encoding === 10) || (platform === 0 && (encoding === 4 || encoding === 6))) {
        if (f.read(cmap + offset, 2).readUInt16BE(0) === 12) sub = cmap + offset;
      }
    }
    if (sub < 0) throw new Error(`${path}: no format 12 Unicode cmap`);
    const groups = f.read(sub + 12, 4).readUInt32BE(0);
    const data = f.read(sub + 16, 12 * groups);
    for (let g = 0; g < groups; g++) {
      const start = data.readUInt32BE(12 * g);
      const end = data.readUInt32BE(12 * g + 4);
      const glyph = data.readUInt32BE(12 * g + 8);
      for (let cp = start; cp <= end; cp++) visit(cp, glyph + cp - start);
    }
  } finally {
    f.close();
  }
}
