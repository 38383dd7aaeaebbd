'use server';

import { z } from 'zod';
import { formAction, formFields, idSchema } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { createRoundSchema, rhythmSchema } from './schemas';
import { setScheduleRhythm } from './rhythm';
import { zonedToUtc } from '@/lib/format/time';
import { bookTalks, cancelBooking, createRound } from './service';
import { allocateRound } from './fair';
import { addSlot, inviteNoShows, remindMissing, setAttendance, setSlotBlocked } from './staff';

/** The round form posts flat fields; blocks come as blockDate/blockFrom/blockTo rows, empty rows ignored. */
function roundInputFrom(formData: FormData) {
  const dates = formData.getAll('blockDate').map(String);
  const from = formData.getAll('blockFrom').map(String);
  const to = formData.getAll('blockTo').map(String);
  const blocks = dates.flatMap((d, i) => (d && from[i] && to[i] ? [{ startsAt: `${d}T${from[i]}`, endsAt: `${d}T${to[i]}` }] : []));
  const locations: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (k.startsWith('location:') && String(v).trim()) locations[k.slice(9)] = String(v);
  return {
    stageId: formData.get('stageId'),
    name: formData.get('name'),
    groupIds: formData.getAll('groupIds').map(String),
    slotMinutes: formData.get('slotMinutes'),
    gapMinutes: formData.get('gapMinutes'),
    walkingMinutes: formData.get('walkingMinutes') || undefined,
    mode: formData.get('mode') || undefined,
    opensAt: formData.get('opensAt'),
    preferencesCloseAt: formData.get('preferencesCloseAt') || undefined,
    deadline: formData.get('deadline'),
    blocks,
    locations,
    splitDuo: formData.getAll('splitDuo').map(String),
    separateTalksAllowed: formData.get('separateTalksAllowed') === 'on',
    inviteInformationOnly: formData.get('inviteInformationOnly') === 'on',
    interpreterDoubleSlot: formData.get('interpreterDoubleSlot') === 'on',
    breakAfterTalks: formData.get('breakAfterTalks') || undefined,
    breakMinutes: formData.get('breakMinutes') || undefined,
    breaks: breakRowsFrom(formData),
  };
}

/** Fixed breaks come as breakDate/breakFrom/breakTo rows, like blocks; empty rows ignored. */
function breakRowsFrom(formData: FormData) {
  const dates = formData.getAll('breakDate').map(String);
  const from = formData.getAll('breakFrom').map(String);
  const to = formData.getAll('breakTo').map(String);
  return dates.flatMap((d, i) => (d && from[i] && to[i] ? [{ startsAt: `${d}T${from[i]}`, endsAt: `${d}T${to[i]}` }] : []));
}

export const createRoundAction = formAction({
  roles: ROLES.staff,
  schema: createRoundSchema,
  fields: roundInputFrom,
  run: async (actor, input) => {
    const { round, slotCount } = await createRound(actor, input);
    return { roundId: round.id, slotCount };
  },
  revalidate: () => '/gesprekken',
});

// The day view's changes: staff only (the service decides about the row), then the day view refreshes.
const DAY = () => '/gesprekken/dag';

export const attendanceAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ bookingId: idSchema, attendance: z.enum(['HELD', 'NO_SHOW', 'EXPECTED']) }),
  fields: (form) => formFields(form, ['bookingId', 'attendance']),
  run: (actor, i) => setAttendance(actor, i.bookingId, i.attendance).then(() => undefined),
  revalidate: DAY,
});

export const blockSlotAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ slotId: idSchema, blocked: z.enum(['true', 'false']) }),
  fields: (form) => formFields(form, ['slotId', 'blocked']),
  run: (actor, i) => setSlotBlocked(actor, i.slotId, i.blocked === 'true').then(() => undefined),
  revalidate: DAY,
});

export const remindAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ roundId: idSchema, groupId: idSchema, kind: z.enum(['missing', 'noShows']).default('missing') }),
  fields: (form) => formFields(form, ['roundId', 'groupId', 'kind']),
  run: async (actor, i) => ({ sent: await (i.kind === 'noShows' ? inviteNoShows : remindMissing)(actor, i.roundId, i.groupId) }),
});

export const allocateAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ roundId: idSchema }),
  fields: (form) => formFields(form, ['roundId']),
  run: async (actor, i) => {
    const { booked, outsidePreference, unplaced } = await allocateRound(actor, i.roundId);
    return { booked, outsidePreference, unplaced };
  },
  revalidate: (i) => `/gesprekken/${i.roundId}`,
});

/** The teacher books on behalf of a family (any time, no opening window). */
export const bookOnBehalfAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ roundId: idSchema, childId: idSchema, slotId: idSchema }),
  fields: (form) => formFields(form, ['roundId', 'childId', 'slotId']),
  run: (actor, i) => bookTalks(actor, { roundId: i.roundId, items: [{ childId: i.childId, slotId: i.slotId }] }).then(() => undefined),
  revalidate: DAY,
});

/** Staff cancel a talk, also after the deadline. */
export const staffCancelAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ bookingId: idSchema }),
  fields: (form) => formFields(form, ['bookingId']),
  run: (actor, i) => cancelBooking(actor, i.bookingId).then(() => undefined),
  revalidate: DAY,
});

export const addSlotAction = formAction({
  roles: ROLES.staff,
  schema: z.object({ roundGroup: z.string().regex(/^[\w-]+:[\w-]+$/), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), time: z.string().regex(/^\d{2}:\d{2}$/) }),
  fields: (form) => formFields(form, ['roundGroup', 'date', 'time']),
  run: async (actor, i) => {
    const [roundId, groupId] = i.roundGroup.split(':');
    await addSlot(actor, roundId, groupId, zonedToUtc(`${i.date}T${i.time}`));
    return undefined;
  },
  revalidate: DAY,
});

/** A teacher's own rhythm for one schedule of a round: its slots are cut again (lib/bookings/rhythm.ts). */
export const setRhythmAction = formAction({
  roles: ROLES.staff,
  schema: rhythmSchema,
  fields: (form) => ({ ...formFields(form, ['roundId', 'groupId', 'breakAfterTalks', 'breakMinutes']), teacherKey: String(form.get('teacherKey') ?? ''), breaks: breakRowsFrom(form) }),
  run: (actor, i) => setScheduleRhythm(actor, i).then(() => undefined),
  revalidate: (i) => [`/gesprekken/${i.roundId}`, DAY()],
});
