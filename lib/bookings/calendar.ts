import 'server-only';
import { randomBytes } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { ownTalksWhere } from '@/lib/access/bookings';
import { prisma } from '@/lib/db';
import { fullName } from '@/lib/format/name';
import { auditFeedRead } from '@/lib/records/audit';
import { talkEvent } from './ics';

// The personal calendar feed (webcal): a secret token in the URL instead of a session, because
// calendar apps cannot sign in. The token can be replaced, which revokes the old URL.

export async function renewCalendarToken(userId: string) {
  const token = randomBytes(24).toString('base64url');
  await prisma.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}

/**
 * Every talk of the user's children (guardian) and every talk in the user's schedule (teacher). A
 * feed is a snapshot: a cancelled talk (its booking deleted) is simply not in it, and a moved one
 * has the uid and sequence its mails carried, so a calendar that has both keeps one event.
 */
export async function calendarFeed(token: string): Promise<string | null> {
  if (!/^[\w-]{20,64}$/.test(token)) return null;
  const user = await prisma.user.findUnique({ where: { calendarToken: token }, select: { id: true } });
  if (!user) return null;
  // A guardian's talks: the family's, and their own household's (never the other household's own talk).
  const mine = await prisma.guardianship.findMany({ where: { userId: user.id, endedAt: null }, select: { childId: true, householdId: true } });
  const [bookings, moments] = await Promise.all([
    prisma.booking.findMany({
      where: {
        OR: [
          ...mine.map((g) => ({ childId: g.childId, ...ownTalksWhere(g.householdId) })),
          { claims: { some: { slot: { group: { teachers: { some: { userId: user.id } } }, teacherKey: { in: ['', user.id] } } } } },
        ],
      },
      select: {
        id: true,
        schoolId: true,
        childId: true,
        calendarUid: true,
        calendarSequence: true,
        round: { select: { stage: { select: { name: true } } } },
        child: { select: { firstName: true, prefix: true, lastName: true } },
        claims: { select: { slot: { select: { startsAt: true, endsAt: true, location: true } } } },
      },
    }),
    // Talk arrangement: the moments agreed for the user's children, and those the user agreed or
    // that concern a child in one of the user's groups (duo colleagues).
    prisma.arrangedMoment.findMany({
      where: {
        OR: [
          { child: { guardianships: { some: { userId: user.id, endedAt: null } } } },
          { teacherId: user.id },
          { child: { enrolments: { some: { group: { teachers: { some: { userId: user.id } } } } } } },
        ],
      },
      select: { id: true, schoolId: true, childId: true, purpose: true, startsAt: true, endsAt: true, location: true, child: { select: { firstName: true, prefix: true, lastName: true } } },
    }),
  ]);
  // Children who are in the feed because the user teaches them, not because they are the user's own.
  const own = new Set(mine.map((g) => g.childId));
  await auditFeedRead(prisma, user.id, new Map([...bookings, ...moments].filter((x) => !own.has(x.childId)).map((x) => [x.childId, x.schoolId])));
  const events: EventAttributes[] = [
    ...bookings.map((b) => {
      const slots = b.claims.map((c) => c.slot).sort((x, y) => +x.startsAt - +y.startsAt);
      return talkEvent({ uid: b.calendarUid, sequence: b.calendarSequence, title: `${b.round.stage.name} ${fullName(b.child)}`, location: slots[0].location, startsAt: slots[0].startsAt, endsAt: slots.at(-1)!.endsAt });
    }),
    ...moments.map((m) => talkEvent({ uid: `${m.id}@ouderportaal`, title: `${m.purpose} (${fullName(m.child)})`, location: m.location, startsAt: m.startsAt, endsAt: m.endsAt })),
  ];
  if (events.length === 0) return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:ouderportaal', 'X-WR-CALNAME:Ouderportaal', 'END:VCALENDAR', ''].join('\r\n');
  const { error, value } = createEvents(events, { productId: 'ouderportaal', calName: 'Ouderportaal' });
  if (error) throw error;
  return value ?? '';
}
