import 'server-only';
import type { SurveyAudience } from '@/generated/prisma/client';
import { requireAtSchool } from '@/lib/access/school';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { toCsv } from '@/lib/import/csv';
import { MIN_GROUP_SIZE } from './schemas';
import { closeSurvey, resultsReleaseAt } from './service';
import { suppress } from './suppression';

// Survey results, computed in SQL (counts, means, spreads), never by loading every answer. Anything
// based on fewer than MIN_GROUP_SIZE answers is withheld, so no single parent can be singled out.
//
// When an anonymous survey's figures may be seen (the threat model is in service.ts, above submitSurvey):
// only after it has closed (RELEASE_DELAY_MS after closesAt), never before, whatever the count. Figures
// that are released while answers still come in can be compared: a director who reloads after each
// answer, or even only after every fifth, learns from the difference what the newest answers were, and
// the difference between the last interim figures and the final ones is the last few answers however
// big the batches were. So before the release only the response rate (who answered, never what) shows.
// Named surveys show their figures as they come in: there the school sees who said what anyway.
// Per-group figures sit next to the audience's total, so they use complementary suppression.

type Dist = { questionId: string; audience: SurveyAudience; value: string; n: number };
type Stat = { questionId: string; audience: SurveyAudience; n: number; mean: number | null; sd: number | null };

/**
 * One pass over the answers, grouped by question, audience, the respondent's groups and the value;
 * counts, means, spreads and per-group means are all derived from that small result.
 */
async function stats(surveyId: string) {
  const [cells, choiceCells] = await Promise.all([
    prisma.$queryRaw<{ questionId: string; audience: SurveyAudience; groupIds: string[]; likert: number | null; yes: boolean | null; n: number }[]>`
      SELECT a."questionId", r.audience, r."groupIds", a.likert, a.yes, count(*)::int AS n
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
      WHERE r."surveyId" = ${surveyId}
      GROUP BY 1, 2, 3, 4, 5`,
    prisma.$queryRaw<Dist[]>`
      SELECT a."questionId", r.audience, c AS value, count(*)::int AS n
      FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId", unnest(a.choices) c
      WHERE r."surveyId" = ${surveyId} AND cardinality(a.choices) > 0
      GROUP BY 1, 2, 3`,
  ]);
  const key = (...parts: string[]) => parts.join('\u0000');
  const dist = new Map<string, Dist>();
  const acc = new Map<string, { questionId: string; audience: SurveyAudience; n: number; ln: number; sum: number; sq: number }>();
  const groups = new Map<string, { questionId: string; groupId: string; n: number; sum: number }>();
  for (const c of cells) {
    const value = c.likert != null ? String(c.likert) : c.yes != null ? (c.yes ? 'yes' : 'no') : null;
    if (value) {
      const k = key(c.questionId, c.audience, value);
      const d = dist.get(k) ?? { questionId: c.questionId, audience: c.audience, value, n: 0 };
      d.n += c.n;
      dist.set(k, d);
    }
    const a = acc.get(key(c.questionId, c.audience)) ?? { questionId: c.questionId, audience: c.audience, n: 0, ln: 0, sum: 0, sq: 0 };
    a.n += c.n;
    if (c.likert != null) {
      a.ln += c.n;
      a.sum += c.likert * c.n;
      a.sq += c.likert * c.likert * c.n;
      for (const groupId of c.groupIds) {
        const g = groups.get(key(c.questionId, groupId)) ?? { questionId: c.questionId, groupId, n: 0, sum: 0 };
        g.n += c.n;
        g.sum += c.likert * c.n;
        groups.set(key(c.questionId, groupId), g);
      }
    }
    acc.set(key(c.questionId, c.audience), a);
  }
  const likert: Stat[] = [...acc.values()].map((a) => ({
    questionId: a.questionId,
    audience: a.audience,
    n: a.n,
    mean: a.ln ? a.sum / a.ln : null,
    sd: a.ln > 1 ? Math.sqrt(Math.max(0, (a.sq - (a.sum * a.sum) / a.ln) / (a.ln - 1))) : null,
  }));
  return {
    distribution: [...dist.values(), ...choiceCells],
    likert,
    groupMeans: [...groups.values()].map((g) => ({ questionId: g.questionId, groupId: g.groupId, n: g.n, mean: g.n ? g.sum / g.n : null })),
  };
}

