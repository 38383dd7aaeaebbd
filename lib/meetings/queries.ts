import 'server-only';
import { isGuardian, onlyStaff } from '@/lib/access/roles';
import { mayAtSchool } from '@/lib/access/school';
import { eventGroupScope } from '@/lib/access/school';
import { groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { currentSchoolYear } from '@/lib/school/year';
import { meetingScope, registerGroups } from './scope';
import { invitedByGroup, invitedGuardians, meetingTurnout } from './turnout';

// Reads: a guardian's upcoming meetings with their household's answer, the staff list with turnout,
// one meeting (details, turnout, the actor's answer) and the register for the evening.

const listSelect = {
  id: true,
  schoolId: true,
  kind: true,
  title: true,
  description: true,
  location: true,
  startsAt: true,
  endsAt: true,
  wholeSchool: true,
  targetPercent: true,
  createdById: true,
  groups: { select: { groupId: true, group: { select: { name: true } } }, orderBy: [{ group: { grade: 'asc' as const } }, { group: { name: 'asc' as const } }] },
};

/** The household's answer(s) of a guardian for these meetings, keyed by meeting. */
async function ownAnswers(actor: Actor, meetings: { id: string; schoolId: string; wholeSchool: boolean; startsAt: Date; groups: { groupId: string }[] }[]) {
  const out = new Map<string, { answer: 'YES' | 'NO' | 'MAYBE'; people: number } | null>();
  for (const m of meetings) {
    const households = (await invitedGuardians(prisma, m)).filter((g) => g.userId === actor.userId).map((g) => g.householdId);
    if (!households.length) continue;
    const r = await prisma.meetingRsvp.findFirst({ where: { meetingId: m.id, householdId: { in: households } }, orderBy: { answeredAt: 'desc' }, select: { answer: true, people: true } });
    out.set(m.id, r);
  }
  return out;
}

/** A guardian's upcoming meetings (not ended), soonest first, with the household's answer. */
export async function guardianMeetings(actor: Actor, now = new Date(), take = 20) {
  const list = await prisma.meeting.findMany({ where: { AND: [meetingScope(actor), { endsAt: { gt: now } }] }, orderBy: { startsAt: 'asc' }, take, select: listSelect });
  const answers = await ownAnswers(actor, list);
  // Only meetings the guardian's household is actually invited to (a child still in an invited group).
  return list.filter((m) => answers.has(m.id)).map((m) => ({ ...m, groups: m.groups.map((g) => g.group.name), answer: answers.get(m.id) ?? null, open: m.startsAt > now }));
}

/** Staff: meetings they can see, upcoming first then past (newest first), each with its turnout. */
export async function staffMeetings(actor: Actor, now = new Date(), take = 40) {
  onlyStaff(actor);
  const [upcoming, past] = await Promise.all([
    prisma.meeting.findMany({ where: { AND: [meetingScope(actor), { endsAt: { gt: now } }] }, orderBy: { startsAt: 'asc' }, take, select: listSelect }),
    prisma.meeting.findMany({ where: { AND: [meetingScope(actor), { endsAt: { lte: now } }] }, orderBy: { startsAt: 'desc' }, take, select: listSelect }),
  ]);
  const withTurnout = (list: typeof upcoming) => Promise.all(list.map(async (m) => ({ ...m, groups: m.groups.map((g) => g.group.name), turnout: await meetingTurnout(prisma, m) })));
  return { upcoming: await withTurnout(upcoming), past: await withTurnout(past) };
}

/** One meeting: details; staff the turnout per group and RSVP counts; a guardian their household's answer. */
export async function meetingDetail(actor: Actor, id: string, now = new Date()) {
  const m = await prisma.meeting.findFirst({ where: { AND: [{ id }, meetingScope(actor)] }, select: listSelect });
  if (!m) throw new AppError('NOT_FOUND');
  const base = { ...m, groups: m.groups.map((g) => g.group.name), open: m.startsAt > now };
  if (isGuardian(actor)) {
    const answers = await ownAnswers(actor, [m]);
    if (!answers.has(m.id)) throw new AppError('NOT_FOUND');
    return { ...base, answer: answers.get(m.id) ?? null, mayRsvp: mayAtSchool(actor, 'meeting', 'rsvp'), turnout: null, mayRegister: false };
  }
  return { ...base, answer: null, mayRsvp: false, turnout: await meetingTurnout(prisma, m), mayRegister: mayAtSchool(actor, 'meeting', 'register') };
}

/** The register for the evening: per group the actor registers, its households with names, answer and presence. */
export async function registerSheet(actor: Actor, id: string) {
  onlyStaff(actor);
  const m = await prisma.meeting.findFirst({ where: { AND: [{ id }, meetingScope(actor)] }, select: listSelect });
  if (!m) throw new AppError('NOT_FOUND');
  const [groups, rsvps, attendance] = await Promise.all([
    invitedByGroup(prisma, m, registerGroups(actor, m)),
    prisma.meetingRsvp.findMany({ where: { meetingId: m.id }, select: { householdId: true, answer: true, people: true } }),
    prisma.meetingAttendance.findMany({ where: { meetingId: m.id }, select: { householdId: true, present: true } }),
  ]);
  if (!groups.length) throw new AppError('NOT_FOUND');
  const rsvp = new Map(rsvps.map((r) => [r.householdId, r]));
  const present = new Map(attendance.map((a) => [a.householdId, a.present]));
  return {
    meeting: { id: m.id, title: m.title, startsAt: m.startsAt, location: m.location, targetPercent: m.targetPercent },
    groups: groups.map((g) => ({
      groupId: g.groupId,
      name: g.name,
      households: g.households.map((h) => ({
        householdId: h.householdId,
        guardians: h.guardians.map(fullName),
        children: h.children.map(fullName),
        rsvp: rsvp.get(h.householdId) ?? null,
        present: present.get(h.householdId) ?? false,
      })),
    })),
  };
}

/** The groups a staff member may invite (this school year): a teacher theirs, the director all. */
export async function invitableGroups(actor: Actor, now = new Date()) {
  onlyStaff(actor);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return [];
  return prisma.group.findMany({ where: { AND: [groupScope(actor, year.id), eventGroupScope(actor)] }, orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
}

/** For the home card: the next meeting, with the guardian's answer or the staff's RSVP counts. */
export async function nextMeeting(actor: Actor, now = new Date()) {
  if (isGuardian(actor)) return (await guardianMeetings(actor, now, 5))[0] ?? null;
  const m = await prisma.meeting.findFirst({ where: { AND: [meetingScope(actor), { endsAt: { gt: now } }] }, orderBy: { startsAt: 'asc' }, select: listSelect });
  if (!m) return null;
  return { ...m, groups: m.groups.map((g) => g.group.name), answer: null, open: m.startsAt > now, turnout: await meetingTurnout(prisma, m) };
}
