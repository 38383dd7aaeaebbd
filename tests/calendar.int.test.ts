// Calendars that stay true (issue 15): book → move → cancel leave exactly the right event in a
// calendar that imports the mails' attachments in order. The mail goes through a real SMTP server
// (smtp-server on a local port); every .ics, and the webcal feed, is read with a real iCalendar
// parser (ical.js) and replayed into a small calendar that behaves as RFC 5546 says a client does.
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeed, renewCalendarToken } from '@/lib/bookings/calendar';
import { talkTimeChanged } from '@/lib/bookings/mail';
import { bookTalks, cancelBooking, createRound, moveBooking } from '@/lib/bookings/service';
import { prisma } from '@/lib/db';
import { deliverDueMail } from '@/lib/mail/outbox';
import { createMoment, deleteMoment } from '@/lib/records/moments';
import { type BookingWorld, base, bookingWorld, OPEN } from './support/booking-world';
import { createFamily } from './support/factories';

// ─── a real SMTP server, and the calendar parts of what it receives ──────────

type Received = { to: string; subject: string; calendars: { contentMethod: string | null; ics: string }[] };
const received: Received[] = [];
let server: SMTPServer;
const savedSmtpUrl = process.env.SMTP_URL;

function decode(body: string, encoding: string | undefined) {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Every text/calendar part of a MIME message (nested multiparts included), with its Content-Type's method. */
function calendarParts(raw: string): Received['calendars'] {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const type = /^content-type:\s*([^\r\n]*)/im.exec(headers)?.[1] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    return body.split(`--${boundary}`).slice(1, -1).flatMap((part) => calendarParts(part.replace(/^\r?\n/, '')));
  }
  if (!/^text\/calendar/i.test(type)) return [];
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  return [{ contentMethod: /method=([A-Z-]+)/i.exec(type)?.[1]?.toUpperCase() ?? null, ics: decode(body, encoding) }];
}

/** Send everything due through SMTP and answer what arrived (in sending order). */
async function deliver() {
  received.length = 0;
  while ((await deliverDueMail(500)) > 0);
  return [...received];
}

// ─── the calendar a parent keeps ─────────────────────────────────────────────

type CalendarEvent = { uid: string; sequence: number; start: string; end: string; summary: string };

type Parsed = { method: string | null; events: (CalendarEvent & { status: string | null; utc: boolean })[] };

function parseIcs(ics: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return {
    method: (cal.getFirstPropertyValue('method') as string | null) ?? null,
    events: cal.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        sequence: e.sequence,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        summary: e.summary,
        status: (v.getFirstPropertyValue('status') as string | null) ?? null,
        utc: e.startDate.zone?.tzid === 'UTC' && e.endDate.zone?.tzid === 'UTC',
      };
    }),
  };
}

/** A calendar as RFC 5546 asks of a client: REQUEST adds or updates (not an older sequence), CANCEL removes. */
class Calendar {
  events = new Map<string, CalendarEvent>();
  apply(ics: string) {
    const { method, events } = parseIcs(ics);
    for (const { uid, sequence, start, end, summary } of events) {
      const e = { uid, sequence, start, end, summary };
      const had = this.events.get(e.uid);
      if (had && e.sequence < had.sequence) continue; // an out-of-date message changes nothing
      if (method === 'CANCEL') this.events.delete(e.uid);
      else if (method === 'REQUEST') this.events.set(e.uid, e);
      else throw new Error(`a mail with METHOD ${method}`);
    }
  }
  list() {
    return [...this.events.values()];
  }
}

const calendars = new Map<string, Calendar>();
const calendarOf = (email: string) => calendars.get(email) ?? calendars.set(email, new Calendar()).get(email)!;

/** Deliver, check every calendar part (Content-Type method = file METHOD, UTC times), replay into each recipient's calendar. */
async function deliverAndImport() {
  const mails = await deliver();
  for (const m of mails) {
    for (const part of m.calendars) {
      const parsed = parseIcs(part.ics);
      expect(part.contentMethod).toBe(parsed.method);
      for (const e of parsed.events) expect(e.utc).toBe(true);
      calendarOf(m.to).apply(part.ics);
    }
  }
  return mails;
}

