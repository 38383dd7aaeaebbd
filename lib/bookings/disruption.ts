import 'server-only';
import { addDays } from 'date-fns';
import { plannedGroupsWhere, toldOfTalk } from '@/lib/access/bookings';
import { allows, type Relation } from '@/lib/access/policy';
import { isDirector, isTeacher, onlyStaff } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma, type Tx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { fullName } from '@/lib/format/name';
import { formatTalkTime, SCHOOL_TZ, zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { translatorFor } from '@/lib/i18n/translator';
import { enqueueMail, kickMailDelivery } from '@/lib/mail/outbox';
import { portalUrl } from '@/lib/notify/url';
import { refuseHolidayDates } from '@/lib/school-year/holiday-guard';
import type { CancelTeacherDayInput, MoveBlockInput } from './disruption-schemas';
import { talkTimeChanged } from './mail';
import { bookingForCancel, cancelInTx } from './service';

// When plans change: a teacher falls ill (their talks of a day are cancelled in one action, the
// moments blocked, every family told once with what they can do now), or an evening moves to
// another date (the talks move with their slots, bookings keep their ids). Both in one transaction.

const TX = { maxWait: 10_000, timeout: 60_000 } as const;
const ALTERNATIVES = 3;

/** Refused input names the field and a message key under "errors" (StatusForm shows it). */
const refuse = (field: string, key: string, values: Record<string, string> = {}) => new AppError('INVALID_INPUT', key, { fieldErrors: { [field]: [key] }, values });

const formatDay = (d: Date, locale: string) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: SCHOOL_TZ, dateStyle: 'full' }).format(d);

/** The school-zone day as [start, end) in UTC. */
function dayWindow(date: string) {
  const start = zonedToUtc(`${date}T00:00`);
  return { start, end: zonedToUtc(`${zonedDateKey(addDays(start, 1.5))}T00:00`) };
}

/** How the actor stands to a group's talks: its teachers (duo colleagues both) and the director. */
async function relationsToGroup(db: Tx, actor: Actor, groupId: string): Promise<Relation[]> {
  if (isDirector(actor)) return ['director'];
  if (isTeacher(actor) && (await db.groupTeacher.count({ where: { groupId, userId: actor.userId, schoolId: actor.schoolId } }))) return ['teacher'];
  return [];
}

type Recipient = { email: string; firstName: string; locale: string; householdId: string };

// ─── a teacher falls ill ─────────────────────────────────────────────────────

/**
 * Cancels the ill teacher's talks of one day in the group (the group's shared schedule and their own
 * when a duo splits), in each round with talks that day. The moments are blocked before the talks
 * are cancelled, so the waiting list does not get them. Each guardian told of a talk gets one mail
 * listing all their children's cancelled talks, the reason and per round the first free moments
 * of the group (or, when there are none, the news that the child is on the waiting list).
 */
