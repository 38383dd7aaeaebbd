import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { prisma, type Tx } from '@/lib/db';
import { currentSchoolYear, stillAtSchool } from '@/lib/school/year';

// Turnout: the share of invited families (households) with at least one guardian present, per group
// and for the whole meeting, against the meeting's target. Invited = households with a live
// guardianship of a child enrolled (that school year) in the meeting's groups; a household with
// children in two invited groups counts in each group, and once for the whole meeting.

type Db = Tx | typeof prisma;
type MeetingRef = { id: string; schoolId: string; wholeSchool: boolean; startsAt: Date; groups: { groupId: string }[] };

const nameSelect = { firstName: true, prefix: true, lastName: true } as const;
type Named = { firstName: string; prefix: string | null; lastName: string };

export type InvitedHousehold = { householdId: string; userIds: string[]; guardians: Named[]; children: Named[] };
export type InvitedGroup = { groupId: string; name: string; households: InvitedHousehold[] };

/** The groups a meeting invites: its own, or (whole school) every group of the year it falls in. */
async function meetingGroupIds(db: Db, m: MeetingRef, where: Prisma.GroupWhereInput = {}) {
  if (!m.wholeSchool) return (await db.group.findMany({ where: { AND: [{ id: { in: m.groups.map((g) => g.groupId) }, schoolId: m.schoolId }, where] }, select: { id: true } })).map((g) => g.id);
  const year = await currentSchoolYear(m.schoolId, m.startsAt, db);
  if (!year) return [];
  return (await db.group.findMany({ where: { AND: [{ schoolId: m.schoolId, schoolYearId: year.id }, where] }, select: { id: true } })).map((g) => g.id);
}

/** Per invited group (optionally only those in `where`), its households with their guardians and children in that group. */
export async function invitedByGroup(db: Db, m: MeetingRef, where: Prisma.GroupWhereInput = {}): Promise<InvitedGroup[]> {
  const ids = await meetingGroupIds(db, m, where);
  const groups = await db.group.findMany({
    where: { id: { in: ids }, schoolId: m.schoolId },
    orderBy: [{ grade: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      enrolments: {
        where: { child: stillAtSchool(m.startsAt) },
        orderBy: { child: { firstName: 'asc' } },
        select: { child: { select: { ...nameSelect, guardianships: { where: { endedAt: null }, orderBy: { relation: 'asc' }, select: { userId: true, householdId: true, user: { select: nameSelect } } } } } },
      },
    },
  });
  return groups.map((g) => {
    const households = new Map<string, InvitedHousehold>();
    for (const { child } of g.enrolments) {
      for (const gs of child.guardianships) {
        const h = households.get(gs.householdId) ?? { householdId: gs.householdId, userIds: [], guardians: [], children: [] };
        if (!h.userIds.includes(gs.userId)) {
          h.userIds.push(gs.userId);
          h.guardians.push(gs.user);
        }
        if (!h.children.includes(child)) h.children.push(child);
        households.set(gs.householdId, h);
      }
    }
    return { groupId: g.id, name: g.name, households: [...households.values()] };
  });
}

/** Live guardians (user, household) of all invited households, each once. */
export async function invitedGuardians(db: Db, m: MeetingRef) {
  const seen = new Map<string, string>();
  for (const g of await invitedByGroup(db, m)) for (const h of g.households) for (const u of h.userIds) seen.set(u, h.householdId);
  return [...seen].map(([userId, householdId]) => ({ userId, householdId }));
}

export type Share = { invited: number; present: number; percent: number; met: boolean };
export type Turnout = {
  targetPercent: number;
  groups: (Share & { groupId: string; name: string })[];
  overall: Share;
  rsvp: { yes: number; no: number; maybe: number; unanswered: number; people: number };
};

/** Whole percent, rounded; the target is met when present/invited ≥ target (compared exactly, not rounded). */
export function share(present: number, invited: number, targetPercent: number): Share {
  return { invited, present, percent: invited ? Math.round((present * 100) / invited) : 0, met: invited > 0 && present * 100 >= targetPercent * invited };
}

/** Turnout of one meeting (per group, whole, RSVP counts); `where` limits the groups listed. */
export async function meetingTurnout(db: Db, m: MeetingRef & { targetPercent: number }, where: Prisma.GroupWhereInput = {}): Promise<Turnout> {
  const limited = Object.keys(where).length > 0;
  const [groups, everyGroup, attendance, rsvps] = await Promise.all([
    invitedByGroup(db, m, where),
    limited ? invitedByGroup(db, m) : null,
    db.meetingAttendance.findMany({ where: { meetingId: m.id, schoolId: m.schoolId, present: true }, select: { householdId: true } }),
    db.meetingRsvp.findMany({ where: { meetingId: m.id, schoolId: m.schoolId }, select: { householdId: true, answer: true, people: true } }),
  ]);
  const all = everyGroup ?? groups;
  const present = new Set(attendance.map((a) => a.householdId));
  const invited = new Set(all.flatMap((g) => g.households.map((h) => h.householdId)));
  const answers = rsvps.filter((r) => invited.has(r.householdId));
  const count = (a: string) => answers.filter((r) => r.answer === a).length;
  return {
    targetPercent: m.targetPercent,
    groups: groups.map((g) => ({ groupId: g.groupId, name: g.name, ...share(g.households.filter((h) => present.has(h.householdId)).length, g.households.length, m.targetPercent) })),
    overall: share([...invited].filter((h) => present.has(h)).length, invited.size, m.targetPercent),
    rsvp: { yes: count('YES'), no: count('NO'), maybe: count('MAYBE'), unanswered: invited.size - answers.length, people: answers.filter((r) => r.answer === 'YES').reduce((s, r) => s + r.people, 0) },
  };
}

/** The school year's span as instants: meetings that started in it. */
async function yearSpan(db: Db, schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now, db);
  return year ? { gte: year.startDate, lt: new Date(+year.endDate + 86_400_000) } : null;
}

/**
 * For the reach view: a Household filter "attended at least one meeting this school year" (a guardian
 * ticked present at a meeting that started in the year running `now`). Negate it for "not attended".
 * Null when the school has no school year.
 */
export async function attendedMeetingThisYearWhere(schoolId: string, now = new Date(), db: Db = prisma): Promise<Prisma.HouseholdWhereInput | null> {
  const startsAt = await yearSpan(db, schoolId, now);
  if (!startsAt) return null;
  return { schoolId, meetingAttendance: { some: { present: true, schoolId, meeting: { startsAt } } } };
}

/** For the reach view: the households of the school that attended at least one meeting this school year. */
export async function householdsAttendedThisYear(schoolId: string, now = new Date(), db: Db = prisma): Promise<Set<string>> {
  const startsAt = await yearSpan(db, schoolId, now);
  if (!startsAt) return new Set();
  const rows = await db.meetingAttendance.findMany({ where: { schoolId, present: true, meeting: { schoolId, startsAt } }, distinct: ['householdId'], select: { householdId: true } });
  return new Set(rows.map((r) => r.householdId));
}

/** Per household id given: whether it attended any meeting this school year. */
export async function attendedAnyMeeting(schoolId: string, householdIds: string[], now = new Date(), db: Db = prisma): Promise<Map<string, boolean>> {
  const attended = await householdsAttendedThisYear(schoolId, now, db);
  return new Map(householdIds.map((h) => [h, attended.has(h)]));
}