const iso = (d: Date) => d.toISOString();

// ─── the world ───────────────────────────────────────────────────────────────

let w: BookingWorld;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', calendars: calendarParts(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await deliver(); // what other test files left queued
  w = await bookingWorld();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtpUrl;
});

describe('book → move → cancel', () => {
  it('leaves one event at the booked time, then at the new time, then none; the feed agrees', async () => {
    const [parent, infoOnly] = w.family.guardians;
    const child = w.family.children[0];
    const [first, , , fourth] = w.slotsOf(w.g3.id);
    const told = [parent.user.email, infoOnly.user.email].sort();

    const [booked] = await bookTalks(parent.actor, { roundId: w.round.id, items: [{ childId: child.id, slotId: first.id }] }, OPEN);
    const uid = (await prisma.booking.findUniqueOrThrow({ where: { id: booked.id } })).calendarUid;
    expect(uid).toBe(`${booked.id}@ouderportaal`);
    let mails = await deliverAndImport();
    // Both guardians were told (the information-only one sees the same), each with one REQUEST.
    expect(mails.map((m) => m.to).sort()).toEqual(told);
    for (const m of mails) expect(m.calendars.map((c) => parseIcs(c.ics).method)).toEqual(['REQUEST']);
    for (const email of told) {
      expect(calendarOf(email).list()).toEqual([{ uid, sequence: 0, start: iso(first.startsAt), end: iso(first.endsAt), summary: `Welbevindengesprek ${child.firstName} ${child.lastName}` }]);
    }

    const moved = await moveBooking(parent.actor, booked.id, fourth.id, OPEN);
    expect(moved.id).not.toBe(booked.id);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: moved.id }, select: { calendarUid: true, calendarSequence: true } })).toEqual({ calendarUid: uid, calendarSequence: 1 });
    mails = await deliverAndImport();
    expect(mails.map((m) => m.to).sort()).toEqual(told);
    expect(mails[0].subject).toContain('Verzet');
    for (const email of told) {
      // The one event moved: the old time is gone, nothing beside it.
      expect(calendarOf(email).list()).toEqual([{ uid, sequence: 1, start: iso(fourth.startsAt), end: iso(fourth.endsAt), summary: `Welbevindengesprek ${child.firstName} ${child.lastName}` }]);
    }
    const token = await renewCalendarToken(parent.user.id);
    const feedBefore = parseIcs((await calendarFeed(token))!);
    expect(feedBefore.events.map(({ uid, sequence, start, end }) => ({ uid, sequence, start, end }))).toEqual([{ uid, sequence: 1, start: iso(fourth.startsAt), end: iso(fourth.endsAt) }]);

    // The school cancels (any time): a CANCEL with the same uid, a sequence above the last.
    await cancelBooking(w.director.actor, moved.id, OPEN);
    mails = await deliverAndImport();
    expect(mails.map((m) => m.to).sort()).toEqual(told);
    for (const m of mails) {
      const cancel = parseIcs(m.calendars[0].ics);
      expect(cancel.method).toBe('CANCEL');
      expect(cancel.events.map((e) => [e.uid, e.sequence, e.status])).toEqual([[uid, 2, 'CANCELLED']]);
    }
    for (const email of told) expect(calendarOf(email).list()).toEqual([]);
    // A feed is a snapshot: the cancelled talk is simply not in it.
    expect(parseIcs((await calendarFeed(token))!).events).toEqual([]);
  });

  it('a talk whose time changed in place (an evening moved) keeps its uid with a higher sequence', async () => {
    const family = w.others[0];
    const child = family.children[0];
    const slot = w.slotsOf(w.g3.id)[5];
    const [booked] = await bookTalks(family.guardians[0].actor, { roundId: w.round.id, items: [{ childId: child.id, slotId: slot.id }] }, OPEN);
    await deliverAndImport();
    const week = 7 * 24 * 3600_000;
    await prisma.$transaction(async (tx) => {
      await tx.slot.update({ where: { id: slot.id }, data: { startsAt: new Date(+slot.startsAt + week), endsAt: new Date(+slot.endsAt + week) } });
      await talkTimeChanged(tx, booked.id, { previousStartsAt: slot.startsAt, reason: 'Sneeuw' });
    });
    const mails = await deliverAndImport();
    expect(mails.map((m) => m.to)).toEqual([family.guardians[0].user.email]);
    expect(calendarOf(family.guardians[0].user.email).list()).toEqual([
      { uid: booked.calendarUid, sequence: 1, start: iso(new Date(+slot.startsAt + week)), end: iso(new Date(+slot.endsAt + week)), summary: expect.any(String) },
    ]);
  });
});

