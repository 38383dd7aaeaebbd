'use server';

import { formAction } from '@/lib/access/action';
import { ROLES } from '@/lib/access/roles';
import { attendanceSchema, meetingSchema, rsvpSchema } from './schemas';
import { answerRsvp, createMeeting, markAttendance } from './service';

export const createMeetingAction = formAction({
  roles: ROLES.staff,
  schema: meetingSchema,
  fields: (form) => ({
    kind: form.get('kind'),
    title: form.get('title'),
    description: form.get('description') ?? '',
    location: form.get('location') ?? undefined,
    date: form.get('date'),
    from: form.get('from'),
    to: form.get('to'),
    audience: form.get('audience'),
    groupIds: form.getAll('groupIds').map(String),
    targetPercent: form.get('targetPercent') || undefined,
  }),
  run: async (actor, input) => ({ id: await createMeeting(actor, input) }),
  revalidate: () => '/bijeenkomsten',
  redirectTo: (_input, { id }) => `/bijeenkomsten/${id}`,
});

export const rsvpAction = formAction({
  roles: ROLES.guardian,
  schema: rsvpSchema,
  fields: (form) => ({ meetingId: form.get('meetingId'), answer: form.get('answer'), people: form.get('people') || undefined }),
  run: async (actor, input) => {
    await answerRsvp(actor, input);
    return undefined;
  },
  revalidate: ({ meetingId }) => ['/bijeenkomsten', `/bijeenkomsten/${meetingId}`],
});

/** One tap in the register: a button per household saves it at once (a form, so it works before scripts load). */
export const attendanceFormAction = formAction({
  roles: ROLES.staff,
  schema: attendanceSchema,
  fields: (form) => ({ meetingId: form.get('meetingId'), householdId: form.get('householdId'), present: form.get('present') === 'true' }),
  run: async (actor, input) => {
    await markAttendance(actor, input);
    return undefined;
  },
  revalidate: ({ meetingId }) => [`/bijeenkomsten/${meetingId}`, `/bijeenkomsten/${meetingId}/aanwezig`],
});
