// The demo's survey history: the biennial satisfaction survey of 2022 and 2024 (closed, answered,
// 2024 with its published summary and actions), and the two questions after last month's
// parent-tell talks. The answers tell a story a director can act on, and they are made with a
// seeded generator, so every demo (and every test) gets the same figures:
// - parents are positive about the welcome, their child's well-being and the talks about their child;
// - helping at home with schoolwork is the weakest point and slipped since 2022;
// - the next-working-day answer to an e-mail fell from 2022 to 2024 (the school's first action);
// - bullying is handled better than in 2022;
// - group 7's parents feel much less heard (section "Gehoord worden") than the rest, in 2024 only.
import { randomUUID } from 'node:crypto';
import { addDays } from 'date-fns';
import type { Prisma, QuestionType } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { inviteAfterRound } from '@/lib/surveys/after-round';
import { closeSurvey, submitSurvey } from '@/lib/surveys/service';
import { SURVEY_TEMPLATES } from '@/lib/surveys/templates';

/** mulberry32: a small seeded generator, so the demo's answers are the same on every start. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An answer on the 1-5 scale around `mean`: a triangular spread of about one point either way. */
function likertAround(rnd: () => number, mean: number) {
  const v = Math.round(mean + (rnd() + rnd() - 1) * 1.6);
  return Math.min(5, Math.max(1, v));
}

// The satisfaction template's scale questions, by their text's opening words: the mean per run.
const MEANS: { starts: string; y2022: number; y2024: number }[] = [
  { starts: 'Ik voel me welkom', y2022: 4.3, y2024: 4.3 },
  { starts: 'Als ik de school bel', y2022: 4.1, y2024: 4.1 },
  { starts: 'Op mijn e-mail', y2022: 3.7, y2024: 2.9 },
  { starts: 'De nieuwsbrief', y2022: 3.8, y2024: 3.9 },
  { starts: 'De school laat mij op tijd', y2022: 3.5, y2024: 3.4 },
  { starts: 'De school is open en eerlijk', y2022: 3.7, y2024: 3.6 },
  { starts: 'In het oudervertelgesprek', y2022: 4.1, y2024: 4.3 },
  { starts: 'In de gesprekken maken', y2022: 3.9, y2024: 4.0 },
  { starts: 'Ik weet goed hoe mijn kind', y2022: 3.8, y2024: 4.0 },
  { starts: 'De school vertelt mij hoe ik mijn kind thuis', y2022: 3.1, y2024: 2.6 },
  { starts: 'Mijn kind gaat met plezier', y2022: 4.4, y2024: 4.4 },
  { starts: 'Mijn kind voelt zich veilig', y2022: 4.2, y2024: 4.2 },
  { starts: 'De school pakt pesten', y2022: 3.0, y2024: 3.6 },
  { starts: 'Als ik me zorgen maak', y2022: 3.9, y2024: 3.9 },
  { starts: 'De leerkracht ziet mij als partner', y2022: 3.9, y2024: 3.9 },
  { starts: 'De school neemt mijn vragen', y2022: 3.7, y2024: 3.7 },
  { starts: 'De school staat open voor ideeën', y2022: 3.5, y2024: 3.5 },
  { starts: 'De school vertelt ouders wat zij doet', y2022: 2.9, y2024: 3.1 },
];
/** Group 7 in 2024 (a year of changing teachers): this much lower on every question about being heard. */
const UNHEARD_GROUP = '7';
const UNHEARD_DROP = 1.6;
const HEARD_SECTION = 'Gehoord worden';

const GOOD = ['De sfeer op het plein is fijn.', 'Juf en meester staan elke ochtend bij de deur.', 'Mijn kind gaat met plezier naar school.', 'De oudervertelgesprekken aan het begin van het jaar.', 'Korte lijnen met de leerkracht.'];
const BETTER = [
  'Sneller antwoord op e-mail, soms wacht ik een week.',
  'Meer uitleg over hoe ik thuis kan helpen met rekenen.',
  'Tips voor thuis bij begrijpend lezen.',
  'Vaker laten weten wat er in de klas gebeurt.',
  'In groep 7 wordt er weinig naar ouders geluisterd.',
  'Minder papieren brieven, alles in de app.',
];
const CHANNELS = ['Via de app van school', 'Per e-mail', 'Via de nieuwsbrief', 'Via de website', 'In een gesprek op school', 'Even kort op het plein of bij de deur'];
const CHANNEL_WEIGHTS = [0.7, 0.45, 0.3, 0.1, 0.2, 0.25];

type Run = { year: 2022 | 2024; responses: number; seed: number; summary?: string };

