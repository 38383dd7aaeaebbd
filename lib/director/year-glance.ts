import 'server-only';
import { onlyDirector } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { acknowledgementByGroup } from '@/lib/charter/service';
import { prisma } from '@/lib/db';
import { replyFigures } from '@/lib/messages/figures';
import { reachOfSchool } from '@/lib/reach/summary';
import { currentSchoolYear } from '@/lib/school/year';
import { directorSurveys } from '@/lib/surveys/service';

// The director's home as the school's year at a glance (issue 14): five small series, each a share
// with the counts behind it, so the chart and its table say the same thing. Every figure comes from
// the module that owns it (cycle, reach, reply times, surveys, charter); this file only lines them up.

/** A bar: `share` 0..1 (null: nothing to measure yet), with the counts it was made of. */
export type GlanceBar = { key: string; label: string; share: number | null; part: number; whole: number };

export type StageRate = GlanceBar & { booked: number };
export type ReplyMonth = GlanceBar & { medianMs: number | null; questions: number };

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Per stage of the cycle (talks, not group events): of the children in the groups its rounds this
 * year invite, how many had the talk held, and how many booked. A stage without a round yet has
 * no rate (null), not 0%: nothing was missed.
 */
async function stageRates(schoolId: string, yearId: string): Promise<StageRate[]> {
  const [stages, rows] = await Promise.all([
    prisma.stageDefinition.findMany({ where: { schoolId, isGroupEvent: false }, orderBy: { position: 'asc' }, select: { id: true, name: true } }),
    prisma.$queryRaw<{ stageId: string; invited: number; booked: number; held: number }[]>`
      SELECT r."stageId",
             count(DISTINCT e."childId")::int AS invited,
             count(DISTINCT b."childId")::int AS booked,
             count(DISTINCT b."childId") FILTER (WHERE b.attendance = 'HELD')::int AS held
      FROM "TalkRound" r
      JOIN "RoundGroup" rg ON rg."roundId" = r.id
      JOIN "Group" g ON g.id = rg."groupId" AND g."schoolYearId" = ${yearId}
      JOIN "Enrolment" e ON e."groupId" = g.id AND e."schoolYearId" = ${yearId}
      LEFT JOIN "Booking" b ON b."roundId" = r.id AND b."childId" = e."childId"
      WHERE r."schoolId" = ${schoolId}
      GROUP BY r."stageId"`,
  ]);
  return stages.map((s) => {
    const r = rows.find((x) => x.stageId === s.id);
    return { key: s.id, label: s.name, share: r ? share(r.held, r.invited) : null, part: r?.held ?? 0, whole: r?.invited ?? 0, booked: r?.booked ?? 0 };
  });
}

/** Everything the director's home charts, for the current school year; null before there is one. */
export async function yearAtAGlance(actor: Actor, now = new Date()) {
  onlyDirector(actor);
  const year = await currentSchoolYear(actor.schoolId, now);
  if (!year) return null;
  const [stages, reach, replies, surveys, charter] = await Promise.all([
    stageRates(actor.schoolId, year.id),
    reachOfSchool(actor, now),
    replyFigures(actor, undefined, now),
    directorSurveys(actor),
    acknowledgementByGroup(actor, now),
  ]);
  const families = reach.families.length;
  return {
    year: { id: year.id, name: year.name },
    stages,
    // Reached = none of the trend's signals applies at that month's end.
    reach: reach.trend.map((m): GlanceBar => ({ key: m.month, label: m.month, share: share(families - m.notReachedAny, families), part: families - m.notReachedAny, whole: families })),
    replies: replies.months.map((m): ReplyMonth => ({ key: m.month, label: m.month, share: m.withinShare, part: m.within, whole: m.settled, medianMs: m.medianMs, questions: m.questions })),
    // Surveys of this school year that have opened, oldest first: response = invitations answered.
    surveys: surveys
      .filter((s) => s.opensAt >= year.startDate && s.opensAt <= now)
      .reverse()
      .map((s): GlanceBar => ({ key: s.id, label: s.title, share: share(s.answered, s._count.invitations), part: s.answered, whole: s._count.invitations })),
    charter: {
      version: charter.version ? { number: charter.version.number } : null,
      groups: charter.groups.map((g): GlanceBar => ({ key: g.id, label: g.name, share: share(g.acknowledged, g.total), part: g.acknowledged, whole: g.total })),
    },
  };
}

export type YearAtAGlance = NonNullable<Awaited<ReturnType<typeof yearAtAGlance>>>;
