import 'server-only';
import type { AbsenceReason, DayPart } from '@/generated/prisma/client';
import { allows, type Relation } from '@/lib/access/policy';
import { requireOnChild } from '@/lib/access/relations';
import { isDirector, onlyGuardian, onlyStaff } from '@/lib/access/roles';
import { caseloadGroups, groupScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { enqueueToGuardians } from '@/lib/mail/guardians';
import { translatorFor } from '@/lib/i18n/translator';
import { currentSchoolYear } from '@/lib/school/year';
import { afterSchoolStart, asDate, SCHOOL_STARTS_AT, todayKey } from './dates';
import type { AbsenceInput } from './schemas';

// Sick or absent (policy row `absence`): a guardian of either household reports it, the teacher
// sees it in the morning view (/vandaag), a guardian or the teacher marks "better again". The
// database allows one open absence per child (Absence.openChildId is unique while open).

/**
 * Report an absence. A report after lessons started is accepted (the child is absent all the
 * same); the answer says so, so the page can ask to call the school next time.
 */
export async function reportAbsence(actor: Actor, input: AbsenceInput, now = new Date()) {
  await requireOnChild(actor, input.childId, 'absence', 'report');
  const today = todayKey(now);
  if (input.fromDate < today) throw new AppError('INVALID_INPUT', 'in the past', { fieldErrors: { fromDate: ['reports.fromInPast'] } });
  const child = await prisma.child.findUniqueOrThrow({ where: { id: input.childId }, select: { firstName: true, prefix: true, lastName: true } });
  try {
    const id = await prisma.$transaction(async (tx) => {
      const absence = await tx.absence.create({
        data: {
          schoolId: actor.schoolId, childId: input.childId, reportedById: actor.userId, reason: input.reason, note: input.note || null,
          fromDate: asDate(input.fromDate), dayPart: input.dayPart, expectedBack: input.expectedBack ? asDate(input.expectedBack) : null, openChildId: input.childId,
        },
      });
      // The child's other guardians (either household: the child's health and presence concern both)
      // hear what and when, not the free text: that was written to the school, and may be about the
      // writer's own home, which the other household is not told about (BW 1:377c).
      await enqueueToGuardians(tx, {
        schoolId: actor.schoolId, childIds: [input.childId], excludeUserIds: [actor.userId], kind: 'absence_reported',
        render: async (to) => {
          const t = await translatorFor(to.locale, 'mail.absenceReported');
          const tr = await translatorFor(to.locale, 'reports');
          const v = {
            name: to.firstName, child: child.firstName, reason: tr(`absenceReason.${input.reason}`), dayPart: tr(`dayPart.${input.dayPart}`),
            from: formatDay(input.fromDate, to.locale), back: input.expectedBack ? formatDay(input.expectedBack, to.locale) : tr('backUnknown'),
          };
          return { subject: t('subject', v), text: t('body', v) };
        },
      });
      return absence.id;
    });
    return { id, late: afterSchoolStart(input.fromDate, now), startsAt: SCHOOL_STARTS_AT };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('INVALID_INPUT', 'absence already open', { fieldErrors: { childId: ['reports.alreadyOpen'] }, values: { name: child.firstName } });
    throw e;
  }
}

const formatDay = (key: string, locale: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(asDate(key));

/** "Better again": the absence is over. Twice (both parents at once) is fine. */
export async function closeAbsence(actor: Actor, absenceId: string, now = new Date()) {
  const absence = await prisma.absence.findFirst({ where: { id: absenceId, schoolId: actor.schoolId }, select: { id: true, childId: true } });
  if (!absence) throw new AppError('NOT_FOUND');
  await requireOnChild(actor, absence.childId, 'absence', 'close');
  await prisma.$transaction((tx) => tx.absence.updateMany({ where: { id: absence.id, closedAt: null }, data: { closedAt: now, closedById: actor.userId, openChildId: null } }));
}

const absenceFields = { id: true, reason: true, note: true, fromDate: true, dayPart: true, expectedBack: true, createdAt: true } as const;
export type AbsenceView = { id: string; reason: AbsenceReason; note: string | null; fromDate: Date; dayPart: DayPart; expectedBack: Date | null; createdAt: Date };

/**
 * A guardian's children's open absences (either household's report). The free text only to the
 * household that wrote it, like the mail to the other guardians.
 */
export async function guardianAbsences(actor: Actor) {
  onlyGuardian(actor);
  const mine = await prisma.guardianship.findMany({ where: { userId: actor.userId, schoolId: actor.schoolId, endedAt: null }, select: { childId: true, householdId: true } });
  const householdOf = new Map(mine.map((g) => [g.childId, g.householdId]));
  const rows = await prisma.absence.findMany({
    where: { schoolId: actor.schoolId, closedAt: null, childId: { in: [...householdOf.keys()] } },
    orderBy: { fromDate: 'asc' },
    select: { ...absenceFields, childId: true, reportedById: true, child: { select: { firstName: true } }, reportedBy: { select: { guardianships: { where: { schoolId: actor.schoolId }, select: { childId: true, householdId: true } } } } },
  });
  return rows.map(({ reportedBy, reportedById, ...a }) => {
    const ownHousehold = reportedById === actor.userId || reportedBy.guardianships.some((g) => g.childId === a.childId && g.householdId === householdOf.get(a.childId));
    return { ...a, note: ownHousehold ? a.note : null };
  });
}

/**
 * The morning view: who is absent today in the groups the actor works with (a teacher their own,
 * the internal supervisor and the director every group, optionally one), and who has leave today.
 */
export async function absentToday(actor: Actor, opts: { groupId?: string } = {}, now = new Date()) {
  onlyStaff(actor);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return { today: todayKey(now), groups: [], absences: [], leave: [] };
  const today = todayKey(now);
  const groups = await prisma.group.findMany({ where: caseloadGroups(actor, year.id), orderBy: [{ grade: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
  const shown = opts.groupId ? groups.filter((g) => g.id === opts.groupId) : groups;
  if (opts.groupId && !shown.length) throw new AppError('NOT_FOUND');
  const shownIds = shown.map((g) => g.id);
  // Which of these groups the actor teaches: "better again" is the teacher's (and director's), the
  // internal supervisor only reads (policy row absence.close); so is leave (leave.read).
  const taught = new Set(isDirector(actor) ? shownIds : (await prisma.group.findMany({ where: { ...groupScope(actor, year.id), id: { in: shownIds } }, select: { id: true } })).map((g) => g.id));
  const groupOf = new Map(shown.map((g) => [g.id, g.name]));
  const relationsIn = (groupId: string): Relation[] => (isDirector(actor) ? ['director'] : taught.has(groupId) ? ['teacher'] : ['care']);

  const enrolled = { schoolYearId: year.id, groupId: { in: shownIds } };
  const rows = await prisma.absence.findMany({
    where: { schoolId: actor.schoolId, closedAt: null, fromDate: { lte: asDate(today) }, child: { enrolments: { some: enrolled } } },
    select: { ...absenceFields, childId: true, child: { select: { firstName: true, prefix: true, lastName: true, enrolments: { where: enrolled, select: { groupId: true } } } } },
  });
  const absences = rows
    .map(({ child, ...a }) => {
      const groupId = child.enrolments[0].groupId;
      return { ...a, childName: fullName(child), groupId, groupName: groupOf.get(groupId)!, mayClose: allows('absence', 'close', relationsIn(groupId)) };
    })
    .sort((a, b) => a.groupName.localeCompare(b.groupName, 'nl') || a.childName.localeCompare(b.childName, 'nl'));

  const leaveGroupIds = shownIds.filter((id) => allows('leave', 'read', relationsIn(id)));
  const leaveRows = leaveGroupIds.length
    ? await prisma.leaveRequestChild.findMany({
        where: { schoolId: actor.schoolId, leaveRequest: { status: 'GRANTED', fromDate: { lte: asDate(today) }, toDate: { gte: asDate(today) } }, child: { enrolments: { some: { schoolYearId: year.id, groupId: { in: leaveGroupIds } } } } },
        select: { leaveRequest: { select: { id: true, fromDate: true, toDate: true } }, child: { select: { id: true, firstName: true, prefix: true, lastName: true, enrolments: { where: { schoolYearId: year.id, groupId: { in: leaveGroupIds } }, select: { groupId: true } } } } },
      })
    : [];
  const leave = leaveRows
    .map((r) => ({ requestId: r.leaveRequest.id, childId: r.child.id, childName: fullName(r.child), groupName: groupOf.get(r.child.enrolments[0].groupId)!, fromDate: r.leaveRequest.fromDate, toDate: r.leaveRequest.toDate }))
    .sort((a, b) => a.groupName.localeCompare(b.groupName, 'nl') || a.childName.localeCompare(b.childName, 'nl'));
  return { today, groups, absences, leave };
}
