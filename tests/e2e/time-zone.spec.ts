import { expect, test } from '@playwright/test';
import { db, signInWithLink } from './support';

// Run by the "far-zone" project only (playwright.config.ts): a browser in Tokyo, eight hours from the
// school. Times are the school's (Amsterdam) however the phone's clock is set; client components
// format them too, after hydration, so this reads the page once scripts have run.

const hhmm = (d: Date, timeZone: string) => new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone }).format(d);

test('a parent whose browser is in Tokyo sees the talk moments in Amsterdam time @zone', async ({ page }) => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  const round = await db.talkRound.findFirstOrThrow({ where: { name: 'Welbevindengesprekken', school: { slug: 'distelvlinder' } } });
  await signInWithLink(page, 'ouder2@distelvlinder.demo');
  await page.goto(`/ouder/gesprekken/${round.id}`);
  await page.waitForLoadState('networkidle');
  const buttons = page.getByRole('button', { name: /^\d\d:\d\d$/ });
  await expect(buttons.first()).toBeVisible();
  const shown = [...new Set(await buttons.allTextContents())];
  const slots = await db.slot.findMany({ where: { roundId: round.id }, select: { startsAt: true } });
  const amsterdam = new Set(slots.map((s) => hhmm(s.startsAt, 'Europe/Amsterdam')));
  const tokyo = new Set(slots.map((s) => hhmm(s.startsAt, 'Asia/Tokyo')));
  expect([...amsterdam].some((t) => tokyo.has(t))).toBe(false); // the two readings differ, so the check below can fail
  expect(shown.filter((t) => !amsterdam.has(t))).toEqual([]);
});
