import 'server-only';
import { childName, mayInRound, onChildFile, preparationScope } from '@/lib/access/child-file';
import { isStaff, onlyGuardian } from '@/lib/access/roles';
import { childScope } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { currentSchoolYear } from '@/lib/school/year';
import { auditFile } from './audit';
import { childAnswersInOrder, inAgendaOrder } from './agenda';
import type { PreparationInput } from './schemas';

// Parents prepare a parent-tell or well-being talk along the stage's agenda; from the grade where
// the child joins the talk (well-being: group 5) the child answers its own questions too. The
// teacher reads it in the day view and while recording the talk. A preparation is its household's:
// separated parents each prepare their own, and neither reads the other's.

/**
 * What the guardian prepares for this child in this round: the agenda, whether the child answers,
 * what their household saved, and whether they may write it (a guardian with information only when
 * the round invites them).
 */
export async function preparationForm(actor: Actor, childId: string, roundId: string, db: Tx | typeof prisma = prisma) {
  onlyGuardian(actor);
  const rel = await onChildFile(actor, childId, 'preparation', 'read', db);
  const child = await childName(db, childId);
  const year = await currentSchoolYear(actor.schoolId);
  const round = await db.talkRound.findFirst({
    where: { id: roundId, schoolId: actor.schoolId, stage: { parentPreparation: true }, groups: { some: { group: { enrolments: { some: { childId, schoolYearId: year?.id } } } } } },
    select: { id: true, name: true, inviteInformationOnly: true, stage: { select: { key: true, name: true, agendaTopics: true, childQuestions: true, childPresentFromGrade: true } }, blocks: { select: { endsAt: true }, orderBy: { endsAt: 'desc' }, take: 1 } },
  });
  if (!round) throw new AppError('NOT_FOUND');
  const enrolment = await db.enrolment.findFirst({ where: { childId, schoolYearId: year?.id }, select: { group: { select: { grade: true } } } });
  const householdId = rel.householdId!; // a guardian's relation always has their household
  const saved = await db.talkPreparation.findUnique({ where: { roundId_childId_householdId: { roundId, childId, householdId } } });
  const from = round.stage.childPresentFromGrade;
  return {
    child,
    round,
    householdId,
    mayWrite: mayInRound(rel, 'preparation', round),
    childAnswers: from !== null && round.stage.childQuestions.length > 0 && (enrolment?.group.grade ?? 0) >= from,
    closesAt: round.blocks[0]?.endsAt ?? null,
    saved: saved ? { answers: saved.answers as Record<string, string>, childAnswers: saved.childAnswers as Record<string, string>, updatedAt: saved.updatedAt } : null,
  };
}

/** Save (or update) the household's preparation; after the round's last talk it is too late. */
export async function savePreparation(actor: Actor, input: PreparationInput, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const form = await preparationForm(actor, input.childId, input.roundId, tx);
    if (!form.mayWrite) throw new AppError('NOT_FOUND');
    if (form.closesAt && form.closesAt < now) throw new AppError('TALK_HELD');
    // Answers are stored under the agenda's own wording, so the teacher reads them next to the same topic.
    const answers = Object.fromEntries(form.round.stage.agendaTopics.map((topic, i) => [topic, input.answers[i] ?? '']).filter(([, v]) => v));
    // The child's under the question's wording: a later change of the stage's questions leaves them as asked.
    const childAnswers = form.childAnswers ? Object.fromEntries(form.round.stage.childQuestions.map((q, i) => [q, input.childAnswers[i] ?? '']).filter(([, v]) => v)) : {};
    const key = { roundId: input.roundId, childId: input.childId, householdId: form.householdId };
    await tx.talkPreparation.upsert({
      where: { roundId_childId_householdId: key },
      create: { ...key, schoolId: actor.schoolId, answers, childAnswers, updatedById: actor.userId },
      update: { answers, childAnswers, updatedById: actor.userId },
    });
  });
}

const preparationSelect = {
  id: true, roundId: true, childId: true, answers: true, childAnswers: true, updatedAt: true,
  round: { select: { name: true, stage: { select: { agendaTopics: true, childQuestions: true } } } },
} as const;

type Row = { answers: unknown; childAnswers: unknown; round: { stage: { agendaTopics: string[]; childQuestions: string[] } } };
const ordered = <T extends Row>(p: T) => ({
  ...p,
  answers: inAgendaOrder(p.answers, p.round.stage.agendaTopics),
  childAnswers: childAnswersInOrder(p.childAnswers, p.round.stage.childQuestions),
});

/** Staff: the preparations of the children they talk to (the day view); each read is audited. */
export async function preparationsFor(actor: Actor, talks: { roundId: string; childId: string }[]) {
  if (!isStaff(actor) || talks.length === 0) return [];
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return [];
  const rows = (await prisma.talkPreparation.findMany({
    where: { schoolId: actor.schoolId, OR: talks.map((t) => ({ roundId: t.roundId, childId: t.childId })), child: await childScope(actor, year.id) },
    select: preparationSelect,
  })).map(ordered);
  await Promise.all([...new Set(rows.map((r) => r.childId))].map((childId) => auditFile(prisma, actor, childId, 'read', 'preparation')));
  return rows;
}

/** Every preparation in the child's file as the actor may read it (the timeline, the export): a guardian their household's. */
export async function childPreparations(actor: Actor, childId: string) {
  const rel = await onChildFile(actor, childId, 'preparation', 'read');
  return (await prisma.talkPreparation.findMany({ where: { childId, schoolId: actor.schoolId, ...preparationScope(actor, rel) }, orderBy: { updatedAt: 'desc' }, select: preparationSelect })).map(ordered);
}

/**
 * The day view: what parents wrote with their booking, for the talks the staff member has that day.
 * Read here, not in the day's slot query, so that each read of a child's note is audited.
 */
export async function parentNotesFor(actor: Actor, bookingIds: string[]) {
  if (!isStaff(actor) || bookingIds.length === 0) return [];
  const year = await currentSchoolYear(actor.schoolId);
  if (!year) return [];
  const rows = await prisma.booking.findMany({
    where: { id: { in: bookingIds }, schoolId: actor.schoolId, note: { not: null }, child: await childScope(actor, year.id) },
    orderBy: { createdAt: 'asc' },
    select: { id: true, childId: true, note: true },
  });
  const notes = rows.flatMap((r) => (r.note ? [{ bookingId: r.id, childId: r.childId, note: r.note }] : []));
  await Promise.all([...new Set(notes.map((n) => n.childId))].map((childId) => auditFile(prisma, actor, childId, 'read', 'parentNote')));
  return notes;
}
