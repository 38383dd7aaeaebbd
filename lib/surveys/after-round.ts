import 'server-only';
import { attendingTalk } from '@/lib/access/bookings';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatTalkTime } from '@/lib/format/time';
import { enqueueToUsers, fromMessages } from '@/lib/mail/guardians';
import { kickMailDelivery } from '@/lib/mail/outbox';
import { surveyResults } from './results';
import { MIN_GROUP_SIZE } from './schemas';

// After a talk round, the families who had a talk get two questions about it, in the survey module:
// one anonymous Survey per round (Survey.roundId is unique), with the module's invitations, pool and
// release rule, so nothing here stores who said what. The job opens it once the round's last slot
// has passed; the director may open it earlier from the round page. While it is open, families whose
// talk has since taken place are invited too (a round opened early would otherwise miss its last evening).

export const AFTER_ROUND_TEMPLATE = 'after_round';
/** How long families may answer. */
export const AFTER_ROUND_OPEN_DAYS = 14;
/**
 * The job only opens surveys for rounds that ended this recently: the first run on a school with a
 * history must not ask about talks of last year.
 */
export const AFTER_ROUND_WINDOW_DAYS = 14;

// Survey content is stored in Dutch, like the templates (lib/surveys/templates.ts). The scale is the
// module's agreement scale, so the first question is put as a statement.
export const AFTER_ROUND_QUESTIONS = [
  { section: 'Het gesprek', type: 'LIKERT', text: 'Het gesprek was nuttig.', required: true },
  { section: 'Het gesprek', type: 'OPEN', text: 'Wat kan beter?', required: false },
] as const;

const DAY = 86_400_000;

type Round = { id: string; schoolId: string; name: string; createdById: string; inviteInformationOnly: boolean };

/** Who had a talk by `now`: per guardian who sat in a talk that was not a no-show, the groups of those talks. */
async function hadTalk(tx: Tx, round: Round, now: Date) {
  const bookings = await tx.booking.findMany({
    where: { schoolId: round.schoolId, roundId: round.id, attendance: { not: 'NO_SHOW' }, claims: { some: { slot: { startsAt: { lte: now } } } } },
    select: { childId: true, householdKey: true, claims: { select: { slot: { select: { groupId: true } } } } },
  });
  const facts = await tx.guardianship.findMany({
    where: { schoolId: round.schoolId, childId: { in: [...new Set(bookings.map((b) => b.childId))] }, endedAt: null },
    select: { childId: true, userId: true, right: true, householdId: true },
  });
  // One invitation per person, however many of their children had a talk.
  const groupsOf = new Map<string, Set<string>>();
  for (const b of bookings) {
    for (const g of attendingTalk(facts, b.childId, b.householdKey, round)) {
      const groups = groupsOf.get(g.userId) ?? new Set<string>();
      for (const c of b.claims) groups.add(c.slot.groupId);
      groupsOf.set(g.userId, groups);
    }
  }
  return groupsOf;
}

/**
 * The round's survey, created when missing, and invitations for everyone who has had a talk since.
 * Idempotent and safe to run side by side (the round row is locked; Survey.roundId is unique).
 * Returns the survey's id, whether it was created now and how many were newly invited.
 */