describe('separated parents, a household’s own talk', () => {
  it('the other household gets no mail for it, and the talk stays the household’s when staff move it', async () => {
    const separated = await createFamily(w.school.id, w.year.id, [w.g3.id], { guardians: 2, separated: true });
    const [mother, father] = separated.guardians;
    const { round } = await createRound(w.director.actor, {
      ...base, stageId: w.stage.id, name: 'Apart', groupIds: [w.g3.id], separateTalksAllowed: true,
      blocks: [{ startsAt: '2026-11-18T19:00', endsAt: '2026-11-18T20:00' }],
    });
    const slots = await prisma.slot.findMany({ where: { roundId: round.id }, orderBy: { startsAt: 'asc' } });
    const [booked] = await bookTalks(mother.actor, { roundId: round.id, items: [{ childId: separated.children[0].id, slotId: slots[0].id }] }, OPEN);
    const all: Received[] = [...(await deliverAndImport())];
    const moved = await moveBooking(w.juf.actor, booked.id, slots[2].id, OPEN);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: moved.id } })).householdKey).not.toBe('joint');
    all.push(...(await deliverAndImport()));
    expect(calendarOf(mother.user.email).list().map((e) => [e.uid, e.sequence, e.start])).toEqual([[booked.calendarUid, 1, iso(slots[2].startsAt)]]);
    await cancelBooking(mother.actor, moved.id, OPEN);
    all.push(...(await deliverAndImport()));
    expect(all.map((m) => m.to)).toEqual([mother.user.email, mother.user.email, mother.user.email]);
    expect(all.filter((m) => m.to === father.user.email)).toEqual([]);
    expect(calendarOf(mother.user.email).list()).toEqual([]);
  });
});

describe('agreed extra moments', () => {
  it('the agreement puts it in the calendar, its removal takes it out (same uid), and the feed follows', async () => {
    const [parent, infoOnly] = w.family.guardians;
    const child = w.family.children[0];
    const token = await renewCalendarToken(parent.user.id);
    const moment = await createMoment(w.juf.actor, { childId: child.id, purpose: 'Extra gesprek lezen', date: '2099-03-09', time: '15:00', minutes: 15, location: 'Lokaal 3' });
    const uid = `${moment.id}@ouderportaal`;
    await deliverAndImport();
    for (const email of [parent.user.email, infoOnly.user.email]) {
      expect(calendarOf(email).events.get(uid)).toEqual({ uid, sequence: 0, start: iso(moment.startsAt), end: iso(moment.endsAt), summary: `Extra gesprek lezen (${child.firstName} ${child.lastName})` });
    }
    expect(parseIcs((await calendarFeed(token))!).events.map((e) => e.uid)).toContain(uid);

    await deleteMoment(w.juf.actor, moment.id);
    const mails = await deliverAndImport();
    expect(mails.map((m) => parseIcs(m.calendars[0].ics).events.map((e) => [e.uid, e.sequence, e.status]))).toEqual([
      [[uid, 1, 'CANCELLED']],
      [[uid, 1, 'CANCELLED']],
    ]);
    for (const email of [parent.user.email, infoOnly.user.email]) expect(calendarOf(email).events.has(uid)).toBe(false);
    expect(parseIcs((await calendarFeed(token))!).events.map((e) => e.uid)).not.toContain(uid);
  });
});
