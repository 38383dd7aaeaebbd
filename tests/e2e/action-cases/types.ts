// The shape of one server action's (or writing API route's) tests through its own entry point.
// One file per area (bookings.ts, records.ts, messages.ts, …) exports `cases: ActionCases`; the spec
// tests/e2e/action-cases.spec.ts runs them and prints the coverage table from the build itself.

/** What a case may use: see kit.ts. */
export type { Kit } from './kit';
import type { Kit } from './kit';

/** Each throws (a failed expect) when the behaviour breaks. */
export type ActionCase = {
  /** The right actor, real input: the exact result, and what was written checked in the database. */
  allowed: (k: Kit) => Promise<void>;
  /** Another family / group / school (whichever applies): NOT_FOUND (or the action's refusal), nothing written. */
  outsider: (k: Kit) => Promise<void>;
  /** Bad input from the right actor: a translated refusal (message key), nothing written. */
  badInput: (k: Kit) => Promise<void>;
};

/** Key: `lib/<area>/<file>.ts#<exportedName>` for actions, `app/api/<path>/route.ts#<METHOD>` for routes. */
export type ActionCases = Record<string, ActionCase>;

/** Writing entry points that are not about anyone's data, with the reason (printed in the table). */
export type Exempt = Record<string, string>;
