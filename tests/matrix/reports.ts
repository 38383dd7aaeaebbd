import type { Probes } from './types';

// Probes for the reports kinds of the policy table (lib/access/policy.ts).
export const reportsProbes: Probes = {};