export async function cancelTeacherDay(actor: Actor, input: CancelTeacherDayInput, now = new Date()) {
  onlyStaff(actor);
  const { start, end } = dayWindow(input.date);
  try {
    const result = await prisma.$transaction(async (tx) => {
      const group = await tx.group.findFirst({ where: { id: input.groupId, schoolId: actor.schoolId }, select: { id: true, name: true } });
      if (!group || !allows('talkDay', 'cancel', await relationsToGroup(tx, actor, group.id))) throw new AppError('NOT_FOUND');
      const teacher = await tx.groupTeacher.findFirst({ where: { groupId: group.id, userId: input.teacherId }, select: { user: { select: { firstName: true, prefix: true, lastName: true } } } });
      if (!teacher) throw refuse('teacherId', 'disruption.notTeacherOfGroup');
      if (end <= now) throw refuse('date', 'disruption.dayPassed');
      // Talks already under way or held stay as they are.
      const slots = await tx.slot.findMany({
        where: { schoolId: actor.schoolId, groupId: group.id, teacherKey: { in: ['', input.teacherId] }, startsAt: { gte: start, lt: end, gt: now } },
        orderBy: { startsAt: 'asc' },
        select: { id: true, roundId: true, claim: { select: { bookingId: true } } },
      });
      if (!slots.length) throw refuse('date', 'disruption.noTalksThatDay', { date: input.date });
      const roundIds = [...new Set(slots.map((s) => s.roundId))];
      const done = await tx.dayCancellation.findFirst({ where: { roundId: { in: roundIds }, groupId: group.id, teacherId: input.teacherId, day: input.date } });
      if (done) throw new AppError('CONFLICT');

      const slotIds = slots.map((s) => s.id);
      await tx.slot.updateMany({ where: { id: { in: slotIds } }, data: { blocked: true } });
      await tx.slotHold.deleteMany({ where: { slotId: { in: slotIds } } });

      const bookingIds = [...new Set(slots.flatMap((s) => (s.claim ? [s.claim.bookingId] : [])))];
      const bookings = await tx.booking.findMany({ where: { id: { in: bookingIds } }, include: { ...bookingForCancel, child: { select: { firstName: true, prefix: true, lastName: true } } } });
      const guardians = await tx.guardianship.findMany({
        where: { schoolId: actor.schoolId, childId: { in: bookings.map((b) => b.childId) }, endedAt: null },
        select: { childId: true, userId: true, right: true, householdId: true, user: { select: { email: true, firstName: true, locale: true } } },
      });

      // Who hears what: per guardian, their children's talks and the rounds they were in.
      const told = new Map<string, { to: Recipient; talks: { child: string; childId: string; roundId: string; startsAt: Date }[] }>();
      for (const b of bookings) {
        const first = b.claims.map((c) => c.slot).sort((x, y) => +x.startsAt - +y.startsAt)[0];
        for (const g of toldOfTalk(guardians, b.childId, b.householdKey)) {
          const entry = told.get(g.userId) ?? { to: { ...g.user, householdId: g.householdId }, talks: [] };
          entry.talks.push({ child: fullName(b.child), childId: b.childId, roundId: b.roundId, startsAt: first.startsAt });
          told.set(g.userId, entry);
        }
      }
      // The calendar cancel of each talk (same uid) rides in the one mail below instead of a mail per talk.
      const calendar = new Map<string, string[]>();
      for (const b of bookings) {
        for (const c of await cancelInTx(tx, actor.schoolId, b, actor.userId, now, { reason: input.reason, mail: false })) calendar.set(c.userId, [...(calendar.get(c.userId) ?? []), c.icsFile]);
      }

      // What each round offers instead, read after the cancels (the blocked moments are not offered).
      const offers = new Map<string, { open: boolean; free: Date[] }>();
      const rounds = await tx.talkRound.findMany({ where: { id: { in: roundIds } }, select: { id: true, name: true, opensAt: true, deadline: true, stage: { select: { name: true } } } });
      for (const r of rounds) {
        const free = await tx.slot.findMany({
          where: { roundId: r.id, groupId: group.id, blocked: false, claim: null, startsAt: { gt: now } },
          orderBy: { startsAt: 'asc' },
          take: ALTERNATIVES,
          select: { startsAt: true },
        });
        offers.set(r.id, { open: now >= r.opensAt && now <= r.deadline, free: free.map((s) => s.startsAt) });
      }

      // No free moment in an open round: the child queues, as the guardian who booked (else one with authority).
      const waitlisted = new Set<string>();
      for (const b of bookings) {
        const offer = offers.get(b.roundId)!;
        if (!offer.open || offer.free.length) continue;
        const mine = toldOfTalk(guardians, b.childId, b.householdKey);
        const asker = mine.find((g) => g.userId === b.bookedById) ?? mine.find((g) => g.right === 'AUTHORITY');
        if (!asker) continue;
        await tx.waitlistEntry.upsert({
          where: { roundId_childId_householdId: { roundId: b.roundId, childId: b.childId, householdId: asker.householdId } },
          update: {},
          create: { schoolId: actor.schoolId, roundId: b.roundId, childId: b.childId, householdId: asker.householdId, userId: asker.userId },
        });
        waitlisted.add(`${b.roundId}:${b.childId}`);
      }

      const teacherName = fullName(teacher.user);
      for (const [userId, { to, talks }] of told) {
        const t = await translatorFor(to.locale, 'mail.disruptionCancelled');
        const lines = talks.sort((x, y) => +x.startsAt - +y.startsAt).map((l) => t('talkLine', { child: l.child, when: formatTalkTime(l.startsAt, to.locale) }));
        const options = [...new Set(talks.map((l) => l.roundId))].map((roundId) => {
          const offer = offers.get(roundId)!;
          const children = [...new Set(talks.filter((l) => l.roundId === roundId).map((l) => l.child))].join(' & ');
          const link = portalUrl(`/ouder/gesprekken/${roundId}`);
          if (!offer.open) return t('closed', { children });
          if (offer.free.length) return t('alternatives', { children, link, moments: offer.free.map((d) => t('momentLine', { when: formatTalkTime(d, to.locale) })).join('\n') });
          return talks.some((l) => l.roundId === roundId && waitlisted.has(`${roundId}:${l.childId}`)) ? t('waitlisted', { children, link }) : t('closed', { children });
        });
        const values = { name: to.firstName, teacher: teacherName, reason: input.reason, day: formatDay(start, to.locale), talks: lines.join('\n'), options: options.join('\n\n') };
        await enqueueMail(tx, { to: to.email, schoolId: actor.schoolId, kind: 'talk_day_cancelled', subject: t('subject', values), text: t('body', values), icsFile: icsStream(calendar.get(userId)) });
      }

      const cancellations = [];
      for (const r of rounds) {
        const ofRound = bookings.filter((b) => b.roundId === r.id);
        const households = new Set([...told.values()].filter((e) => e.talks.some((l) => l.roundId === r.id)).map((e) => e.to.householdId));
        cancellations.push(
          await tx.dayCancellation.create({
            data: {
              schoolId: actor.schoolId,
              roundId: r.id,
              groupId: group.id,
              teacherId: input.teacherId,
              day: input.date,
              reason: input.reason,
              byId: actor.userId,
              talks: ofRound.length,
              families: households.size,
              waitlisted: ofRound.filter((b) => waitlisted.has(`${r.id}:${b.childId}`)).length,
            },
          }),
        );
      }
      return { talks: bookings.length, families: new Set([...told.values()].map((e) => e.to.householdId)).size, mails: told.size, waitlisted: waitlisted.size, blocked: slotIds.length, cancellations };
    }, TX);
    kickMailDelivery();
    return result;
  } catch (e) {
    // Two people reporting the same illness at once: the second hears it was just done.
    if (isUniqueViolation(e)) throw new AppError('CONFLICT');
    throw e;
  }
}

