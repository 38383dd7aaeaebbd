import 'server-only';
import { ownTalksWhere } from '@/lib/access/bookings';
import { relationTo } from '@/lib/access/relations';
import { isGuardian } from '@/lib/access/roles';
import type { Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import { childMoments } from './moments';
import { childPreparations } from './preparation';
import { inAgendaOrder } from './agenda';
import { childFile, childNotes, guidancePlans } from './service';

// One timeline per child: everything in the child's file, newest first. The page renders it and
// the data-subject export (JSON and PDF) is made from the same list, so the export always holds
// everything the timeline shows.

type File = Awaited<ReturnType<typeof childFile>>;
export type TimelineEntry = { id: string; at: Date } & (
  | { type: 'record'; record: File['records'][number] }
  | { type: 'note'; note: Awaited<ReturnType<typeof childNotes>>[number] }
  | { type: 'guidance'; plan: Awaited<ReturnType<typeof guidancePlans>>[number] }
  | { type: 'preparation'; preparation: Awaited<ReturnType<typeof childPreparations>>[number] }
  | { type: 'moment'; moment: Awaited<ReturnType<typeof childMoments>>[number] }
  | { type: 'talk'; talk: { id: string; round: string; endsAt: Date; location: string | null; attendance: string } }
  | { type: 'meeting'; meeting: { id: string; name: string; group: string; present: boolean } }
);

/** The child's file as the actor may see it (lib/access/child-file.ts: guardians published records and their household's parts; staff notes shared with their role). */
export async function childTimeline(actor: Actor, childId: string) {
  // Separated parents: a talk the other household booked on its own is theirs, not in this file's view.
  const household = isGuardian(actor) ? (await relationTo(actor, childId)).householdId : null;
  const [file, notes, plans, preparations, moments, bookings, attendance] = await Promise.all([
    childFile(actor, childId),
    childNotes(actor, childId),
    guidancePlans(actor, childId),
    childPreparations(actor, childId),
    childMoments(actor, childId),
    prisma.booking.findMany({
      where: { childId, schoolId: actor.schoolId, ...(household ? ownTalksWhere(household) : {}) },
      select: { id: true, attendance: true, round: { select: { name: true } }, claims: { select: { slot: { select: { startsAt: true, endsAt: true, location: true } } } } },
    }),
    prisma.eventAttendance.findMany({
      where: { childId, schoolId: actor.schoolId },
      select: { eventId: true, present: true, event: { select: { startsAt: true, stage: { select: { name: true } }, group: { select: { name: true } } } } },
    }),
  ]);
  const entries: TimelineEntry[] = [
    ...file.records.map((record) => ({ type: 'record' as const, id: record.id, at: record.heldOn, record: { ...record, notes: inAgendaOrder(record.notes, record.agendaTopics) } })),
    ...notes.map((note) => ({ type: 'note' as const, id: note.id, at: note.createdAt, note })),
    ...plans.map((plan) => ({ type: 'guidance' as const, id: plan.id, at: plan.startsOn, plan })),
    ...preparations.map((preparation) => ({ type: 'preparation' as const, id: preparation.id, at: preparation.updatedAt, preparation })),
    ...moments.map((moment) => ({ type: 'moment' as const, id: moment.id, at: moment.startsAt, moment })),
    ...bookings.flatMap((b) => {
      const slots = b.claims.map((c) => c.slot).sort((x, y) => +x.startsAt - +y.startsAt);
      if (slots.length === 0) return [];
      return [{ type: 'talk' as const, id: b.id, at: slots[0].startsAt, talk: { id: b.id, round: b.round.name, endsAt: slots.at(-1)!.endsAt, location: slots[0].location, attendance: b.attendance } }];
    }),
    ...attendance.map((a) => ({ type: 'meeting' as const, id: a.eventId, at: a.event.startsAt, meeting: { id: a.eventId, name: a.event.stage.name, group: a.event.group.name, present: a.present } })),
  ];
  entries.sort((a, b) => +b.at - +a.at);
  return { entries, open: file.open };
}

/** The timeline as plain data for the JSON export: dates as ISO strings, no internal ids or author ids. */
export function timelineForExport(entries: TimelineEntry[]) {
  return entries.map((e) => {
    const at = e.at.toISOString();
    switch (e.type) {
      case 'record': {
        const r = e.record;
        return {
          type: e.type, at, title: r.title, kind: r.kind, heldOn: r.heldOn, notes: r.notes, publishedAt: r.publishedAt, parentConfirmedAt: r.parentConfirmedAt, parentResponse: r.parentResponse,
          agreements: r.agreements.map((a) => ({ owner: a.owner, what: a.what, dueOn: a.dueOn, sharing: a.sharing, status: a.status, history: a.events.map((ev) => ({ kind: ev.kind, status: ev.status, note: ev.note, at: ev.createdAt })) })),
        };
      }
      case 'note':
        return { type: e.type, at, text: e.note.text, visibleTo: e.note.visibleTo, sharedWithOtherHousehold: e.note.sharedWithOtherHousehold };
      case 'guidance': {
        const { subject, parentTask, how, howOften, startsOn, evaluateOn, helped, decision, evaluationNote, evaluatedAt } = e.plan;
        return { type: e.type, at, subject, parentTask, how, howOften, startsOn, evaluateOn, helped, decision, evaluationNote, evaluatedAt };
      }
      case 'preparation':
        return { type: e.type, at, round: e.preparation.round.name, answers: e.preparation.answers, childAnswers: e.preparation.childAnswers };
      case 'moment':
        return { type: e.type, at, purpose: e.moment.purpose, startsAt: e.moment.startsAt, endsAt: e.moment.endsAt, location: e.moment.location };
      case 'talk':
        return { type: e.type, at, round: e.talk.round, endsAt: e.talk.endsAt, location: e.talk.location, attendance: e.talk.attendance };
      case 'meeting':
        return { type: e.type, at, name: e.meeting.name, group: e.meeting.group, present: e.meeting.present };
    }
  });
}
