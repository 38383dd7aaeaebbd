import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

// next-auth's own session-token format (JWE, dir + A256GCM, key derived from the secret with HKDF),
// with the derived key kept instead of re-derived on every request: the profile of the booking
// rush showed HKDF alone at ~1 ms of CPU per request. Tokens stay interchangeable with next-auth's.

const keys = new Map<string, Uint8Array>();
function keyFor(secret: string | Buffer, salt = '') {
  const id = `${secret.toString()}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encode({ token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt = '' }: JWTEncodeParams) {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(keyFor(secret, salt));
}

export async function decode({ token, secret, salt = '' }: JWTDecodeParams) {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload;
}
