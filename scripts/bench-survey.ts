// `npm run bench:survey`: 10,000 responses to a 30-question survey, then the results page's data
// (server side, warm) and the CSV export are timed. Target: results data under 200 ms.
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, freshBenchDatabase, median, runBench } from './bench-db';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10_000);
const RUNS = 7;
const DB = 'ouderportaal_bench_survey';

async function main() {
  const stop = await freshBenchDatabase(DB);
  process.env.DATABASE_URL = benchDatabaseUrl(DB);
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const { surveyResults, surveyCsv } = await import('../lib/surveys/results');
  const { SURVEY_TEMPLATES } = await import('../lib/surveys/templates');

  const t0 = performance.now();
  const board = await prisma.board.create({ data: { name: 'Bench' } });
  const school = await prisma.school.create({ data: { boardId: board.id, name: 'Bench school', slug: 'bench-survey' } });
  const year = await prisma.schoolYear.create({ data: { schoolId: school.id, name: '2026-2027', startDate: new Date('2026-08-24'), endDate: new Date('2027-07-16') } });
  const groups = await Promise.all(Array.from({ length: 12 }, (_, i) => prisma.group.create({ data: { schoolId: school.id, schoolYearId: year.id, name: `${1 + (i % 8)}${'ABC'[Math.floor(i / 8)]}`, grade: 1 + (i % 8) } })));
  const director = await prisma.user.create({ data: { email: 'bench-director@example.test', firstName: 'B', lastName: 'D' } });
  const m = await prisma.membership.create({ data: { schoolId: school.id, userId: director.id, role: 'DIRECTOR' } });
  const template = SURVEY_TEMPLATES.find((t) => t.key === 'schoolscan')!;
  const survey = await prisma.survey.create({
    data: { schoolId: school.id, templateKey: 'schoolscan', title: template.title, intro: '', audiences: ['GUARDIANS', 'TEAM'], opensAt: new Date('2026-11-01'), closesAt: new Date('2026-11-30'), createdById: director.id },
  });
  let position = 0;
  await prisma.surveyQuestion.createMany({
    data: template.sections.flatMap((s) => s.questions.map((q) => ({ schoolId: school.id, surveyId: survey.id, section: s.title, position: position++, type: q.type, text: q.text, required: q.required }))),
  });
  const questionCount = await prisma.surveyQuestion.count({ where: { surveyId: survey.id } });
  const groupIds = groups.map((g) => g.id);
  // Bulk data straight in SQL: invitations, responses (95% parents, 5% team) and one answer per question.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "SurveyInvitation" (id, "schoolId", "surveyId", "userId", audience, "groupIds", "submittedAt")
     SELECT 'inv' || i, $1, $2, 'user' || i, CASE WHEN i % 20 = 0 THEN 'TEAM' ELSE 'GUARDIANS' END::"SurveyAudience",
            CASE WHEN i % 20 = 0 THEN '{}'::text[] ELSE ARRAY[($3::text[])[1 + i % 12]] END, now()
     FROM generate_series(1, $4::int) i`,
    school.id, survey.id, groupIds, RESPONSES,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "SurveyResponse" (id, "schoolId", "surveyId", audience, "groupIds")
     SELECT 'resp' || i, $1, $2, CASE WHEN i % 20 = 0 THEN 'TEAM' ELSE 'GUARDIANS' END::"SurveyAudience",
            CASE WHEN i % 20 = 0 THEN '{}'::text[] ELSE ARRAY[($3::text[])[1 + i % 12]] END
     FROM generate_series(1, $4::int) i`,
    school.id, survey.id, groupIds, RESPONSES,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "SurveyAnswer" ("responseId", "schoolId", "questionId", likert, choices)
     SELECT 'resp' || i, $1, q.id, 1 + ((i * 7 + q.position * 3) % 5), '{}'::text[]
     FROM generate_series(1, $3::int) i CROSS JOIN "SurveyQuestion" q WHERE q."surveyId" = $2`,
    school.id, survey.id, RESPONSES,
  );
  await prisma.$executeRawUnsafe('ANALYZE');
  const answers = await prisma.surveyAnswer.count();
  console.log(`Loaded ${RESPONSES} responses × ${questionCount} questions = ${answers} answers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const actor = { userId: director.id, schoolId: school.id, role: 'DIRECTOR' as const, membershipId: m.id };
  await surveyResults(actor, survey.id); // warm: connections, plans
  await surveyCsv(actor, survey.id);
  const resultsMs: number[] = [];
  const csvMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await surveyResults(actor, survey.id);
    resultsMs.push(performance.now() - t);
    t = performance.now();
    await surveyCsv(actor, survey.id);
    csvMs.push(performance.now() - t);
  }
  console.log(`\nResults page data (server side, warm, ${RUNS} runs): median ${median(resultsMs).toFixed(1)} ms, min ${Math.min(...resultsMs).toFixed(1)} ms, max ${Math.max(...resultsMs).toFixed(1)} ms  (target < 200 ms)`);
  console.log(`CSV export (${RUNS} runs):                        median ${median(csvMs).toFixed(1)} ms, min ${Math.min(...csvMs).toFixed(1)} ms, max ${Math.max(...csvMs).toFixed(1)} ms`);
  await prisma.$disconnect();
  await stop();
}

runBench(main);
