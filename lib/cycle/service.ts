import 'server-only';
import { randomUUID } from 'node:crypto';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { currentSchoolYear } from '@/lib/school/year';
import { type StageInput, stageSchema } from './schemas';

// The school's own talk cycle: the director shapes each stage (when, how long, for whom, the
// agenda). Records keep the agenda they were written with (TalkRecord.agendaTopics), so a change
// here only reaches talks recorded from now on.

/** Callers validate with stageSchema for field messages; this guards the service itself. */
function valid(input: StageInput): StageInput {
  const parsed = stageSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT');
  return parsed.data;
}

export async function cycleStages(actor: Actor) {
  onlyDirector(actor);
  return prisma.stageDefinition.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { position: 'asc' },
    include: { _count: { select: { rounds: true, groupEvents: true } } },
  });
}

export async function updateStage(actor: Actor, stageId: string, input: StageInput) {
  onlyDirector(actor);
  const data = valid(input);
  await prisma.$transaction(async (tx) => {
    const stage = await tx.stageDefinition.findFirst({ where: { id: stageId, schoolId: actor.schoolId }, select: { isGroupEvent: true, _count: { select: { rounds: true, groupEvents: true } } } });
    if (!stage) throw new AppError('NOT_FOUND');
    // Rounds book talks per child, meetings take attendance per group: what is planned fixes the kind.
    if (stage.isGroupEvent !== data.isGroupEvent && stage._count.rounds + stage._count.groupEvents > 0) {
      throw new AppError('INVALID_INPUT', undefined, { fieldErrors: { isGroupEvent: ['kindInUse'] } });
    }
    await tx.stageDefinition.update({ where: { id: stageId }, data });
  });
}

/** A stage of the school's own, after the existing ones. */
export async function addStage(actor: Actor, input: StageInput) {
  onlyDirector(actor);
  const data = valid(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const last = await tx.stageDefinition.aggregate({ where: { schoolId: actor.schoolId }, _max: { position: true } });
      return tx.stageDefinition.create({
        data: { ...data, schoolId: actor.schoolId, key: `own_${randomUUID().slice(0, 8)}`, position: (last._max.position ?? 0) + 1 },
      });
    });
  } catch (e) {
    // Two directors adding at the same moment took the same position: the second tries again.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT');
    throw e;
  }
}

/** Only a stage nothing was planned for goes; records of it keep their title and agenda. */
export async function removeStage(actor: Actor, stageId: string) {
  onlyDirector(actor);
  await prisma.$transaction(async (tx) => {
    const stage = await tx.stageDefinition.findFirst({ where: { id: stageId, schoolId: actor.schoolId }, select: { id: true, _count: { select: { rounds: true, groupEvents: true } } } });
    if (!stage) throw new AppError('NOT_FOUND');
    if (stage._count.rounds + stage._count.groupEvents > 0) throw new AppError('CONFLICT');
    await tx.stageDefinition.delete({ where: { id: stage.id } });
  });
}

export type CycleYearRow = { stageId: string; rounds: number; held: number; published: number; openAgreements: number };

/**
 * The year at a glance, per stage: rounds planned for this year's groups, children whose talk was
 * held, records published, agreements from them still open. One query per figure, whatever the
 * number of stages.
 */
export async function cycleYear(actor: Actor, { yearName, today = new Date() }: { yearName?: string; today?: Date } = {}) {
  onlyDirector(actor);
  // Last year stays readable after the rollover: any of the school's years by name, else the current one.
  const year = (yearName && (await prisma.schoolYear.findFirst({ where: { schoolId: actor.schoolId, name: yearName } }))) || (await currentSchoolYear(actor.schoolId, today));
  if (!year) return { year: null, rows: new Map<string, CycleYearRow>() };
  const inYear = { gte: year.startDate, lte: year.endDate };
  const [stages, rounds, held, published, open] = await Promise.all([
    prisma.stageDefinition.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, key: true } }),
    prisma.talkRound.groupBy({
      by: ['stageId'],
      where: { schoolId: actor.schoolId, groups: { some: { group: { schoolYearId: year.id } } } },
      _count: { _all: true },
    }),
    prisma.$queryRaw<{ stageId: string; n: number }[]>`
      SELECT r."stageId", count(DISTINCT b."childId")::int AS n
      FROM "Booking" b JOIN "TalkRound" r ON r.id = b."roundId"
      WHERE b."schoolId" = ${actor.schoolId} AND b.attendance = 'HELD'
        AND EXISTS (SELECT 1 FROM "RoundGroup" rg JOIN "Group" g ON g.id = rg."groupId" WHERE rg."roundId" = r.id AND g."schoolYearId" = ${year.id})
      GROUP BY r."stageId"`,
    prisma.talkRecord.groupBy({
      by: ['stageKey'],
      where: { schoolId: actor.schoolId, stageKey: { not: null }, publishedAt: { not: null }, heldOn: inYear },
      _count: { _all: true },
    }),
    prisma.$queryRaw<{ stageKey: string; n: number }[]>`
      SELECT t."stageKey", count(*)::int AS n
      FROM "Agreement" a JOIN "TalkRecord" t ON t.id = a."recordId"
      WHERE a."schoolId" = ${actor.schoolId} AND a.status IN ('OPEN', 'ADJUSTED') AND t."publishedAt" IS NOT NULL
        AND t."stageKey" IS NOT NULL AND t."heldOn" BETWEEN ${year.startDate} AND ${year.endDate}
      GROUP BY t."stageKey"`,
  ]);
  const byId = (list: { stageId: string; n: number }[]) => new Map(list.map((r) => [r.stageId, r.n]));
  const byKey = (list: { stageKey: string | null; n: number }[]) => new Map(list.map((r) => [r.stageKey, r.n]));
  const roundsOf = byId(rounds.map((r) => ({ stageId: r.stageId, n: r._count._all })));
  const heldOf = byId(held);
  const publishedOf = byKey(published.map((r) => ({ stageKey: r.stageKey, n: r._count._all })));
  const openOf = byKey(open);
  const rows = new Map<string, CycleYearRow>(
    stages.map((s) => [s.id, { stageId: s.id, rounds: roundsOf.get(s.id) ?? 0, held: heldOf.get(s.id) ?? 0, published: publishedOf.get(s.key) ?? 0, openAgreements: openOf.get(s.key) ?? 0 }]),
  );
  return { year, rows };
}
