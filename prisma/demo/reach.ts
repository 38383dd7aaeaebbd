// Demo traffic for the families not reached in De Distelvlinder: most families signed in at some
// point this school year (spread over the months, so the trend falls), about one in nine never did,
// half of those reading English (so the language filter shows a barrier), and a few addresses
// bounce. The demo logins' own households have signed in. Relative to `now`; no fixed dates.
import { prisma } from '@/lib/db';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { currentSchoolYear } from '@/lib/school/year';

const DAY = 86_400_000;

export async function seedDemoReach(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return { neverSignedIn: 0, bounced: 0 };
  const rows = await prisma.guardianship.findMany({
    where: { schoolId, endedAt: null },
    select: { householdId: true, household: { select: { key: true } }, user: { select: { id: true, email: true } } },
  });
  const byHousehold = new Map<string, { key: string; users: Map<string, string> }>();
  for (const r of rows) {
    const h = byHousehold.get(r.householdId) ?? { key: r.household.key, users: new Map() };
    h.users.set(r.user.id, r.user.email);
    byHousehold.set(r.householdId, h);
  }
  const demo = new Set(Object.values(DEMO_LOGINS).map((l) => l.email));
  const households = [...byHousehold.values()].sort((a, b) => a.key.localeCompare(b.key));
  const days = Math.max(1, Math.floor((+now - +year.startDate) / DAY));
  let neverSignedIn = 0;
  let bounced = 0;
  for (const [i, h] of households.entries()) {
    const ids = [...h.users.keys()];
    const isDemo = [...h.users.values()].some((e) => demo.has(e));
    if (!isDemo && i % 9 === 4) {
      neverSignedIn++;
      if (i % 18 === 4) await prisma.user.updateMany({ where: { id: { in: ids } }, data: { locale: 'en' } });
      continue;
    }
    if (!isDemo && i % 23 === 7) await prisma.user.updateMany({ where: { id: { in: ids } }, data: { locale: 'en' } });
    // An evening in the school year so far; the demo logins early on.
    const at = new Date(+year.startDate + (isDemo ? 3 : (i * 37) % days) * DAY + 19 * 3600_000);
    await prisma.user.updateMany({ where: { id: { in: ids }, firstSignedInAt: null }, data: { firstSignedInAt: at < now ? at : now } });
    if (!isDemo && i % 31 === 10) {
      const failedAt = new Date(+now - 10 * DAY);
      await prisma.outboxMail.create({
        data: { schoolId, to: h.users.get(ids[0])!, subject: 'Nieuwsbrief', text: '', kind: 'announcement', attempts: 1, createdAt: failedAt, nextAttemptAt: failedAt, failedAt, lastError: '550 5.1.1 Recipient address rejected: user unknown' },
      });
      bounced++;
    }
  }
  return { neverSignedIn, bounced };
}