async function seedSatisfactionRun(schoolId: string, createdById: string, groups: { id: string; name: string }[], run: Run) {
  const template = SURVEY_TEMPLATES.find((t) => t.key === 'satisfaction')!;
  const survey = await prisma.survey.create({
    data: {
      schoolId, templateKey: template.key, title: `${template.title} ${run.year}`, intro: template.intro, audiences: ['GUARDIANS'],
      opensAt: new Date(`${run.year}-10-01`), closesAt: new Date(`${run.year}-10-31`), createdById,
      ...(run.summary ? { summary: run.summary, summaryPublishedAt: new Date(`${run.year}-11-20`) } : {}),
    },
  });
  let position = 0;
  const questions = template.sections.flatMap((s) => s.questions.map((q) => ({ id: randomUUID(), schoolId, surveyId: survey.id, section: s.title, position: position++, type: q.type as QuestionType, text: q.text, required: q.required, options: 'options' in q ? q.options : [] })));
  await prisma.surveyQuestion.createMany({ data: questions });
  const rnd = seeded(run.seed);
  const responses = Array.from({ length: run.responses }, (_, i) => ({ id: randomUUID(), schoolId, surveyId: survey.id, audience: 'GUARDIANS' as const, groupIds: [groups[i % groups.length].id] }));
  await prisma.surveyResponse.createMany({ data: responses });
  const answers: Prisma.SurveyAnswerCreateManyInput[] = responses.flatMap((r, i) => {
    const group = groups[i % groups.length];
    return questions.flatMap((q): Prisma.SurveyAnswerCreateManyInput[] => {
      const base = { responseId: r.id, schoolId, questionId: q.id, choices: [] as string[] };
      if (q.type === 'LIKERT') {
        const m = MEANS.find((x) => q.text.startsWith(x.starts));
        if (!m) throw new Error(`no demo mean for "${q.text}"`);
        const mean = (run.year === 2022 ? m.y2022 : m.y2024) - (run.year === 2024 && group.name === UNHEARD_GROUP && q.section === HEARD_SECTION ? UNHEARD_DROP : 0);
        return [{ ...base, likert: likertAround(rnd, mean) }];
      }
      if (q.type === 'SINGLE') {
        const x = rnd();
        return [{ ...base, choices: [x < 0.28 ? 'Te weinig' : x < 0.95 ? 'Precies goed' : 'Te veel'] }];
      }
      if (q.type === 'MULTI') {
        const picked = CHANNELS.filter((_, k) => rnd() < CHANNEL_WEIGHTS[k]);
        return [{ ...base, choices: picked.length ? picked : [CHANNELS[0]] }];
      }
      // Open questions: about one in six writes something.
      if (rnd() > 0.17) return [];
      const list = q.text.startsWith('Wat gaat er goed') ? GOOD : BETTER.filter((t) => run.year === 2024 || !t.includes('groep 7'));
      return [{ ...base, text: list[Math.floor(rnd() * list.length)] }];
    });
  });
  await prisma.surveyAnswer.createMany({ data: answers });
  return survey;
}

