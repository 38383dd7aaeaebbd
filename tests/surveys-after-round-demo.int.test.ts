import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { DEMO_GROUPS } from '@/lib/school/demo-school';
import { createDefaultStages } from '@/lib/school/stages';
import { afterRoundResults } from '@/lib/surveys/after-round';
import { surveyResults } from '@/lib/surveys/results';
import { seedDemoAfterRound, seedDemoSatisfaction } from '@/prisma/demo/surveys';
import { createFamily, createGroup, createSchool, createUser } from './support/factories';

// The demo's surveys on a school shaped like the demo's (its twelve groups; families in the three
// groups of last month's talks). The generator is seeded, so the figures are exact.
const NOW = new Date('2026-11-18T10:00:00Z');
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const { school, year } = await createSchool();
  await prisma.$transaction((tx) => createDefaultStages(tx, school.id));
  const director = await createUser(school.id, 'DIRECTOR');
  const groups = [];
  for (const name of DEMO_GROUPS) groups.push(await createGroup(school.id, year.id, name));
  for (const g of groups.filter((x) => ['4A', '5B', '8A'].includes(x.name))) {
    for (let i = 0; i < 11; i++) await createFamily(school.id, year.id, [g.id], { guardians: i % 3 === 0 ? 2 : 1 });
  }
  await seedDemoSatisfaction(school.id);
  const after = await seedDemoAfterRound(school.id, NOW);
  const runs = await prisma.survey.findMany({ where: { schoolId: school.id, templateKey: 'satisfaction' }, orderBy: { opensAt: 'asc' } });
  return { school, director, runs, after };
}
beforeAll(async () => {
  w = await world();
}, 120_000);

const mean = (r: Awaited<ReturnType<typeof surveyResults>>, starts: string) => {
  const q = r.questions.find((x) => x.text.startsWith(starts))!;
  return { mean: q.per[0].mean!, change: q.per[0].change, byGroup: q.byGroup, distribution: q.per[0].distribution };
};
const round2 = (x: number | null) => (x == null ? null : Math.round(x * 100) / 100);

describe('demo surveys', () => {
  it('the 2024 satisfaction survey differs per question: the talks about the child high, help at home low', async () => {
    const r = await surveyResults(w.director.actor, w.runs[1].id, '', NOW);
    expect(r.survey.title).toBe('Oudertevredenheidspeiling 2024');
    expect(r.previous?.title).toBe('Oudertevredenheidspeiling 2022');
    const talks = mean(r, 'In het oudervertelgesprek');
    const home = mean(r, 'De school vertelt mij hoe ik mijn kind thuis');
    expect([round2(talks.mean), round2(home.mean)]).toEqual([4.16, 2.66]);
    expect(talks.mean - home.mean).toBeGreaterThanOrEqual(1.5);
    expect(r.questions.find((q) => q.type === 'LIKERT')?.per[0].n).toBe(240);
    // No two scale questions share one distribution (the old demo gave all of them 32/32/32/72/72).
    const dists = r.questions.filter((q) => q.type === 'LIKERT').map((q) => JSON.stringify([...q.per[0].distribution].sort((a, b) => a.value.localeCompare(b.value))));
    expect(new Set(dists).size).toBe(dists.length);
  });

  it("group 7's parents feel less heard than the others; the e-mail answer slipped and bullying improved since 2022", async () => {
    const r = await surveyResults(w.director.actor, w.runs[1].id, '', NOW);
    const partner = mean(r, 'De leerkracht ziet mij als partner');
    const g7 = partner.byGroup.find((g) => g.name === '7')!;
    expect([round2(partner.mean), g7.n, g7.mean, g7.hidden]).toEqual([3.77, 20, 2.45, false]);
    // Every other group is between 3.6 and 4.1.
    expect(partner.byGroup.filter((g) => g.name !== '7').every((g) => !g.hidden && g.mean! >= 3.6 && g.mean! <= 4.1)).toBe(true);
    expect(partner.mean - g7.mean!).toBeGreaterThanOrEqual(1);
    const mail = mean(r, 'Op mijn e-mail');
    const bullying = mean(r, 'De school pakt pesten');
    expect([round2(mail.change), round2(bullying.change)]).toEqual([-0.82, 0.66]);
    expect(mail.change!).toBeLessThanOrEqual(-0.5);
    expect(bullying.change!).toBeGreaterThanOrEqual(0.4);
  });

  it('last month\'s talks: the two questions, closed, about twenty answers, one group less positive', async () => {
    const r = await afterRoundResults(w.director.actor, w.after.roundId, NOW);
    const s = r.survey!;
    expect([s.withheld, s.answered, s.useful?.n, s.useful?.mean]).toEqual([false, 20, 20, 76 / 20]);
    // 5B's parents found their talks much less useful than 4A's and 8A's.
    expect(s.byGroup.map((g) => [g.name, g.n, g.hidden, g.mean])).toEqual([['4A', 7, false, 31 / 7], ['5B', 7, false, 20 / 7], ['8A', 6, false, 25 / 6]]);
    expect(s.better.length).toBe(13);
    // Everyone who had a talk was asked (the no-show of each group not), and the mails are history.
    expect(s.invited).toBeGreaterThan(30);
    expect(await prisma.outboxMail.count({ where: { schoolId: w.school.id, sentAt: null } })).toBe(0);
  });
});