async function ensureAfterRound(round: Round, now: Date, createdById = round.createdById) {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "TalkRound" WHERE id = ${round.id} FOR UPDATE`;
    let survey = await tx.survey.findUnique({ where: { roundId_schoolId: { roundId: round.id, schoolId: round.schoolId } }, select: { id: true, title: true, closesAt: true } });
    const created = !survey;
    if (!survey) {
      const groups = await tx.roundGroup.findMany({ where: { roundId: round.id }, select: { groupId: true } });
      survey = await tx.survey.create({
        data: {
          schoolId: round.schoolId,
          roundId: round.id,
          templateKey: AFTER_ROUND_TEMPLATE,
          title: `Hoe was het gesprek? ${round.name}`,
          intro: 'Twee korte vragen over het gesprek dat u had. Anoniem: niemand kan zien wat u antwoordt.',
          anonymous: true,
          audiences: ['GUARDIANS'],
          groupIds: groups.map((g) => g.groupId),
          opensAt: now,
          closesAt: new Date(+now + AFTER_ROUND_OPEN_DAYS * DAY),
          createdById,
        },
        select: { id: true, title: true, closesAt: true },
      });
      await tx.surveyQuestion.createMany({
        data: AFTER_ROUND_QUESTIONS.map((q, position) => ({ schoolId: round.schoolId, surveyId: survey!.id, position, section: q.section, type: q.type, text: q.text, required: q.required, options: [] })),
      });
    }
    if (now >= survey.closesAt) return { surveyId: survey.id, created, invited: 0 };
    const groupsOf = await hadTalk(tx, round, now);
    const invitations = await tx.surveyInvitation.findMany({ where: { surveyId: survey.id }, select: { id: true, userId: true, groupIds: true, submittedAt: true } });
    // Someone invited after one child's talk whose other child has since had one: that group counts too (until they answer).
    for (const inv of invitations) {
      const groups = groupsOf.get(inv.userId);
      if (!inv.submittedAt && groups && [...groups].some((g) => !inv.groupIds.includes(g))) {
        await tx.surveyInvitation.update({ where: { id: inv.id }, data: { groupIds: [...new Set([...inv.groupIds, ...groups])] } });
      }
    }
    const already = new Set(invitations.map((i) => i.userId));
    const fresh = [...groupsOf].filter(([userId]) => !already.has(userId));
    await tx.surveyInvitation.createMany({ data: fresh.map(([userId, groups]) => ({ schoolId: round.schoolId, surveyId: survey.id, userId, audience: 'GUARDIANS' as const, groupIds: [...groups] })) });
    const s = survey;
    await enqueueToUsers(tx, {
      schoolId: round.schoolId,
      userIds: fresh.map(([userId]) => userId),
      kind: 'survey_invitation',
      render: fromMessages('afterRound.mail', (to) => ({ round: round.name, until: formatTalkTime(s.closesAt, to.locale) })),
    });
    return { surveyId: survey.id, created, invited: fresh.length };
  }, { timeout: 60_000 });
  if (result.invited) kickMailDelivery();
  return result;
}

const roundSelect = { id: true, schoolId: true, name: true, createdById: true, inviteInformationOnly: true } as const;

/**
 * The periodic job: every round whose last slot ended within AFTER_ROUND_WINDOW_DAYS gets its survey,
 * and every open after-round survey invites the families whose talk has taken place since.
 */
export async function inviteAfterRound(scope: { schoolId?: string } = {}, now = new Date()) {
  const schoolId = scope.schoolId ?? null;
  const since = new Date(+now - AFTER_ROUND_WINDOW_DAYS * DAY);
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "TalkRound" r
    WHERE (${schoolId}::text IS NULL OR r."schoolId" = ${schoolId})
      AND ((SELECT max(s."endsAt") FROM "Slot" s WHERE s."roundId" = r.id) BETWEEN ${since} AND ${now}
        OR EXISTS (SELECT 1 FROM "Survey" v WHERE v."roundId" = r.id AND v."closesAt" > ${now}))`;
  let invited = 0;
  for (const { id } of due) {
    const round = await prisma.talkRound.findUniqueOrThrow({ where: { id }, select: roundSelect });
    invited += (await ensureAfterRound(round, now)).invited;
  }
  return invited;
}

/** The director opens the round's survey now (before its last slot has passed, or for an older round). */
export async function startAfterRound(actor: Actor, roundId: string, now = new Date()) {
  requireAtSchool(actor, 'survey', 'write');
  const round = await prisma.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId }, select: roundSelect });
  if (!round) throw new AppError('NOT_FOUND');
  // Before the first talk there is nobody to ask, and the survey would close before the round ends.
  const begun = await prisma.slot.count({ where: { roundId, startsAt: { lte: now } } });
  if (!begun) throw new AppError('INVALID_INPUT', 'no talk yet', { fieldErrors: { roundId: ['afterRound.noTalksYet'] } });
  return ensureAfterRound(round, now, actor.userId);
}

/**
 * The round's results for the director, from the survey module (same release rule, same n<5 rule):
 * the usefulness per group with complementary suppression, and what could be better.
 */
export async function afterRoundResults(actor: Actor, roundId: string, now = new Date()) {
  requireAtSchool(actor, 'survey', 'results');
  const round = await prisma.talkRound.findFirst({ where: { id: roundId, schoolId: actor.schoolId }, select: { id: true, name: true, survey: { select: { id: true } } } });
  if (!round) throw new AppError('NOT_FOUND');
  if (!round.survey) return { round, survey: null };
  const r = await surveyResults(actor, round.survey.id, '', now);
  const [useful, better] = [r.questions.find((q) => q.type === 'LIKERT'), r.questions.find((q) => q.type === 'OPEN')];
  const invited = r.rates.reduce((a, x) => a + x.invited, 0);
  const answered = r.rates.reduce((a, x) => a + x.answered, 0);
  const parents = useful?.per.find((p) => p.audience === 'GUARDIANS');
  return {
    round,
    survey: {
      id: round.survey.id,
      invited,
      answered,
      withheld: r.withheld,
      releasesAt: r.releasesAt,
      useful: parents ? { n: parents.n, hidden: parents.hidden, mean: parents.mean, distribution: parents.distribution } : null,
      byGroup: useful?.byGroup ?? [],
      better: better?.per.find((p) => p.audience === 'GUARDIANS')?.open ?? [],
      min: MIN_GROUP_SIZE,
    },
  };
}
