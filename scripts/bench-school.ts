// Shared by the benchmarks and the fault test: a school of the demo's families through the real
// import, with its talk cycle and an open well-being round for all its groups. Call it after
// DATABASE_URL points at the bench database (the app modules are imported here, not before).

export type Block = { startsAt: string; endsAt: string };

/** The school-zone date `n` days from now, as the round form takes it ("YYYY-MM-DD"). */
export const dayFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** One evening a week from now: the blocks of bench:booking and test:faults. */
export const oneEvening = (): Block[] => [
  { startsAt: `${dayFromNow(7)}T15:00`, endsAt: `${dayFromNow(7)}T17:30` },
  { startsAt: `${dayFromNow(7)}T18:30`, endsAt: `${dayFromNow(7)}T20:30` },
];

/** The demo school's CSV files with every address and pupil number made this school's own. */
export async function ownDemoFiles(index: number) {
  const { demoSchoolCsv } = await import('../lib/school/demo-school');
  const files = demoSchoolCsv();
  const own = (text: string) => text.replace(/@/g, `+s${index}@`).replace(/^(\d{4});/gm, (_m, n) => `${index}${n};`);
  return { pupils: own(files.pupils), staff: own(files.staff) };
}

export async function schoolWithOpenRound(opts: { boardId: string; name: string; slug: string; files: { pupils: string; staff: string }; blocks: Block[] }) {
  const { prisma } = await import('../lib/db');
  const { importInto } = await import('../lib/import/apply');
  const { createDefaultStages } = await import('../lib/school/stages');
  const { createRound } = await import('../lib/bookings/service');
  const school = await prisma.school.create({ data: { boardId: opts.boardId, name: opts.name, slug: opts.slug } });
  const year = await prisma.schoolYear.create({ data: { schoolId: school.id, name: '2026-2027', startDate: new Date('2026-08-24'), endDate: new Date('2027-07-16') } });
  await prisma.$transaction(async (tx) => {
    await createDefaultStages(tx, school.id);
    await importInto(tx, school.id, year.id, opts.files);
  }, { timeout: 120_000 });
  const director = await prisma.membership.findFirstOrThrow({ where: { schoolId: school.id, role: 'DIRECTOR' } });
  const stage = await prisma.stageDefinition.findFirstOrThrow({ where: { schoolId: school.id, key: 'well_being' } });
  const groups = await prisma.group.findMany({ where: { schoolId: school.id }, select: { id: true } });
  await createRound({ userId: director.userId, schoolId: school.id, role: 'DIRECTOR', membershipId: director.id }, {
    stageId: stage.id, name: 'Welbevindengesprekken', groupIds: groups.map((g) => g.id), slotMinutes: 10, gapMinutes: 5, walkingMinutes: 2,
    opensAt: `${dayFromNow(-1)}T19:00`, deadline: `${dayFromNow(6)}T12:00`, blocks: opts.blocks,
    locations: {}, splitDuo: [], separateTalksAllowed: false, inviteInformationOnly: false, interpreterDoubleSlot: true,
  });
  const round = await prisma.talkRound.findFirstOrThrow({ where: { schoolId: school.id }, select: { id: true } });
  return { schoolId: school.id, roundId: round.id, groups: groups.length };
}
