// `npm run bench:file`: one child with a full eight-year file (32 talk records with 96 agreements
// and their history, parent additions, plans for home, preparations, agreed moments, 16 meetings),
// then the file page's data (the timeline), the JSON export and the PDF export are timed, warm.
import { performance } from 'node:perf_hooks';
import { benchDatabaseUrl, freshBenchDatabase, median, runBench } from './bench-db';

const RUNS = 9;
const DB = 'ouderportaal_bench_file';
const text = (n: number) => 'Gaat graag naar school, rekenen blijft lastig; thuis oefenen we met de tafelkaart. '.repeat(n).trim();

async function main() {
  const stop = await freshBenchDatabase(DB);
  process.env.DATABASE_URL = benchDatabaseUrl(DB);
  process.env.MAIL_WORKER = 'off';
  const { prisma } = await import('../lib/db');
  const { createDefaultStages } = await import('../lib/school/stages');
  const { childTimeline } = await import('../lib/records/timeline');
  const { childExport, childExportData } = await import('../lib/records/export');
  const { childFilePdf } = await import('../lib/records/pdf');

  const board = await prisma.board.create({ data: { name: 'Bench' } });
  const school = await prisma.school.create({ data: { boardId: board.id, name: 'Bench school', slug: 'bench-file' } });
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const stages = await prisma.stageDefinition.findMany({ where: { schoolId: school.id }, orderBy: { position: 'asc' } });
  const year = await prisma.schoolYear.create({ data: { schoolId: school.id, name: '2026-2027', startDate: new Date('2026-08-24'), endDate: new Date('2027-07-16') } });
  const group = await prisma.group.create({ data: { schoolId: school.id, schoolYearId: year.id, name: '8A', grade: 8 } });
  const [teacher, mother] = await Promise.all(['teacher', 'mother'].map((n) => prisma.user.create({ data: { email: `${n}@bench.test`, firstName: n, lastName: 'Bench' } })));
  const tm = await prisma.membership.create({ data: { schoolId: school.id, userId: teacher.id, role: 'TEACHER' } });
  const gm = await prisma.membership.create({ data: { schoolId: school.id, userId: mother.id, role: 'GUARDIAN' } });
  await prisma.groupTeacher.create({ data: { schoolId: school.id, groupId: group.id, userId: teacher.id } });
  const child = await prisma.child.create({ data: { schoolId: school.id, pupilNumber: '1', firstName: 'Şule', lastName: 'Yılmaz', dateOfBirth: new Date('2014-05-01') } });
  await prisma.enrolment.create({ data: { schoolId: school.id, schoolYearId: year.id, childId: child.id, groupId: group.id } });
  const household = await prisma.household.create({ data: { schoolId: school.id, key: 'h1' } });
  await prisma.guardianship.create({ data: { schoolId: school.id, childId: child.id, userId: mother.id, householdId: household.id, right: 'AUTHORITY', relation: 'moeder' } });
  const base = { schoolId: school.id, childId: child.id };

  const talkStages = stages.filter((s) => !s.isGroupEvent);
  for (let y = 0; y < 8; y++) {
    for (const [i, stage] of talkStages.entries()) {
      const record = await prisma.talkRecord.create({
        data: { ...base, kind: 'talk', stageKey: stage.key, title: stage.name, heldOn: new Date(Date.UTC(2019 + y, 8 + i, 15)), authorId: teacher.id, agendaTopics: stage.agendaTopics, publishedAt: new Date(), notes: Object.fromEntries(stage.agendaTopics.slice(0, 5).map((t) => [t, text(3)])) },
      });
      for (let a = 0; a < 3; a++) {
        const agreement = await prisma.agreement.create({ data: { ...base, recordId: record.id, owner: (['CHILD', 'PARENT', 'TEACHER'] as const)[a], what: text(1), status: a ? 'ACHIEVED' : 'OPEN' } });
        await prisma.agreementEvent.createMany({ data: [{ schoolId: school.id, agreementId: agreement.id, actorId: teacher.id, kind: 'created' }, { schoolId: school.id, agreementId: agreement.id, actorId: mother.id, kind: 'parent_done', note: text(1) }] });
      }
    }
    await prisma.homeGuidancePlan.create({ data: { ...base, authorId: teacher.id, subject: 'Tafels', parentTask: text(1), how: text(1), howOften: 'Drie keer per week', startsOn: new Date(Date.UTC(2019 + y, 9, 1)), evaluateOn: new Date(Date.UTC(2019 + y, 11, 1)) } });
    const round = await prisma.talkRound.create({ data: { schoolId: school.id, stageId: talkStages[1].id, name: `Welbevinden ${2019 + y}`, slotMinutes: 10, opensAt: new Date(), deadline: new Date(), createdById: teacher.id } });
    await prisma.talkPreparation.create({ data: { ...base, roundId: round.id, householdId: household.id, answers: { [talkStages[1].agendaTopics[0]]: text(4) }, childAnswers: { likeSchool: text(1) }, updatedById: mother.id } });
    for (let e = 0; e < 2; e++) {
      const event = await prisma.groupEvent.create({ data: { schoolId: school.id, stageId: stages[0].id, groupId: group.id, startsAt: new Date(Date.UTC(2019 + y, 8, 3 + e)), endsAt: new Date(Date.UTC(2019 + y, 8, 3 + e, 1)), createdById: teacher.id } });
      await prisma.eventAttendance.create({ data: { ...base, eventId: event.id, present: e === 0, markedById: teacher.id } });
    }
  }
  await prisma.childNote.createMany({ data: Array.from({ length: 20 }, () => ({ ...base, authorId: mother.id, text: text(2), visibleTo: ['TEACHER' as const] })) });
  await prisma.arrangedMoment.createMany({ data: Array.from({ length: 10 }, (_, i) => ({ ...base, teacherId: teacher.id, purpose: 'Tussentijds gesprek', startsAt: new Date(Date.UTC(2026, 9, 1 + i, 14)), endsAt: new Date(Date.UTC(2026, 9, 1 + i, 14, 15)) })) });

  const guardian = { userId: mother.id, schoolId: school.id, role: 'GUARDIAN' as const, membershipId: gm.id };
  const staff = { userId: teacher.id, schoolId: school.id, role: 'TEACHER' as const, membershipId: tm.id };
  const time = async (run: () => Promise<unknown>) => {
    await run(); // warm
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      xs.push(performance.now() - t);
    }
    return xs;
  };
  const entries = (await childTimeline(guardian, child.id)).entries.length;
  const json = JSON.stringify(await childExport(guardian, child.id));
  const pdf = await childFilePdf(await childExportData(guardian, child.id), 'nl');
  const rows: [string, number[]][] = [
    ['file page data (timeline), parent', await time(() => childTimeline(guardian, child.id))],
    ['file page data (timeline), teacher', await time(() => childTimeline(staff, child.id))],
    ['JSON export', await time(() => childExport(guardian, child.id))],
    ['PDF export (data + render)', await time(async () => childFilePdf(await childExportData(guardian, child.id), 'nl'))],
  ];
  console.log(`\nA full eight-year file: ${entries} timeline entries; JSON ${(json.length / 1024).toFixed(0)} KiB, PDF ${(pdf.length / 1024).toFixed(0)} KiB.`);
  for (const [label, xs] of rows) console.log(`  ${label.padEnd(38)} median ${median(xs).toFixed(0).padStart(4)} ms   min ${Math.min(...xs).toFixed(0).padStart(4)} ms   max ${Math.max(...xs).toFixed(0).padStart(4)} ms   (${RUNS} runs)`);
  await prisma.$disconnect();
  await stop();
}

runBench(main);
