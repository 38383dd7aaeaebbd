import 'server-only';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { familySignals, SIGNALS, type Signal } from './families';

/** For the director's home: how many families, how many the portal does not reach at all, and per signal. */
export async function reachSummary(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'reach', 'read');
  const families = await familySignals(actor.schoolId, now);
  const perSignal = Object.fromEntries(SIGNALS.map((s) => [s, families.filter((f) => f.signals.includes(s)).length])) as Record<Signal, number>;
  return { families: families.length, notReachedAtAll: families.filter((f) => f.notReachedAtAll).length, perSignal };
}