export async function surveyResults(actor: Actor, surveyId: string, openFilter = '', now = new Date()) {
  requireAtSchool(actor, 'survey', 'results');
  const survey = await prisma.survey.findFirst({ where: { id: surveyId, schoolId: actor.schoolId }, include: { questions: { orderBy: { position: 'asc' } } } });
  if (!survey) throw new AppError('NOT_FOUND');
  const releasesAt = resultsReleaseAt(survey);
  const withheld = now < releasesAt;
  const [rates, groupRates, groups] = await Promise.all([
    prisma.$queryRaw<{ audience: SurveyAudience; invited: number; answered: number }[]>`
      SELECT audience, count(*)::int AS invited, count("submittedAt")::int AS answered FROM "SurveyInvitation" WHERE "surveyId" = ${surveyId} GROUP BY 1`,
    prisma.$queryRaw<{ groupId: string; invited: number; answered: number }[]>`
      SELECT g AS "groupId", count(*)::int AS invited, count(i."submittedAt")::int AS answered
      FROM "SurveyInvitation" i, unnest(i."groupIds") g WHERE i."surveyId" = ${surveyId} GROUP BY 1`,
    prisma.group.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, name: true } }),
  ]);
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? '?';
  const common = {
    survey,
    releasesAt,
    rates,
    groupRates: groupRates.map((g) => ({ ...g, name: groupName(g.groupId) })).sort((a, b) => a.name.localeCompare(b.name)),
  };
  if (withheld) return { ...common, withheld: true as const, previous: null, questions: survey.questions.map((q) => ({ ...q, per: [], byGroup: [] })) };

  // Every answer sent before the close is written (and the drafts are gone) before anything is counted.
  if (survey.anonymous) await closeSurvey(survey, now);
  const [current, open] = await Promise.all([
    stats(surveyId),
    // Open answers in text order, not in the order they came in.
    prisma.$queryRaw<{ questionId: string; audience: SurveyAudience; text: string }[]>`
      SELECT a."questionId", r.audience, a.text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
      WHERE r."surveyId" = ${surveyId} AND a.text IS NOT NULL AND a.text ILIKE ${`%${openFilter}%`} ORDER BY a.text`,
  ]);
  // The previous run of the same template, for "what changed" (only once its own results are out).
  const found = survey.templateKey
    ? await prisma.survey.findFirst({ where: { schoolId: actor.schoolId, templateKey: survey.templateKey, closesAt: { lt: survey.opensAt } }, orderBy: { closesAt: 'desc' }, include: { questions: true } })
    : null;
  const previous = found && now >= resultsReleaseAt(found) ? found : null;
  if (previous?.anonymous) await closeSurvey(previous, now);
  const before = previous ? await stats(previous.id) : null;

  const shown = (n: number) => n >= MIN_GROUP_SIZE;
  return {
    ...common,
    withheld: false as const,
    previous: previous ? { id: previous.id, title: previous.title, closesAt: previous.closesAt } : null,
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
      const byGroup = suppress(
        current.groupMeans
          .filter((g) => g.questionId === q.id)
          .map((g) => ({ name: groupName(g.groupId), n: g.n, mean: g.mean }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ).map((g) => ({ ...g, mean: g.hidden ? null : g.mean }));
      return { ...q, per, byGroup };
    }),
  };
}

/** Aggregates as CSV (';' for Dutch Excel): question, audience, value, count, mean, spread. No raw rows. */
export async function surveyCsv(actor: Actor, surveyId: string, now = new Date()) {
  const r = await surveyResults(actor, surveyId, '', now);
  if (r.withheld) throw new AppError('ROUND_NOT_OPEN');
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
