import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens are `hgi_<id>_<secret>`: the id finds the user row, the secret (32 random bytes) is
 * checked against a salted SHA-256. A slow password hash buys nothing here: the secret has 256
 * bits of entropy, so the hash only has to be one-way, and it is computed on every request.
 */
const TOKEN = /^hgi_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewToken {
  token: string;
  tokenId: string;
  salt: string;
  tokenHash: string;
}

export function hashSecret(secret: string, salt: string): string {
  return createHash('sha256').update(Buffer.from(salt, 'hex')).update(secret).digest('hex');
}

export function newToken(): NewToken {
  const tokenId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  return { token: `hgi_${tokenId}_${secret}`, tokenId, salt, tokenHash: hashSecret(secret, salt) };
}

/** The id and secret of a user token, or null when `token` is not one. */
export function splitToken(token: string): { tokenId: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { tokenId: m[1]!, secret: m[2]! } : null;
}

export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
