import 'server-only';
import { cache } from 'react';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { reachData, SIGNALS, type Signal } from './families';

// The home shows the reach card and the reach trend chart from one computation per request.
const reachAt = cache((schoolId: string, at: number) => reachData(schoolId, new Date(at)));

/** The families with their signals and the month-by-month trend, for one who may read reach. */
export async function reachOfSchool(actor: Actor, now = new Date()) {
  requireAtSchool(actor, 'reach', 'read');
  return reachAt(actor.schoolId, now.getTime());
}

/** For the director's home: how many families, how many the portal does not reach at all, and per signal. */
export async function reachSummary(actor: Actor, now = new Date()) {
  const { families } = await reachOfSchool(actor, now);
  const perSignal = Object.fromEntries(SIGNALS.map((s) => [s, families.filter((f) => f.signals.includes(s)).length])) as Record<Signal, number>;
  return { families: families.length, notReachedAtAll: families.filter((f) => f.notReachedAtAll).length, perSignal };
}
