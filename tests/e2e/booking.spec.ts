import { expect, test } from '@playwright/test';
import { fullName } from '@/lib/format/name';
import { zonedDateKey } from '@/lib/format/time';
import { apiAs, db, LOGINS, PASSWORD, signInWithLink, signInWithPassword } from './support';

async function demoRound() {
  return db.talkRound.findFirstOrThrow({ where: { name: 'Welbevindengesprekken', school: { slug: 'distelvlinder' } } });
}

test('a parent of two children books both talks back to back on a phone, gets the mail with .ics, and the teacher sees it @phone', async ({ page, browser }) => {
  const round = await demoRound();
  const since = new Date(); // mails of this booking only (other specs book and cancel for her too)
  await signInWithLink(page, LOGINS.guardian);
  await page.getByRole('link', { name: 'Plan het gesprek' }).first().click(); // tap 1
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welbevindengesprekken');
  const plans = page.getByRole('region', { name: 'Alle kinderen achter elkaar' });
  await expect(plans.getByRole('radio').first()).toBeChecked();
  await plans.getByRole('button', { name: 'Boek deze gesprekken' }).click(); // tap 2
  await expect(page.getByRole('status').filter({ hasText: 'Het gesprek is geboekt' })).toBeVisible();
  await expect(page.getByTestId('booking')).toHaveCount(2);
  // A well-being talk: parents may prepare it from here.
  await expect(page.getByTestId('booking').getByRole('link', { name: 'Gesprek voorbereiden' })).toHaveCount(2);

  const bookings = await db.booking.findMany({
    where: { roundId: round.id, child: { guardianships: { some: { user: { email: LOGINS.guardian } } } } },
    include: { claims: { include: { slot: true } }, child: true },
  });
  expect(bookings).toHaveLength(2);
  const [first, second] = bookings.map((b) => b.claims[0].slot).sort((a, b) => +a.startsAt - +b.startsAt);
  expect(+second.startsAt - +first.endsAt).toBeGreaterThanOrEqual(0);
  expect(+second.startsAt - +first.endsAt).toBeLessThanOrEqual(10 * 60_000); // back to back: one changeover plus walking

  // The round lets separated parents each book their own talk: these are the mother's household's,
  // so she gets a confirmation per child with the talk as a calendar file, and the father (his own
  // household) none. (The outbox worker renders them a moment after the booking.)
  const mails = (to: string) => db.outboxMail.findMany({ where: { kind: 'booking_confirmed', to, createdAt: { gte: since } } });
  await expect.poll(async () => (await mails(LOGINS.guardian)).filter((m) => m.sentAt && m.icsFile?.includes('BEGIN:VEVENT')).length, { timeout: 15_000 }).toBe(2);
  expect(await mails('ouder2@distelvlinder.demo')).toEqual([]);
  await page.goto('/demo/mail');
  await expect(page.getByRole('link', { name: /gesprek\.ics/ }).first()).toBeVisible();

  // The 3A teacher's day view lists the talk with who is coming.
  const sanne = bookings.find((b) => b.child.firstName === 'Sanne')!;
  const teacher = await db.user.findFirstOrThrow({ where: { groupTeachers: { some: { groupId: sanne.claims[0].slot.groupId } } } });
  const staff = await browser.newPage();
  await signInWithPassword(staff, teacher.email, PASSWORD);
  await staff.goto(`/gesprekken/dag?datum=${zonedDateKey(sanne.claims[0].slot.startsAt)}`);
  const row = staff.getByTestId('day-row').filter({ hasText: fullName(sanne.child) });
  await expect(row).toContainText('Marieke Bakker');
  await staff.close();
});

test('many parents booking one slot at once through HTTP: exactly one wins, the rest get "just taken" with alternatives', async () => {
  const round = await demoRound();
  const group = await db.group.findFirstOrThrow({ where: { name: '4A', school: { slug: 'distelvlinder' } } });
  const slot = await db.slot.findFirstOrThrow({ where: { roundId: round.id, groupId: group.id, claim: null, startsAt: { gt: new Date() } }, orderBy: { startsAt: 'desc' } });
  const children = await db.child.findMany({
    where: { enrolments: { some: { groupId: group.id } }, bookings: { none: { roundId: round.id } } },
    select: { id: true, guardianships: { where: { right: 'AUTHORITY' }, take: 1, select: { userId: true } } },
  });
  const contenders = children.filter((c) => c.guardianships.length).slice(0, 15);
  expect(contenders.length).toBeGreaterThanOrEqual(10);
  const clients = await Promise.all(contenders.map((c) => apiAs(c.guardianships[0].userId)));
  const responses = await Promise.all(
    clients.map((api, i) => api.post('/api/bookings', { data: { roundId: round.id, items: [{ childId: contenders[i].id, slotId: slot.id }] } })),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(contenders.length - 1);
  const loser = await responses[statuses.indexOf(409)].json();
  expect(loser.error).toBe('SLOT_TAKEN');
  expect(loser.alternatives[0].slots.length).toBeGreaterThan(0);
  expect(await db.slotClaim.count({ where: { slotId: slot.id } })).toBe(1);
  await Promise.all(clients.map((c) => c.dispose()));
});

test('the API refuses a child that is not yours and bad input, and changes nothing', async () => {
  const round = await demoRound();
  const parent = await db.user.findUniqueOrThrow({ where: { email: LOGINS.guardian } });
  const stranger = await db.child.findFirstOrThrow({ where: { school: { slug: 'distelvlinder' }, guardianships: { none: { userId: parent.id } }, bookings: { none: {} } }, include: { enrolments: true } });
  const slot = await db.slot.findFirstOrThrow({ where: { roundId: round.id, groupId: stranger.enrolments[0].groupId, claim: null } });
  const api = await apiAs(parent.id);
  const before = await db.booking.count();
  expect((await api.post('/api/bookings', { data: { roundId: round.id, items: [{ childId: stranger.id, slotId: slot.id }] } })).status()).toBe(404);
  expect((await api.get(`/api/rounds/${round.id}/slots?childId=${stranger.id}`)).status()).toBe(404);
  const bad = await api.post('/api/bookings', { data: { roundId: round.id, items: [] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBe('INVALID_INPUT');
  const someoneElses = await db.booking.findFirstOrThrow({ where: { roundId: round.id, child: { guardianships: { none: { userId: parent.id } } } } });
  expect((await api.delete(`/api/bookings/${someoneElses.id}`)).status()).toBe(404);
  expect(await db.booking.count()).toBe(before);
  await api.dispose();
});
