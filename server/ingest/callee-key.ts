import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The HMAC-SHA-256 key that turns callee phone numbers into stable opaque ids. Generated on
 * first use and kept in the data folder (mode 0600): the same number hashes the same way across
 * files, and the database alone cannot be reversed to phone numbers.
 */
export function loadCalleeKey(dataDir: string): Buffer {
  const path = join(dataDir, 'callee-hash.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
}

/** The inner and outer HMAC pads (RFC 2104, SHA-256 block of 64 bytes), so SQL can hash in bulk. */
export function hmacPads(key: Buffer): { ipad: Uint8Array; opad: Uint8Array } {
  const block = Buffer.alloc(64);
  key.copy(block);
  const ipad = new Uint8Array(64);
  const opad = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    ipad[i] = block[i]! ^ 0x36;
    opad[i] = block[i]! ^ 0x5c;
  }
  return { ipad, opad };
}
