// Staff passwords: scrypt (memory-hard, built into Node, no native addon to download).
// Format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later without breaking old hashes:
// a hash made with lower parameters still verifies, and is replaced at the next successful sign-in.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// OWASP's minimum for scrypt: N=2^17, r=8, p=1. That is 128 MiB of memory per hash (128·N·r bytes),
// computed on libuv's thread pool (async), so at most four run at once and the event loop stays free.
export const SCRYPT = { N: 1 << 17, r: 8, p: 1 } as const;
const KEYLEN = 32;

const maxmem = (N: number, r: number) => 128 * N * r * 2;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, { N, r, p }: { N: number; r: number; p: number } = SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: maxmem(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A stored hash to compare against when the account does not exist, so timing does not tell. */
export const DUMMY_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

function parse(stored: string) {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  const [N, r, p] = [Number(n), Number(rr), Number(pp)];
  if (scheme !== 'scrypt' || !salt || !hash || ![N, r, p].every((x) => Number.isInteger(x) && x > 0)) return null;
  return { N, r, p, salt, hash };
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const h = stored ? parse(stored) : null;
  if (!h) return false;
  const expected = Buffer.from(h.hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(h.salt, 'base64url'), expected.length, { N: h.N, r: h.r, p: h.p, maxmem: maxmem(h.N, h.r) });
  return timingSafeEqual(actual, expected);
}

/** Whether a (verified) hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.N < SCRYPT.N || h.r < SCRYPT.r || h.p < SCRYPT.p;
}
