import 'server-only';
import type { SurveyAudience } from '@/generated/prisma/client';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toCsv } from '@/lib/import/csv';
import { MIN_GROUP_SIZE } from './schemas';

// Survey results, computed in SQL (counts, means, spreads), never by loading every answer. Anything
// based on fewer than MIN_GROUP_SIZE answers is withheld, so no single parent can be singled out.

type Dist = { questionId: string; audience: SurveyAudience; value: string; n: number };
type Stat = { questionId: string; audience: SurveyAudience; n: number; mean: number | null; sd: number | null };

async function stats(surveyId: string) {
  const [distribution, likert, groupMeans] = await Promise.all([
    prisma.$queryRaw<Dist[]>`
      SELECT a."questionId", r.audience, v.value, count(*)::int AS n
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
      CROSS JOIN LATERAL (
        SELECT a.likert::text AS value WHERE a.likert IS NOT NULL
        UNION ALL SELECT CASE WHEN a.yes THEN 'yes' ELSE 'no' END WHERE a.yes IS NOT NULL
        UNION ALL SELECT unnest(a.choices)
      ) v
      WHERE r."surveyId" = ${surveyId}
      GROUP BY 1, 2, 3`,
    prisma.$queryRaw<Stat[]>`
      SELECT a."questionId", r.audience, count(*)::int AS n, avg(a.likert)::float8 AS mean, stddev_samp(a.likert)::float8 AS sd
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
      WHERE r."surveyId" = ${surveyId} AND (a.likert IS NOT NULL OR a.yes IS NOT NULL OR cardinality(a.choices) > 0 OR a.text IS NOT NULL)
      GROUP BY 1, 2`,
    prisma.$queryRaw<{ questionId: string; groupId: string; n: number; mean: number | null }[]>`
      SELECT a."questionId", g AS "groupId", count(*)::int AS n, avg(a.likert)::float8 AS mean
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId", unnest(r."groupIds") g
      WHERE r."surveyId" = ${surveyId} AND a.likert IS NOT NULL
      GROUP BY 1, 2`,
  ]);
  return { distribution, likert, groupMeans };
}

export async function surveyResults(actor: Actor, surveyId: string, openFilter = '') {
  if (actor.role !== 'DIRECTOR') throw new AppError('NOT_FOUND');
  const survey = await prisma.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { questions: { orderBy: { position: 'asc' } } } });
  if (!survey) throw new AppError('NOT_FOUND');
  const [rates, groupRates, current, open, groups] = await Promise.all([
    prisma.$queryRaw<{ audience: SurveyAudience; invited: number; answered: number }[]>`
      SELECT audience, count(*)::int AS invited, count("submittedAt")::int AS answered FROM "SurveyInvitation" WHERE "surveyId" = ${surveyId} GROUP BY 1`,
    prisma.$queryRaw<{ groupId: string; invited: number; answered: number }[]>`
      SELECT g AS "groupId", count(*)::int AS invited, count(i."submittedAt")::int AS answered
      FROM "SurveyInvitation" i, unnest(i."groupIds") g WHERE i."surveyId" = ${surveyId} GROUP BY 1`,
    stats(surveyId),
    // Open answers in text order, not in the order they came in.
    prisma.$queryRaw<{ questionId: string; audience: SurveyAudience; text: string }[]>`
      SELECT a."questionId", r.audience, a.text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
      WHERE r."surveyId" = ${surveyId} AND a.text IS NOT NULL AND a.text ILIKE ${`%${openFilter}%`} ORDER BY a.text`,
    prisma.group.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, name: true } }),
  ]);
  // The previous run of the same template, for "what changed".
  const previous = survey.templateKey
    ? await prisma.survey.findFirst({ where: { schoolId: actor.schoolId, templateKey: survey.templateKey, closesAt: { lt: survey.opensAt } }, orderBy: { closesAt: 'desc' }, include: { questions: true } })
    : null;
  const before = previous ? await stats(previous.id) : null;

  const shown = (n: number) => n >= MIN_GROUP_SIZE;
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? '?';
  return {
    survey,
    previous: previous ? { id: previous.id, title: previous.title, closesAt: previous.closesAt } : null,
    rates,
    groupRates: groupRates.map((g) => ({ ...g, name: groupName(g.groupId) })).sort((a, b) => a.name.localeCompare(b.name)),
    questions: survey.questions.map((q) => {
      const per = (survey.audiences as SurveyAudience[]).map((audience) => {
        const s = current.likert.find((x) => x.questionId === q.id && x.audience === audience);
        const n = s?.n ?? 0;
        const prevQ = previous?.questions.find((p) => p.position === q.position && p.text === q.text);
        const prev = prevQ ? before?.likert.find((x) => x.questionId === prevQ.id && x.audience === audience) : undefined;
        return {
          audience,
          n,
          hidden: !shown(n),
          mean: shown(n) ? s?.mean ?? null : null,
          sd: shown(n) ? s?.sd ?? null : null,
          change: shown(n) && prev && shown(prev.n) && s?.mean != null && prev.mean != null ? s.mean - prev.mean : null,
          distribution: shown(n) ? current.distribution.filter((d) => d.questionId === q.id && d.audience === audience).map((d) => ({ value: d.value, n: d.n })) : [],
          open: shown(n) ? open.filter((o) => o.questionId === q.id && o.audience === audience).map((o) => o.text) : [],
        };
      });
      const byGroup = current.groupMeans
        .filter((g) => g.questionId === q.id)
        .map((g) => ({ name: groupName(g.groupId), n: g.n, hidden: !shown(g.n), mean: shown(g.n) ? g.mean : null }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { ...q, per, byGroup };
    }),
  };
}

/** Aggregates as CSV (';' for Dutch Excel): question, audience, value, count, mean, spread. No raw rows. */
export async function surveyCsv(actor: Actor, surveyId: string) {
  const r = await surveyResults(actor, surveyId);
  const rows: (string | number)[][] = [];
  for (const q of r.questions)
    for (const p of q.per) {
      if (p.hidden) {
        rows.push([q.section, q.text, p.audience, `(minder dan ${MIN_GROUP_SIZE} antwoorden)`, '', '', '']);
        continue;
      }
      for (const d of p.distribution) rows.push([q.section, q.text, p.audience, d.value, d.n, '', '']);
      if (p.mean != null) rows.push([q.section, q.text, p.audience, 'gemiddelde', p.n, p.mean.toFixed(2), p.sd?.toFixed(2) ?? '']);
      for (const text of p.open) rows.push([q.section, q.text, p.audience, text, 1, '', '']);
    }
  return '\uFEFF' + toCsv(['sectie', 'vraag', 'publiek', 'antwoord', 'aantal', 'gemiddelde', 'spreiding'], rows);
}