// ─── an evening moves ────────────────────────────────────────────────────────

/**
 * Moves a round's time block to another date (the same wall-clock times, or a new start): its slots
 * shift by the same amount, every booking stays on its slot with its id, and the guardians' time
 * claims shift along. Refused, with nothing written, when the new time overlaps another block of the
 * round, another moment of one of the groups or of a group sharing a teacher, or a talk a parent
 * already has then. Each guardian told of a moved talk gets one mail with old and new times.
 */
export async function moveRoundBlock(actor: Actor, input: MoveBlockInput, now = new Date()) {
  onlyStaff(actor);
  const result = await prisma.$transaction(async (tx) => {
    const block = await tx.roundBlock.findFirst({
      where: { id: input.blockId, round: { schoolId: actor.schoolId } },
      include: { round: { select: { id: true, deadline: true, stage: { select: { name: true } }, groups: { select: { groupId: true } } } } },
    });
    if (!block) throw new AppError('NOT_FOUND');
    // Moving an evening moves every group's talks in it: a teacher only when all the groups are theirs.
    const relations: Relation[] = isDirector(actor)
      ? ['director']
      : isTeacher(actor) && (await tx.groupTeacher.count({ where: { groupId: { in: block.round.groups.map((g) => g.groupId) }, userId: actor.userId } })) === block.round.groups.length
        ? ['teacher']
        : [];
    if (!allows('talkDay', 'move', relations)) throw new AppError('NOT_FOUND');
    if (block.startsAt <= now) throw refuse('blockId', 'disruption.blockPassed');

    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(block.startsAt);
    const newStart = zonedToUtc(`${input.date}T${input.time ?? wall}`);
    const delta = +newStart - +block.startsAt;
    const newEnd = new Date(+block.endsAt + delta);
    if (delta === 0) throw refuse('date', 'disruption.sameTime');
    if (newStart <= now) throw refuse('date', 'disruption.inPast');
    await refuseHolidayDates(tx, actor.schoolId, [...new Set([input.date, zonedDateKey(newEnd)])], 'date');

    const clash = await tx.roundBlock.findFirst({ where: { roundId: block.roundId, id: { not: block.id }, startsAt: { lt: newEnd }, endsAt: { gt: newStart } } });
    if (clash) throw refuse('date', 'disruption.overlapsBlock');
    const slots = await tx.slot.findMany({
      where: { roundId: block.roundId, startsAt: { gte: block.startsAt }, endsAt: { lte: block.endsAt } },
      select: { id: true, groupId: true, startsAt: true, endsAt: true, claim: { select: { bookingId: true } } },
    });
    const slotIds = slots.map((s) => s.id);
    const groupIds = [...new Set(slots.map((s) => s.groupId))];
    // A teacher cannot be in two places: other moments of these groups, or of any group one of their teachers has.
    const teachers = (await tx.groupTeacher.findMany({ where: { groupId: { in: groupIds } }, select: { userId: true } })).map((t) => t.userId);
    const busy = await tx.slot.findFirst({
      where: {
        schoolId: actor.schoolId,
        id: { notIn: slotIds },
        startsAt: { lt: newEnd },
        endsAt: { gt: newStart },
        OR: [{ groupId: { in: groupIds } }, { group: { teachers: { some: { userId: { in: teachers } } } } }],
      },
      select: { group: { select: { name: true } } },
    });
    if (busy) throw refuse('date', 'disruption.overlapsTeacher', { group: busy.group.name });

    const bookingIds = [...new Set(slots.flatMap((s) => (s.claim ? [s.claim.bookingId] : [])))];
    const claims = await tx.guardianTimeClaim.findMany({ where: { bookingId: { in: bookingIds } }, select: { userId: true, startsAt: true } });
    if (claims.length) {
      const parentBusy = await tx.guardianTimeClaim.findFirst({
        where: { bookingId: { notIn: bookingIds }, OR: claims.map((c) => ({ userId: c.userId, startsAt: new Date(+c.startsAt + delta) })) },
      });
      if (parentBusy) throw refuse('date', 'disruption.parentBusy');
    }

    // Two hops, because PostgreSQL checks the unique (schedule, start) per row as a statement runs:
    // shifting a block by less than its own length in one step would meet its own next slot.
    const seconds = delta / 1000;
    await tx.$executeRaw`UPDATE "Slot" SET "startsAt" = "startsAt" + interval '1000 years', "endsAt" = "endsAt" + interval '1000 years' WHERE id = ANY(${slotIds}::text[])`;
    await tx.$executeRaw`UPDATE "Slot" SET "startsAt" = "startsAt" - interval '1000 years' + make_interval(secs => ${seconds}), "endsAt" = "endsAt" - interval '1000 years' + make_interval(secs => ${seconds}) WHERE id = ANY(${slotIds}::text[])`;
    if (bookingIds.length) {
      await tx.$executeRaw`UPDATE "GuardianTimeClaim" SET "startsAt" = "startsAt" + interval '1000 years' WHERE "bookingId" = ANY(${bookingIds}::text[])`;
      await tx.$executeRaw`UPDATE "GuardianTimeClaim" SET "startsAt" = "startsAt" - interval '1000 years' + make_interval(secs => ${seconds}) WHERE "bookingId" = ANY(${bookingIds}::text[])`;
    }
    await tx.slotHold.deleteMany({ where: { slotId: { in: slotIds } } });
    await tx.roundBlock.update({ where: { id: block.id }, data: { startsAt: newStart, endsAt: newEnd } });

    const bookings = await tx.booking.findMany({
      where: { id: { in: bookingIds } },
      select: { id: true, childId: true, householdKey: true, child: { select: { firstName: true, prefix: true, lastName: true } }, claims: { select: { slot: { select: { startsAt: true, endsAt: true, location: true } } } } },
    });
    const guardians = await tx.guardianship.findMany({
      where: { schoolId: actor.schoolId, childId: { in: bookings.map((b) => b.childId) }, endedAt: null },
      select: { childId: true, userId: true, right: true, householdId: true, user: { select: { email: true, firstName: true, locale: true } } },
    });
    const told = new Map<string, { to: Recipient; talks: { child: string; from: Date; to: Date }[] }>();
    const calendar = new Map<string, string[]>();
    for (const b of bookings) {
      const first = b.claims.map((c) => c.slot).sort((x, y) => +x.startsAt - +y.startsAt)[0];
      await tx.bookingEvent.create({ data: { schoolId: actor.schoolId, roundId: block.roundId, childId: b.childId, actorId: actor.userId, kind: 'moved', slotStart: first.startsAt } });
      const previousStartsAt = new Date(+first.startsAt - delta);
      for (const c of await talkTimeChanged(tx, b.id, { previousStartsAt, mail: false })) calendar.set(c.userId, [...(calendar.get(c.userId) ?? []), c.icsFile]);
      for (const g of toldOfTalk(guardians, b.childId, b.householdKey)) {
        const entry = told.get(g.userId) ?? { to: { ...g.user, householdId: g.householdId }, talks: [] };
        entry.talks.push({ child: fullName(b.child), from: previousStartsAt, to: first.startsAt });
        told.set(g.userId, entry);
      }
    }
    const open = now <= block.round.deadline;
    for (const [userId, { to, talks }] of told) {
      const t = await translatorFor(to.locale, 'mail.disruptionMoved');
      const lines = talks.sort((x, y) => +x.to - +y.to).map((l) => t('talkLine', { child: l.child, from: formatTalkTime(l.from, to.locale), to: formatTalkTime(l.to, to.locale) }));
      const values = { name: to.firstName, stage: block.round.stage.name, talks: lines.join('\n'), deadline: formatTalkTime(block.round.deadline, to.locale), link: portalUrl(`/ouder/gesprekken/${block.roundId}`) };
      await enqueueMail(tx, { to: to.email, schoolId: actor.schoolId, kind: 'talk_block_moved', subject: t('subject', values), text: `${t('body', values)}\n\n${t(open ? 'changeUntil' : 'changeClosed', values)}\n\n${t('signature')}`, icsFile: icsStream(calendar.get(userId)) });
    }
    return { slots: slotIds.length, talks: bookings.length, mails: told.size, startsAt: newStart, endsAt: newEnd };
  }, TX);
  kickMailDelivery();
  return result;
}

