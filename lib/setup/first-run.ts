// What `npm start` does with the database before serving: the demo school for a newcomer on the
// embedded PostgreSQL, never for a real installation. Pure, so the rule is tested without a start.

export type FirstRun =
  | { kind: 'demo' } // seed De Distelvlinder
  | { kind: 'setup' } // no school and no demo: print the one-time setup link
  | { kind: 'none' }; // the database has schools: serve them

export class DemoSettingError extends Error {}

/**
 * `DEMO=1` asks for the demo, `DEMO=0` refuses it; without DEMO only the embedded database (no
 * DATABASE_URL: a fresh machine) gets it. A database that holds schools is never seeded, whatever DEMO says.
 */
export function firstRunPlan(env: { DATABASE_URL?: string; DEMO?: string }, hasSchools: boolean): FirstRun {
  const demo = env.DEMO?.trim() ?? '';
  if (demo !== '' && demo !== '0' && demo !== '1') throw new DemoSettingError(`DEMO must be 1 (seed the demo school) or 0 (never), not "${env.DEMO}".`);
  if (hasSchools) return { kind: 'none' };
  const wantsDemo = demo === '1' || (demo === '' && !env.DATABASE_URL);
  return wantsDemo ? { kind: 'demo' } : { kind: 'setup' };
}
