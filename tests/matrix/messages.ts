import type { Probes } from './types';

// Probes for the messages kinds of the policy table (lib/access/policy.ts).
export const messagesProbes: Probes = {};
