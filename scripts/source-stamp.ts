// Fingerprint of everything `next build` reads, so `npm start` skips the build when nothing changed
// since the last one: its own, or `npm run build` (which writes the stamp too, see package.json).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = path.resolve('.next/source-stamp');

export function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ['app', 'components', 'lib', 'messages', 'public', 'prisma/schema.prisma', 'next.config.ts', 'package-lock.json', 'instrumentation.ts', 'postcss.config.mjs']) walk(p);
  return hash.digest('hex');
}

if (process.argv.includes('--write')) writeFileSync(STAMP_FILE, sourceStamp());
