import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { serverActions } from './actions';
import { kit, removeCaseStaff } from './action-cases/kit';
import type { ActionCases, Exempt } from './action-cases/types';

// Every writing server action and API route, through its own entry point (HTTP, the real session →
// actor path): allowed for the right actor with the row checked, refused for an outsider with nothing
// written, bad input refused with a message key and nothing written. The cases live one file per area
// in tests/e2e/action-cases/; the last test prints the coverage table from the build's action
// manifest and the route files themselves, and fails when a writing entry point lacks a case.

// Entry points that write nothing of anyone's, or whose permission is not a session.
const EXEMPT: Exempt = {
  'lib/auth/actions.ts#setLocaleAction': "the visitor's own language cookie",
  'lib/auth/actions.ts#adoptUserLocaleAction': "the signed-in user's own language cookie, from their own profile",
  'app/api/auth/[...nextauth]/route.ts#POST': 'next-auth itself (sign-in and sign-out); the sign-in paths are tested in home/edge/go-live specs',
};

const dir = join(import.meta.dirname, 'action-cases');
const areaFiles = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'kit.ts' && f !== 'types.ts').sort();
const cases: ActionCases = {};
const exempt: Exempt = { ...EXEMPT };
const defined = new Map<string, string>();
for (const file of areaFiles) {
  const mod = (await import(`./action-cases/${file}`)) as { cases?: ActionCases; exempt?: Exempt };
  for (const [key, c] of Object.entries(mod.cases ?? {})) {
    if (defined.has(key)) throw new Error(`${key} has cases in both ${defined.get(key)} and ${file}`);
    defined.set(key, file);
    cases[key] = c;
  }
  Object.assign(exempt, mod.exempt ?? {});
}

test.afterAll(removeCaseStaff);

const KINDS = ['allowed', 'outsider', 'badInput'] as const;
for (const [key, c] of Object.entries(cases)) {
  for (const kind of KINDS) {
    test(`${key} ${kind}`, async () => {
      await c[kind](kit);
    });
  }
}

/** Writing methods of every app/api/**\/route.ts, read from the files (GET only reads). */
function writingRoutes() {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name === 'route.ts' ? [join(d, e.name)] : []));
  return walk('app/api').flatMap((file) => {
    const src = readFileSync(file, 'utf8');
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:async\s+function|const|function)\s+(POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
    for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1].matchAll(/\bas\s+(POST|PUT|PATCH|DELETE)\b|^\s*(POST|PUT|PATCH|DELETE)\s*(?:,|$)/gm)) methods.add(n[1] ?? n[2]);
    return [...methods].map((m) => `${relative('.', file)}#${m}`);
  });
}

test('coverage: every writing action and route has allowed, outsider and bad-input cases', async () => {
  const entries = [...serverActions().map((a) => `${a.file}#${a.name}`), ...writingRoutes()].sort();
  expect(entries.length).toBeGreaterThan(60);
  // A case for something the build does not have is a typo (or a removed action): it tests nothing.
  expect(Object.keys(cases).filter((k) => !entries.includes(k))).toEqual([]);
  expect(Object.keys(exempt).filter((k) => !entries.includes(k))).toEqual([]);

  // Whether each case exists; whether it passed is the test's own line above (a failure restarts the
  // worker, so this test cannot see earlier outcomes).
  const mark = (key: string, kind: (typeof KINDS)[number]) => (cases[key]?.[kind] ? 'yes' : 'no');
  const rows = entries.map((key) => (exempt[key] ? `${key.padEnd(72)} exempt: ${exempt[key]}` : `${key.padEnd(72)} ${KINDS.map((k) => `${k} ${mark(key, k)}`).join('  ')}`));
  const missing = entries.filter((key) => !exempt[key] && !cases[key]);
  const covered = entries.length - missing.length - Object.keys(exempt).length;
  console.log(`writing entry points through their own entry point (${entries.length}: ${covered} covered, ${Object.keys(exempt).length} exempt, ${missing.length} missing):\n${rows.join('\n')}`);
  expect(missing, 'writing actions and routes without cases').toEqual([]);
});