/**
 * One guardian's calendar messages as one file: an iCalendar stream may hold several objects
 * (RFC 5545 3.4, icalstream = 1*icalobject), each with its own METHOD and UID, so a family with two
 * talks gets one mail whose attachment updates both events.
 */
const icsStream = (files: string[] | undefined) => (files?.length ? files.map((f) => (f.endsWith('\r\n') ? f : `${f}\r\n`)).join('') : null);

// ─── the day view ────────────────────────────────────────────────────────────

/** For the day view: what was cancelled that day in the groups the actor plans, and the choices for the forms. */
export async function dayDisruptions(actor: Actor, date: string) {
  onlyStaff(actor);
  const { start, end } = dayWindow(date);
  const planned = await prisma.group.findMany({ where: plannedGroupsWhere(actor), select: { id: true, name: true } });
  const groupIds = planned.map((g) => g.id);
  const mayMove = allows('talkDay', 'move', isDirector(actor) ? ['director'] : ['teacher']);
  const [cancellations, groups, blocks] = await Promise.all([
    prisma.dayCancellation.findMany({ where: { schoolId: actor.schoolId, day: date, groupId: { in: groupIds } }, orderBy: { createdAt: 'asc' }, include: { round: { select: { name: true } } } }),
    // Groups with talks that day, with their teachers: who may fall ill.
    prisma.group.findMany({
      where: { id: { in: groupIds }, slots: { some: { startsAt: { gte: start, lt: end } } } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, teachers: { select: { user: { select: { id: true, firstName: true, prefix: true, lastName: true } } } } },
    }),
    // Evenings the actor may move (every group of the round theirs).
    mayMove
      ? prisma.roundBlock.findMany({
          where: { startsAt: { gte: start, lt: end }, round: { schoolId: actor.schoolId, groups: { every: { groupId: { in: groupIds } } } } },
          orderBy: { startsAt: 'asc' },
          select: { id: true, startsAt: true, endsAt: true, round: { select: { name: true } } },
        })
      : [],
  ]);
  const people = await prisma.user.findMany({ where: { id: { in: cancellations.flatMap((c) => [c.teacherId, c.byId]) } }, select: { id: true, firstName: true, prefix: true, lastName: true } });
  const nameOf = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? fullName(p) : '–';
  };
  const groupName = (id: string) => planned.find((g) => g.id === id)?.name ?? '';
  return {
    cancellations: cancellations.map((c) => ({ ...c, teacher: nameOf(c.teacherId), by: nameOf(c.byId), group: groupName(c.groupId) })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, teachers: g.teachers.map((t) => ({ id: t.user.id, name: fullName(t.user) })) })),
    blocks,
  };
}
