import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';

/** Re-encodes a GB18030/GBK file (optionally gzipped) as UTF-8 so DuckDB's reader can take it. */
export async function gb18030ToUtf8(src: string, dest: string, gzip: boolean): Promise<void> {
  const stages: NodeJS.ReadWriteStream[] = [];
  if (gzip) stages.push(createGunzip());
  stages.push(iconv.decodeStream('gb18030'), iconv.encodeStream('utf8'));
  await pipeline(createReadStream(src), ...(stages as [NodeJS.ReadWriteStream]), createWriteStream(dest));
}
