// Demo traffic for conversations (issue 13): five months of answered questions across the groups and
// the director's inbox (most within the promise, some late, so the reply-time figures say something),
// and today's state of 5A (leerkracht@'s group): two questions due today, one overdue, one handed to
// the internal supervisor, a worry at the teacher's step. Sanne's mother (ouder@) has one answered
// question and a message from school shared with both households; her new question is left to try.
// Promises follow the portal's own rule (lib/messages/reply-clock.ts) with the teachers' hours.
import { randomUUID } from 'node:crypto';
import type { Role } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { zonedDateKey, zonedToUtc } from '@/lib/format/time';
import { type HoursRow, replyClock } from '@/lib/messages/reply-clock';
import { DEMO_LOGINS } from '@/lib/school/demo-school';
import { addDaysToKey } from '@/lib/school/holidays-nl';
import { isSchoolDay } from '@/lib/school/working-days';
import { currentSchoolYear } from '@/lib/school/year';

const DEMO_EMAILS = new Set(Object.values(DEMO_LOGINS).map((l) => l.email));

const QUESTIONS: [string, string, string][] = [
  ['Gymkleding', 'Moet er deze week gymkleding mee? Het rooster is veranderd, toch?', 'Ja, vanaf deze week is gym op dinsdag en vrijdag. Graag allebei de dagen gymspullen mee.'],
  ['Huiswerk rekenen', 'Hij zegt dat hij het huiswerk niet snapt. Kunnen we thuis iets oefenen?', 'Fijn dat u het laat weten. Ik geef morgen een extra oefenblad mee en leg het nog even uit.'],
  ['Verjaardag trakteren', 'Volgende week is ze jarig. Mag ze trakteren, en zijn er allergieën in de groep?', 'Gefeliciteerd alvast! Trakteren mag. Er is één kind met een notenallergie, dus graag zonder noten.'],
  ['Luizencontrole', 'Wanneer is de volgende luizencontrole? We hebben thuis luizen gevonden.', 'Dank voor het melden. De luizenouders controleren woensdag de hele groep.'],
  ['Ophalen door oma', 'Vrijdag haalt oma haar op in plaats van ik. Is dat goed?', 'Prima, dank u voor het doorgeven. Ik zet het op de lijst.'],
  ['Spreekbeurt', 'Wanneer moet de spreekbeurt af zijn en hoe lang moet die duren?', 'De spreekbeurt is over drie weken, ongeveer tien minuten, met een paar vragen uit de klas.'],
  ['Moe na school', 'Ze is de laatste tijd erg moe na school. Merkt u in de klas ook iets?', 'In de klas zie ik het ook af en toe. Zullen we even bellen? Ik kan donderdag na schooltijd.'],
  ['Bibliotheekboek kwijt', 'Het bibliotheekboek is zoek. Wat moeten we doen?', 'Geen probleem, kijk nog even thuis. Als het niet opduikt, melden we het bij de bibliotheek.'],
  ['Excursie', 'Gaan ze met de bus of met de fiets naar de boerderij?', 'We gaan met de fiets; ouders die mee willen rijden kunnen zich bij mij melden.'],
  ['Toets spelling', 'Hoe ging de spellingtoets? Hij was er erg zenuwachtig voor.', 'Hij deed het goed! De uitslag ziet u volgende week in het rapport.'],
];
const SCHOOL_MATTERS: [string, string, string][] = [
  ['Studiedag', 'Wanneer zijn de studiedagen dit jaar? Ik moet opvang regelen.', 'De studiedagen staan in de jaarkalender: de eerstvolgende is over drie weken.'],
  ['Parkeren bij school', 'Het is erg druk bij het hek om kwart over acht. Kan daar iets aan gedaan worden?', 'We hebben de gemeente gevraagd om een kiss-and-ride-zone. We houden u op de hoogte.'],
  ['Schoolfotograaf', 'Wanneer komt de schoolfotograaf? Broertjes en zusjes samen ook?', 'De fotograaf komt in april; broertjes en zusjes worden samen op de foto gezet.'],
];

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Msg = { by: 'parent' | 'staff'; userId: string; role: Role; at: Date; body: string };