/** The satisfaction survey of 2022 and 2024, closed, with answers; 2024 with its summary and actions. */
export async function seedDemoSatisfaction(schoolId: string) {
  const director = await prisma.membership.findFirstOrThrow({ where: { schoolId, role: 'DIRECTOR' }, orderBy: { userId: 'asc' }, select: { userId: true } });
  const groups = await prisma.group.findMany({ where: { schoolId }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  await seedSatisfactionRun(schoolId, director.userId, groups, { year: 2022, responses: 205, seed: 2022 });
  const survey = await seedSatisfactionRun(schoolId, director.userId, groups, {
    year: 2024, responses: 240, seed: 2024,
    summary: 'Dank voor het invullen! Ouders zijn tevreden over de sfeer en de gesprekken over hun kind. Ze willen sneller antwoord op e-mail en meer uitleg over hoe ze thuis kunnen helpen. In groep 7 voelen ouders zich minder gehoord; daar gaan we met de ouders over in gesprek.',
  });
  await prisma.surveyAction.createMany({
    data: [
      { schoolId, surveyId: survey.id, heard: 'Ouders willen sneller antwoord op hun vragen.', action: 'Vragen worden binnen één werkdag beantwoord; dat staat in de schoolgids.', owner: 'Directie', startsOn: new Date('2025-01-06'), dueOn: new Date('2025-03-01') },
      { schoolId, surveyId: survey.id, heard: 'Ouders willen weten hoe ze thuis kunnen helpen.', action: 'Per groep een blad met oefentips (tafels, spelling, topografie).', owner: 'Bouwcoördinatoren', startsOn: new Date('2025-01-06'), dueOn: new Date('2025-06-30') },
    ],
  });
}

const AFTER_ROUND_TIPS = [
  'Tien minuten is kort; graag een kwartier.',
  'Fijn dat mijn kind zelf mocht vertellen.',
  'Liever een moment na half zes.',
  'Graag vooraf weten waar het gesprek over gaat.',
  'Het wachten op de gang duurde lang.',
  'Duidelijke afspraken, dank u.',
  'Meer tijd voor vragen van ons.',
];

/**
 * Last month's parent-tell talks in three groups, held (one family per group did not come), and the two
 * questions after them, closed, answered by about twenty parents: mostly useful, less so in one group.
 */
export async function seedDemoAfterRound(schoolId: string, now: Date) {
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId, key: 'parent_tell' } });
  const director = await prisma.membership.findFirstOrThrow({ where: { schoolId, role: 'DIRECTOR' }, orderBy: { userId: 'asc' }, select: { userId: true } });
  const groups = (await prisma.group.findMany({ where: { schoolId }, orderBy: { name: 'asc' }, select: { id: true, name: true } })).filter((g) => ['4A', '5B', '8A'].includes(g.name));
  // Five weeks ago, Tuesday and Thursday 15:00-17:30, ten minutes a talk: room for every family of the
  // three groups (the stage is mandatory, so nobody shows as "not booked"). The survey, open 14 days, has closed since.
  let tuesday = addDays(now, -37);
  while (tuesday.getUTCDay() !== 2) tuesday = addDays(tuesday, -1);
  const slotMinutes = 10;
  const blocks = [tuesday, addDays(tuesday, 2)].map((d) => ({ startsAt: zonedToUtc(`${zonedDateKey(d)}T15:00`), endsAt: zonedToUtc(`${zonedDateKey(d)}T17:30`) }));
  const [start, end] = [blocks[0].startsAt, blocks[1].endsAt];
  const round = await prisma.talkRound.create({
    data: {
      schoolId, stageId: stage.id, name: stage.name, slotMinutes, gapMinutes: 0, createdById: director.userId,
      opensAt: addDays(start, -14), deadline: addDays(start, -2),
      blocks: { createMany: { data: blocks } },
    },
  });
  const demo = Object.values(DEMO_LOGINS).map((l) => l.email);
  const bookers: { userId: string; group: string }[] = [];
  const times = blocks.flatMap((b) => Array.from({ length: (+b.endsAt - +b.startsAt) / (slotMinutes * 60_000) }, (_, i) => new Date(+b.startsAt + i * slotMinutes * 60_000)));
  for (const g of groups) {
    await prisma.roundGroup.create({ data: { roundId: round.id, schoolId, groupId: g.id, location: `Lokaal ${g.name}` } });
    const slots = times.map((t) => ({ id: randomUUID(), schoolId, roundId: round.id, groupId: g.id, startsAt: t, endsAt: new Date(+t + slotMinutes * 60_000), location: `Lokaal ${g.name}` }));
    await prisma.slot.createMany({ data: slots });
    // A talk per child (the demo logins' families aside, so their homes stay as they are).
    const children = await prisma.child.findMany({
      where: { schoolId, enrolments: { some: { groupId: g.id } }, guardianships: { none: { user: { email: { in: demo } } } } },
      orderBy: { pupilNumber: 'asc' },
      select: { id: true, guardianships: { where: { endedAt: null, right: 'AUTHORITY' }, take: 1, select: { userId: true } } },
    });
    const booked = children.filter((c) => c.guardianships.length);
    if (booked.length > slots.length) throw new Error(`demo: too few slots for ${g.name}`);
    for (const [i, c] of booked.entries()) {
      const bookingId = randomUUID();
      await prisma.booking.create({ data: { id: bookingId, schoolId, roundId: round.id, childId: c.id, bookedById: c.guardianships[0].userId, attendance: i === 3 ? 'NO_SHOW' : 'HELD', createdAt: addDays(start, -10) } });
      await prisma.slotClaim.create({ data: { slotId: slots[i].id, schoolId, bookingId } });
      if (i !== 3) bookers.push({ userId: c.guardianships[0].userId, group: g.name });
    }
  }
  const invitedAt = new Date(+end + 30 * 60_000);
  await inviteAfterRound({ schoolId }, invitedAt);
  const survey = await prisma.survey.findFirstOrThrow({ where: { roundId: round.id }, include: { questions: { orderBy: { position: 'asc' } } } });
  const [useful, better] = survey.questions;
  // Twenty parents answer, the first bookers of each group in pupil order: the figures are the same every time.
  const rnd = seeded(35);
  const answering: Record<string, number> = { '4A': 7, '5B': 7, '8A': 6 };
  const done = new Set<string>();
  for (const b of bookers) {
    if (done.has(b.userId) || !answering[b.group]) continue;
    answering[b.group]--;
    done.add(b.userId);
    // 5B's talks felt rushed (its teacher on leave, a stand-in): less useful there.
    const mean = b.group === '5B' ? 3.0 : 4.3;
    const text = rnd() < 0.45 ? AFTER_ROUND_TIPS[Math.floor(rnd() * AFTER_ROUND_TIPS.length)] : undefined;
    const m = await prisma.membership.findFirstOrThrow({ where: { schoolId, userId: b.userId, role: 'GUARDIAN' }, select: { id: true } });
    const actor = { userId: b.userId, schoolId, role: 'GUARDIAN' as const, membershipId: m.id };
    await submitSurvey(actor, survey.id, { [useful.id]: { likert: likertAround(rnd, mean) }, ...(text ? { [better.id]: { text } } : {}) }, addDays(invitedAt, 1 + (done.size % 5)));
  }
  await closeSurvey(survey, now);
  // These invitations are history, not news: do not print or send them on first start.
  await prisma.outboxMail.updateMany({ where: { schoolId, sentAt: null }, data: { sentAt: now } });
  return { roundId: round.id, surveyId: survey.id };
}
