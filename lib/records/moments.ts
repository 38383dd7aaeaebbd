import 'server-only';
import { addMinutes } from 'date-fns';
import { childName, onChildFile } from '@/lib/access/child-file';
import { isStaff, onlyStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { talkToIcs } from '@/lib/calendar/ics';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { formatTalkTime, zonedToUtc } from '@/lib/format/time';
import { mailChildGuardians } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { currentSchoolYear } from '@/lib/school/year';
import { auditFile } from './audit';
import type { MomentInput } from './schemas';

// The talk arrangement (gespreksarrangement, 002): at the start-of-year talk teacher and parents
// agree extra moments for this child. Each is mailed to every guardian with an .ics and sits in the
// guardians' and the teacher's calendar feed (lib/bookings/calendar.ts). Its calendar uid is
// `<id>@ouderportaal` for good; a moment is never moved, so REQUEST goes out at sequence 0 and the
// CANCEL when it is taken off at 1.

export async function createMoment(actor: Actor, input: MomentInput, now = new Date()) {
  onlyStaff(actor);
  const school = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true } });
  const startsAt = zonedToUtc(`${input.date}T${input.time}`, school.timeZone);
  if (startsAt < now) throw new AppError('IN_THE_PAST');
  const endsAt = addMinutes(startsAt, input.minutes);
  const moment = await prisma.$transaction(async (tx) => {
    await onChildFile(actor, input.childId, 'moment', 'write', tx);
    const child = await childName(tx, input.childId);
    const created = await tx.arrangedMoment.create({
      data: { schoolId: actor.schoolId, childId: input.childId, teacherId: actor.userId, purpose: input.purpose, startsAt, endsAt, location: input.location || null },
    });
    await mailChildGuardians(tx, actor.schoolId, input.childId, {
      namespace: 'mail.moment',
      kind: 'moment_agreed',
      values: (locale) => ({ child: fullName(child), purpose: input.purpose, when: formatTalkTime(startsAt, locale, school.timeZone), location: input.location || '–' }),
      ics: (title) => talkToIcs(momentTalk(created, title), 'REQUEST'),
    });
    await auditFile(tx, actor, input.childId, 'write', 'moment', created.id);
    return created;
  });
  kickMailDelivery();
  return moment;
}

const momentTalk = (m: { id: string; purpose: string; location: string | null; startsAt: Date; endsAt: Date }, title: string, sequence = 0) => ({
  uid: `${m.id}@ouderportaal`, sequence, title, description: m.purpose, location: m.location, startsAt: m.startsAt, endsAt: m.endsAt,
});

/** Staff take an agreed moment off again: the guardians get the calendar cancel, and it leaves the feeds on their next refresh. */
export async function deleteMoment(actor: Actor, momentId: string) {
  onlyStaff(actor);
  const school = await prisma.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true } });
  await prisma.$transaction(async (tx) => {
    const moment = await tx.arrangedMoment.findFirst({ where: { id: momentId, schoolId: actor.schoolId } });
    if (!moment) throw new AppError('NOT_FOUND');
    await onChildFile(actor, moment.childId, 'moment', 'write', tx);
    const child = await childName(tx, moment.childId);
    await tx.arrangedMoment.delete({ where: { id: moment.id } });
    await mailChildGuardians(tx, actor.schoolId, moment.childId, {
      namespace: 'mail.momentCancelled',
      kind: 'moment_cancelled',
      values: (locale) => ({ child: fullName(child), purpose: moment.purpose, when: formatTalkTime(moment.startsAt, locale, school.timeZone) }),
      ics: (title) => talkToIcs(momentTalk(moment, title, 1), 'CANCEL'),
    });
    await auditFile(tx, actor, moment.childId, 'write', 'momentRemoved', moment.id);
  });
  kickMailDelivery();
}

export async function childMoments(actor: Actor, childId: string) {
  await onChildFile(actor, childId, 'moment', 'read');
  return prisma.arrangedMoment.findMany({ where: { childId, schoolId: actor.schoolId }, orderBy: { startsAt: 'asc' } });
}

/** The moments in a teacher's day (day view): the ones they agreed, and those of their groups' children (duo). */
export async function momentsBetween(actor: Actor, from: Date, to: Date) {
  if (!isStaff(actor)) return [];
  const year = await currentSchoolYear(actor.schoolId);
  return prisma.arrangedMoment.findMany({
    where: {
      schoolId: actor.schoolId, startsAt: { gte: from, lt: to },
      OR: [{ teacherId: actor.userId }, { child: { enrolments: { some: { schoolYearId: year?.id, group: { teachers: { some: { userId: actor.userId } } } } } } }],
    },
    orderBy: { startsAt: 'asc' },
    select: { id: true, purpose: true, startsAt: true, endsAt: true, location: true, child: { select: { id: true, firstName: true, prefix: true, lastName: true } } },
  });
}