export async function seedDemoMessages(schoolId: string, now: Date) {
  const year = await currentSchoolYear(schoolId, now);
  if (!year) return;
  const school = await prisma.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timeZone: true, holidays: { select: { startDate: true, endDate: true } } } });
  const clock = { timeZone: school.timeZone, holidays: school.holidays };
  const rnd = prng(13);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

  const directorIds = (await prisma.membership.findMany({ where: { schoolId, role: 'DIRECTOR' }, select: { userId: true } })).map((m) => m.userId);
  const ib = await prisma.membership.findFirst({ where: { schoolId, careCoordinator: true }, select: { userId: true } });
  const loes = await prisma.user.findUnique({ where: { email: DEMO_LOGINS.teacher.email }, select: { id: true } });
  // Loes (duo teacher of 5A) works Monday to Thursday; her colleague has set nothing (the default hours).
  if (loes) {
    await prisma.workingHours.createMany({ data: [1, 2, 3, 4].map((weekday) => ({ schoolId, userId: loes.id, weekday, startMinute: 8 * 60, endMinute: 16 * 60 + 30 })), skipDuplicates: true });
  }
  const hours = new Map<string, HoursRow[]>();
  for (const r of await prisma.workingHours.findMany({ where: { schoolId } })) hours.set(r.userId, [...(hours.get(r.userId) ?? []), r]);
  const hoursOf = (ids: string[]) => ids.map((id) => hours.get(id) ?? []);

  const groups = await prisma.group.findMany({
    where: { schoolId, schoolYearId: year.id },
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true,
      teachers: { select: { userId: true } },
      enrolments: { orderBy: { child: { lastName: 'asc' } }, select: { child: { select: { id: true, firstName: true, guardianships: { where: { endedAt: null }, orderBy: { id: 'asc' }, select: { userId: true, householdId: true, user: { select: { email: true } } } } } } } },
    },
  });
  // A child of a family without demo logins, with one of its guardians (a different family each time while there are any).
  const used = new Set<string>();
  const familyIn = (g: (typeof groups)[number]) => {
    const free = g.enrolments.filter((e) => e.child.guardianships.length && !e.child.guardianships.some((x) => DEMO_EMAILS.has(x.user.email)));
    const fresh = free.filter((e) => !used.has(e.child.id));
    const e = pick(fresh.length ? fresh : free);
    if (!e) return null;
    used.add(e.child.id);
    return { child: e.child, parent: e.child.guardianships[0] };
  };

  const threads: object[] = [];
  const households: object[] = [];
  const messages: object[] = [];
  const promises: object[] = [];
  const reads: object[] = [];

  /** One thread with its messages; promises are replayed message by message like the service does. */
  const add = (t: { inbox: 'GROUP' | 'DIRECTOR'; groupId: string | null; childId: string | null; subject: string; householdIds: string[]; inboxIds: string[]; msgs: Msg[]; assigneeId?: string; kind?: 'COMPLAINT'; startedById?: string }) => {
    const id = randomUUID();
    let open: { dueAt: Date } & Record<string, unknown> | null = null;
    for (const m of t.msgs) {
      messages.push({ id: randomUUID(), schoolId, threadId: id, authorId: m.userId, authorRole: m.role, body: m.body, createdAt: m.at });
      if (m.by === 'parent' && !open) {
        const { countsFrom, dueAt } = replyClock(m.at, hoursOf(t.inboxIds), clock);
        open = { id: randomUUID(), schoolId, threadId: id, groupId: t.inbox === 'GROUP' ? t.groupId : null, askedAt: m.at, countsFrom, dueAt, answeredAt: null, answeredById: null };
        promises.push(open);
      } else if (m.by === 'staff' && open) {
        open.answeredAt = m.at;
        open.answeredById = m.userId;
        open = null;
      }
    }
    const last = t.msgs[t.msgs.length - 1];
    threads.push({
      id, schoolId, kind: t.kind ?? 'QUESTION', inbox: t.inbox, groupId: t.groupId, childId: t.childId, subject: t.subject, startedById: t.startedById ?? t.msgs[0].userId,
      assigneeId: t.assigneeId ?? null, replyDueAt: open?.dueAt ?? null, lastMessageAt: last.at, createdAt: t.msgs[0].at, complaintStep: t.kind ? 'TEACHER' : null,
    });
    for (const householdId of t.householdIds) households.push({ schoolId, threadId: id, householdId });
    // Everyone has read up to their own last message; a staff answer is unread by the parent only when recent.
    for (const m of t.msgs) reads.push({ schoolId, threadId: id, userId: m.userId, readAt: m.at });
    return id;
  };
  const dedupeReads = () => [...new Map(reads.map((r) => { const x = r as { threadId: string; userId: string; readAt: Date }; return [`${x.threadId}:${x.userId}`, x]; })).values()];

  const at = (day: string, minute: number) => zonedToUtc(`${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`, clock.timeZone);
  const today = zonedDateKey(now, clock.timeZone);
  const schoolDaysBack = (n: number) => {
    let d = today;
    for (let left = n; left > 0; ) {
      d = addDaysToKey(d, -1);
      if (isSchoolDay(d, clock.holidays, clock.timeZone)) left--;
    }
    return d;
  };

  // History: about 150 school days back, three or four questions a week per group, some to the director.
  for (let back = 150; back >= 3; back--) {
    const day = addDaysToKey(today, -back);
    if (!isSchoolDay(day, clock.holidays, clock.timeZone)) continue;
    for (const g of groups) {
      if (rnd() > 0.7 || !g.teachers.length) continue;
      const fam = familyIn(g);
      if (!fam) continue;
      const [subject, q, a] = pick(QUESTIONS);
      const asked = at(day, 7 * 60 + Math.floor(rnd() * 14 * 60));
      // Most answers within hours, some the next day, a few late.
      const r = rnd();
      const delayH = r < 0.65 ? 1 + rnd() * 6 : r < 0.9 ? 18 + rnd() * 8 : 60 + rnd() * 40;
      const answered = new Date(+asked + delayH * 3_600_000);
      if (answered > now) continue;
      add({ inbox: 'GROUP', groupId: g.id, childId: fam.child.id, subject, householdIds: [fam.parent.householdId], inboxIds: g.teachers.map((x) => x.userId), msgs: [
        { by: 'parent', userId: fam.parent.userId, role: 'GUARDIAN', at: asked, body: q },
        { by: 'staff', userId: pick(g.teachers).userId, role: 'TEACHER', at: answered, body: a },
      ] });
    }
    if (directorIds.length && rnd() < 0.25) {
      const g = pick(groups);
      const fam = familyIn(g);
      if (!fam) continue;
      const [subject, q, a] = pick(SCHOOL_MATTERS);
      const asked = at(day, 9 * 60 + Math.floor(rnd() * 9 * 60));
      const answered = new Date(+asked + (rnd() < 0.8 ? 3 + rnd() * 20 : 50 + rnd() * 30) * 3_600_000);
      if (answered > now) continue;
      add({ inbox: 'DIRECTOR', groupId: null, childId: null, subject, householdIds: [fam.parent.householdId], inboxIds: directorIds, msgs: [
        { by: 'parent', userId: fam.parent.userId, role: 'GUARDIAN', at: asked, body: q },
        { by: 'staff', userId: directorIds[0], role: 'DIRECTOR', at: answered, body: a },
      ] });
    }
  }

  // Today in 5A: due today (asked on the previous school day), overdue (two school days ago), handed to the supervisor, a worry.
  const g5 = groups.find((g) => g.name === '5A');
  const past = (d: Date) => new Date(Math.min(+d, +now - 60_000));
  if (g5?.teachers.length) {
    const teacherIds = g5.teachers.map((x) => x.userId);
    const open = (subject: string, body: string, asked: Date, extra: { assigneeId?: string; kind?: 'COMPLAINT' } = {}) => {
      const fam = familyIn(g5);
      if (!fam) return;
      add({ inbox: 'GROUP', groupId: g5.id, childId: fam.child.id, subject, householdIds: [fam.parent.householdId], inboxIds: [...teacherIds, ...(extra.assigneeId ? [extra.assigneeId] : [])], ...extra, msgs: [
        { by: 'parent', userId: fam.parent.userId, role: 'GUARDIAN', at: past(asked), body },
      ] });
    };
    const yesterday = schoolDaysBack(1);
    open('Zwemles op woensdag', 'Gaat de zwemles woensdag door nu het zwembad dicht is?', at(yesterday, 10 * 60 + 15));
    open('Rapportgesprek verzetten', 'Wij kunnen helaas niet op het geplande moment. Kunnen we een ander moment afspreken?', at(yesterday, 15 * 60 + 40));
    open('Boek voor boekbespreking', 'Welk boek mag hij kiezen voor de boekbespreking? Moet het uit de schoolbieb komen?', at(schoolDaysBack(2), 13 * 60));
    if (ib) open('Moeite met lezen', 'Wij merken thuis dat lezen steeds moeilijker gaat en maken ons zorgen. Kan er eens iemand meekijken?', at(yesterday, 11 * 60), { assigneeId: ib.userId });
    open('Zorgen over de sfeer in de klas', 'Onze dochter komt de laatste weken verdrietig thuis; ze zegt dat ze buitengesloten wordt in de pauze.', at(yesterday, 19 * 60), { kind: 'COMPLAINT' });
  }

  // Sanne's mother: an answered question last week, and a message from school to both households.
  const mother = await prisma.user.findUnique({ where: { email: DEMO_LOGINS.guardian.email }, select: { id: true } });
  const sanne = mother && (await prisma.guardianship.findFirst({ where: { schoolId, userId: mother.id, endedAt: null, child: { firstName: 'Sanne' } }, select: { childId: true, householdId: true } }));
  const g3 = sanne && groups.find((g) => g.enrolments.some((e) => e.child.id === sanne.childId));
  if (mother && sanne && g3?.teachers.length) {
    const teacherIds = g3.teachers.map((x) => x.userId);
    const day = schoolDaysBack(5);
    add({ inbox: 'GROUP', groupId: g3.id, childId: sanne.childId, subject: 'Bril in de klas', householdIds: [sanne.householdId], inboxIds: teacherIds, msgs: [
      { by: 'parent', userId: mother.id, role: 'GUARDIAN', at: past(at(day, 8 * 60 + 5)), body: 'Sanne heeft een nieuwe bril. Wilt u erop letten dat ze hem bij het lezen op heeft?' },
      { by: 'staff', userId: teacherIds[0], role: 'TEACHER', at: past(at(day, 12 * 60 + 30)), body: 'Dat doe ik. Ze heeft hem vanochtend meteen laten zien, ze is er trots op!' },
    ] });
    const both = [...new Set((await prisma.guardianship.findMany({ where: { schoolId, childId: sanne.childId, endedAt: null }, select: { householdId: true } })).map((x) => x.householdId))];
    add({ inbox: 'GROUP', groupId: g3.id, childId: sanne.childId, subject: 'Schoolreisje groep 3', householdIds: both, inboxIds: teacherIds, startedById: teacherIds[0], msgs: [
      { by: 'staff', userId: teacherIds[0], role: 'TEACHER', at: past(at(schoolDaysBack(2), 14 * 60)), body: 'Op het schoolreisje gaan we naar de kinderboerderij. Sanne heeft een lunchpakket en regenkleding nodig.' },
    ] });
  }

  await prisma.$transaction(async (tx) => {
    await tx.thread.createMany({ data: threads as never });
    await tx.threadHousehold.createMany({ data: households as never });
    await tx.threadMessage.createMany({ data: messages as never });
    await tx.replyPromise.createMany({ data: promises as never });
    await tx.threadRead.createMany({ data: dedupeReads() as never });
  }, { timeout: 60_000 });
  return { threads: threads.length };
}
